package io.companyos.connectors.revenue;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Provider of the {@code revenue-exports} source. Options: {@code path} (required; a file or a folder, relative to the
 * directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}) and {@code currency} (the
 * ISO 4217 code of the one currency to read when the exports hold several).
 */
public final class RevenueExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: revenue-exports}). */
  public static final String ID = "revenue-exports";

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
      if (!List.of("path", "mode", "currency").contains(key)) {
        throw new SourceConfigException(sourceId, "unknown option '" + key + "'", "the options are path, mode and currency");
      }
    }
    String currency = context.option("currency").map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse(null);
    if (currency != null && !currency.matches("[a-z]{3}")) {
      throw new SourceConfigException(sourceId, "currency '" + context.option("currency").get() + "' is not an ISO 4217 code",
          "write e.g. 'currency: usd'");
    }
    return new RevenueExportsSource(sourceId, path, mode.equals("strict"), new Settings(currency), context.clock());
  }
}
