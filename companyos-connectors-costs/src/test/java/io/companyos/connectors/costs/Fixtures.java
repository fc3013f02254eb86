package io.companyos.connectors.costs;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hand-written exports under src/test/resources/costs and sources over them. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final Path DIR = Path.of("src/test/resources/costs");

  private Fixtures() {}

  static CostExportsSource source(Path path, String mode) {
    Map<String, String> all = new HashMap<>();
    all.put("path", path.toString());
    all.put("mode", mode);
    return (CostExportsSource) new CostExportsSourceProvider().create(
        SourceContext.of("cloud", all, Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  static CostExportsSource source(String relative) {
    return source(DIR.resolve(relative), "strict");
  }

  static List<CostRow> rows(CostExportsSource s) {
    return s.records(RecordKind.COSTS, ALL).rows();
  }

  static String query(CostExportsSource s) {
    return s.records(RecordKind.COSTS, ALL).provenance().query();
  }

  static BigDecimal total(List<CostRow> rows) {
    return rows.stream().map(CostRow::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
