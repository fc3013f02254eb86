package io.companyos.connectors.security;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;

/**
 * Provider of the {@code security-exports} source. Options: {@code path} (required; a file or a folder,
 * relative to the directory of sources.yaml), {@code mode} ({@code strict}, the default, or {@code lenient}).
 */
public final class SecurityExportsSourceProvider implements MetricSourceProvider {
  /** Provider id used in YAML ({@code type: security-exports}). */
  public static final String ID = "security-exports";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MetricSource create(SourceContext context) {
    Path path = context.baseDirectory().resolve(context.requireOption("path"));
    String mode = context.option("mode").orElse("strict");
    if (!mode.equals("strict") && !mode.equals("lenient")) {
      throw new SourceConfigException(context.sourceId(), "mode '" + mode + "' is neither strict nor lenient", null);
    }
    for (String key : context.options().keySet()) {
      if (!key.equals("path") && !key.equals("mode")) {
        throw new SourceConfigException(context.sourceId(), "unknown option '" + key + "'", "the options are path and mode");
      }
    }
    return new SecurityExportsSource(context.sourceId(), path, mode.equals("strict"), context.clock());
  }
}
