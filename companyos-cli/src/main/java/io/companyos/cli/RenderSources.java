package io.companyos.cli;

import io.companyos.model.CompanyOsException;
import io.companyos.sources.MetricSource;
import io.companyos.sources.MetricSourceProvider;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Opens the sources the {@code render} command reads. Without {@code --sources} that is the
 * {@code sample} provider found through {@link ServiceLoader}, created for the as-of instant (the
 * sample company's fixed "now" unless {@code --as-of} is given), with a clock fixed at that instant so
 * provenance timestamps, and therefore the output, are reproducible.
 */
final class RenderSources {
  /** The opened sources and the as-of instant to render at; closing closes the sources. */
  record Opened(List<MetricSource> sources, Instant asOf) implements AutoCloseable {
    @Override
    public void close() {
      sources.forEach(MetricSource::close);
    }
  }

  private RenderSources() {}

  static Opened open(@Nullable Path sourcesFile, @Nullable Instant asOf) {
    if (sourcesFile != null) {
      throw new CompanyOsException("COS-CLI-010", "--sources is not supported by this build yet", sourcesFile.toString(),
          "omit --sources to render from the built-in sample company", null);
    }
    Instant at = asOf != null ? asOf : SampleSourceProvider.DEFAULT_AS_OF;
    for (MetricSourceProvider p : ServiceLoader.load(MetricSourceProvider.class, RenderSources.class.getClassLoader())) {
      if (p.id().equals(SampleSourceProvider.ID)) {
        SourceContext ctx = SourceContext.of("sample", Map.of("as_of", at.toString()), Clock.fixed(at, ZoneOffset.UTC), Path.of("."));
        return new Opened(List.of(p.create(ctx)), at);
      }
    }
    throw new CompanyOsException("COS-CLI-011", "no 'sample' source provider on the class path", null,
        "add companyos-sources-builtin to the class path or pass --sources", null);
  }
}
