package io.companyos.examples.start.plugin;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;

/** Makes {@code type: daily-deploys} sources; option {@code days} (default 30) is how far back they go. */
public final class DailyDeploySourceProvider implements MetricSourceProvider {
  /** The type name sources.yaml uses. */
  public static final String TYPE = "daily-deploys";

  @Override
  public String id() {
    return TYPE;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String days = context.option("days").orElse("30");
    if (!days.matches("[1-9][0-9]{0,3}")) {
      throw new SourceConfigException(context.sourceId(), "days must be a whole number from 1 to 9999, was " + days,
          "set 'days:' under the source's options");
    }
    return new DailyDeploySource(context.sourceId(), Integer.parseInt(days), context.clock());
  }
}
