package io.companyos.connectors.costs;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Provider of the {@code cost-exports} source. Options: {@code path} (required; a file or a folder, relative to the
 * directory of sources.yaml) and {@code mode} ({@code strict}, the default, or {@code lenient}).
 */
public final class CostExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: cost-exports}). */
  public static final String ID = "cost-exports";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    String sourceId = context.sourceId();
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(sourceId, "mode '" + mode + "' is neither strict nor lenient", null);
    }
    for (String key : context.options().keySet()) {
      if (!List.of("path", "mode").contains(key)) {
        throw new SourceConfigException(sourceId, "unknown option '" + key + "'", "the options are path and mode");
      }
    }
    return new CostExportsSource(sourceId, path, mode.equals("strict"), context.clock());
  }
}
