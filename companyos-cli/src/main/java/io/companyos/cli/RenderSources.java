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
 * the sample company's fixed "now" when every source is a sample (so the README command is
 * reproducible), and to the current time (UTC) otherwise; sample sources are clipped at the as-of. Sources get a clock fixed at the as-of instant,
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
    Instant at = asOf != null ? asOf : defaultAsOf(loaded.specs());
    Sources sources = SourceRegistry.discover().open(at(loaded.specs(), at), Clock.fixed(at, ZoneOffset.UTC),
        loaded.baseDirectory());
    try {
      sources.requireServedClaims();
    } catch (RuntimeException e) {
      sources.close();
      throw e;
    }
    return new Opened(sources, at);
  }

  /**
   * The as-of when none is given: the sample company's fixed "now" when every source is a sample (so the
   * quick start is reproducible), else the current time.
   */
  static Instant defaultAsOf(List<SourceSpec> specs) {
    boolean onlySample = !specs.isEmpty() && specs.stream().allMatch(s -> s.type().equals(SampleSourceProvider.ID));
    return onlySample ? SampleSourceProvider.DEFAULT_AS_OF : Clock.systemUTC().instant();
  }

  /** The specs with every sample source's "now" set to {@code at} (unless its options fix one). */
  static List<SourceSpec> at(List<SourceSpec> specs, Instant at) {
    return specs.stream().map(s -> {
      if (!s.type().equals(SampleSourceProvider.ID) || s.options().containsKey("as_of")) {
        return s;
      }
      Map<String, String> options = new java.util.LinkedHashMap<>(s.options());
      options.put("as_of", at.toString());
      return s.withOptions(options);
    }).toList();
  }
}
