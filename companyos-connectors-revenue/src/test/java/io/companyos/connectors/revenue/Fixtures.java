package io.companyos.connectors.revenue;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hand-written Stripe exports under src/test/resources/revenue and sources over them. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final Path DIR = Path.of("src/test/resources/revenue");

  private Fixtures() {}

  static RevenueExportsSource source(Path path, String mode, Map<String, String> options) {
    Map<String, String> all = new HashMap<>(options);
    all.put("path", path.toString());
    all.put("mode", mode);
    return (RevenueExportsSource) new RevenueExportsSourceProvider().create(
        SourceContext.of("billing", all, Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  static RevenueExportsSource stripe(Map<String, String> options) {
    return source(DIR.resolve("stripe"), "strict", options);
  }

  static <T> List<T> rows(RevenueExportsSource s, RecordKind<T> kind) {
    return s.records(kind, ALL).rows();
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
