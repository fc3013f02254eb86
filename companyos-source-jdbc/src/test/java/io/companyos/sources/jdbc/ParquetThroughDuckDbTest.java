package io.companyos.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FOCUS cost export written as Parquet (by DuckDB here, as cloud exports write it), read by the jdbc source through
 * DuckDB's driver with {@code read_parquet}: the window pushed down to the file scan, the FOCUS column names matched,
 * the rows the same as the CSV layout gives.
 */
class ParquetThroughDuckDbTest {
  @Test
  void aFocusParquetExportIsReadForTheWindowAskedFor(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("focus-2026-11.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE focus (ChargePeriodStart TIMESTAMPTZ, ChargePeriodEnd TIMESTAMPTZ, BilledCost DECIMAL(18,4), "
          + "EffectiveCost DECIMAL(18,4), ListCost DECIMAL(18,4), ServiceName VARCHAR, ChargeCategory VARCHAR, Tags MAP(VARCHAR, VARCHAR))");
      s.execute("INSERT INTO focus VALUES"
          + " ('2026-10-31 00:00:00+00', '2026-11-01 00:00:00+00', 10.0, 9.0, 12.0, 'Amazon EC2', 'Usage', MAP {'team': 'web'}),"
          + " ('2026-11-01 00:00:00+00', '2026-11-02 00:00:00+00', 120.5, 100.25, 150.0, 'Amazon EC2', 'Usage', MAP {'team': 'web'}),"
          + " ('2026-11-02 00:00:00+00', '2026-11-03 00:00:00+00', -5.0, -5.0, NULL, 'Amazon EC2', 'Credit', MAP {})");
      s.execute("COPY focus TO '" + file + "' (FORMAT parquet)");
    }
    String query = "SELECT ChargePeriodStart, ChargePeriodEnd, BilledCost, EffectiveCost, ListCost, ServiceName, ChargeCategory, "
        + "to_json(Tags)::VARCHAR AS Tags FROM read_parquet('" + dir + "/*.parquet') "
        + "WHERE ChargePeriodStart >= :from AND ChargePeriodStart < :to ORDER BY ChargePeriodStart";
    TimeWindow november = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
    try (MetricSource src = new JdbcSourceProvider().create(new SourceContext("focus", Map.of("url", "jdbc:duckdb:",
        "query.costs", query), Clock.systemUTC(), dir, Duration.ofSeconds(30), 0, name -> null))) {
      List<CostRow> rows = src.records(RecordKind.COSTS, november).rows();
      assertThat(rows).extracting(CostRow::chargePeriodStart)
          .containsExactly(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"));
      assertThat(rows).extracting(CostRow::billedCost).containsExactly(new BigDecimal("120.5000"), new BigDecimal("-5.0000"));
      assertThat(rows.get(0).listCost()).isEqualByComparingTo("150");
      assertThat(rows.get(0).tags()).containsEntry("team", "web");
      assertThat(rows.get(1).chargeCategory()).isEqualTo("Credit");
    }
  }
}
