package io.companyos.connectors.security;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The hand-written exports under src/test/resources/security and a source over them. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final Path DIR = Path.of("src/test/resources/security");

  private Fixtures() {}

  static SecurityExportsSource source(Path path, String mode) {
    return (SecurityExportsSource) new SecurityExportsSourceProvider().create(SourceContext.of("scans",
        Map.of("path", path.toString(), "mode", mode), Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  static SecurityExportsSource source(String relative) {
    return source(DIR.resolve(relative), "strict");
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
