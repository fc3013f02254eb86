package io.companyos.cli;

import io.companyos.model.source.SourceSpec;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opens the sources the {@code render} command reads, through {@link SourceRegistry}: the ones in
 * {@code --sources FILE}, or else the embedded {@code sample} company. The as-of instant defaults to
 * the sample company's fixed "now" whenever a sample source is configured (so the README command is
 * reproducible), and to the current time otherwise. Sources get a clock fixed at the as-of instant,
 * so provenance timestamps, and therefore the output, depend only on the inputs.
 */
final class RenderSources {
  /** The opened sources and the as-of instant to render at; closing closes the sources. */
  record Opened(Sources sources, Instant asOf) implements AutoCloseable {
    List<MetricSource> all() {
      return sources.all();
    }

    @Override
    public void close() {
      sources.close();
    }
  }

  private RenderSources() {}

  static Opened open(@Nullable Path sourcesFile, @Nullable Instant asOf) {
    SourceOptions.Specs loaded = SourceOptions.load(sourcesFile);
    List<SourceSpec> specs = loaded.specs();
    Path base = loaded.baseDirectory();
    boolean sample = specs.stream().anyMatch(s -> s.type().equals(SampleSourceProvider.ID));
    Instant at = asOf != null ? asOf : sample ? SampleSourceProvider.DEFAULT_AS_OF : Clock.systemUTC().instant();
    List<SourceSpec> withAsOf = specs.stream().map(s -> {
      if (!s.type().equals(SampleSourceProvider.ID) || s.options().containsKey("as_of") || asOf == null) {
        return s;
      }
      // An explicit --as-of moves the sample company's "now" with it.
      Map<String, String> options = new java.util.LinkedHashMap<>(s.options());
      options.put("as_of", at.toString());
      return new SourceSpec(s.id(), s.type(), options, s.timeout(), s.retries());
    }).toList();
    Sources sources = SourceRegistry.discover().open(withAsOf, Clock.fixed(at, ZoneOffset.UTC), base);
    return new Opened(sources, at);
  }
}
