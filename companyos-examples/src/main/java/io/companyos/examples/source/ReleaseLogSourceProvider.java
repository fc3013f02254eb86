package io.companyos.examples.source;

import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceContext;

/**
 * Provider of the {@code release-log} source. Option {@code file}: path of the JSON release log,
 * relative to the directory of sources.yaml.
 */
public final class ReleaseLogSourceProvider implements MetricSourceProvider {
  @Override
  public String id() {
    return "release-log";
  }

  @Override
  public MetricSource create(SourceContext context) {
    // Cheap: only resolve the path here; the file is read on first query.
    return new ReleaseLogSource(context.sourceId(), context.baseDirectory().resolve(context.requireOption("file")), context.clock());
  }
}
