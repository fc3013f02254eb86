package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.builtin.internal.ParquetRows;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 * {@code <kind>.parquet} in a files folder, read through DuckDB's JDBC driver (a test dependency here, as it is the
 * application's choice in production): FOCUS types turned into the CSV layout's text, the sample company read the
 * same from Parquet as from CSV, and the errors of a bad file, a missing column, a bad cell and a missing driver.
 */
class ParquetFilesTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow NOVEMBER = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
  @TempDir Path dir;

  FilesSource files(Path folder, boolean strict) {
    return new FilesSource("files", folder, strict, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A source that reads every file window by window, as it reads files bigger than its windowed-read size. */
  FilesSource windowed(Path folder) {
    return new FilesSource("files", folder, true, Clock.fixed(NOW, ZoneOffset.UTC), 0);
  }

  static void duckdb(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** A FOCUS export as cloud exports type it: zoned and plain timestamps, decimals, a double, a map of tags, NULLs. */
  void focusExport(String extraRow) throws SQLException {
    duckdb("CREATE TABLE focus (ChargePeriodStart TIMESTAMPTZ, ChargePeriodEnd TIMESTAMP, BilledCost DECIMAL(18,4), "
        + "EffectiveCost DECIMAL(18,4), ListCost DOUBLE, ServiceName VARCHAR, ServiceCategory VARCHAR, ProviderName VARCHAR, "
        + "ChargeCategory VARCHAR, PricingCategory VARCHAR, CommitmentDiscountType VARCHAR, Tags MAP(VARCHAR, VARCHAR))",
        "INSERT INTO focus VALUES"
            + " ('2026-10-31 00:00:00+00', '2026-11-01 00:00:00', 10.0, 9.0, 12.0, 'Amazon EC2', 'Compute', 'AWS', 'Usage',"
            + " 'Standard', NULL, MAP {'team': 'web'}),"
            + " ('2026-11-01 02:00:00+02', '2026-11-02 00:00:00', 120.5, 100.25, 150.75, 'Amazon EC2', 'Compute', 'AWS',"
            + " 'Usage', 'Committed', 'Savings Plan', MAP {'team': 'web', 'env': 'prod'}),"
            + " ('2026-11-02 00:00:00+00', '2026-11-03 00:00:00', -5.0, -5.0, NULL, 'Amazon S3', 'Storage', 'AWS', 'Credit',"
            + " NULL, NULL, MAP {})" + extraRow,
        "COPY focus TO '" + dir.resolve("costs.parquet") + "' (FORMAT parquet)");
  }

  @Test
  void aFocusParquetExportReadsAsItsCsvRowsWould() throws Exception {
    focusExport("");
    Dataset<CostRow> november = files(dir, true).records(RecordKind.COSTS, NOVEMBER);
    List<CostRow> rows = november.rows();
    // The first row's charge period starts on 31 October: outside the window. 02:00 at +02 is midnight UTC.
    assertThat(rows).extracting(CostRow::chargePeriodStart)
        .containsExactly(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"));
    CostRow usage = rows.get(0);
    assertThat(usage.chargePeriodEnd()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z")); // a plain timestamp is UTC
    assertThat(usage.billedCost()).isEqualTo(new BigDecimal("120.5000"));
    assertThat(usage.effectiveCost()).isEqualTo(new BigDecimal("100.2500"));
    assertThat(usage.listCost()).isEqualTo(new BigDecimal("150.75"));
    assertThat(usage.commitmentDiscountType()).isEqualTo("Savings Plan");
    assertThat(usage.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    CostRow credit = rows.get(1);
    assertThat(credit.chargeCategory()).isEqualTo("Credit");
    assertThat(credit.billedCost()).isEqualTo(new BigDecimal("-5.0000"));
    assertThat(credit.listCost()).isEqualTo(new BigDecimal("-5.0000")); // NULL ListCost defaults to EffectiveCost, as in CSV
    assertThat(credit.tags()).isEmpty();
    assertThat(november.provenance().query()).contains("costs.parquet");
    assertThat(files(dir, true).recordKinds()).contains("costs");
    // Read by window (a big file), the window is pushed down into DuckDB's scan: the same rows, and the span of the
    // whole file's times (31 October to 2 November, three distinct times) from DuckDB rather than from the rows read.
    Dataset<CostRow> byWindow = windowed(dir).records(RecordKind.COSTS, NOVEMBER);
    assertThat(byWindow.rows()).isEqualTo(rows);
    assertThat(byWindow.provenance().covers()).isEqualTo(november.provenance().covers());
    assertThat(byWindow.provenance().covers().first()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
    assertThat(byWindow.provenance().covers().last()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(byWindow.provenance().covers().rows()).isEqualTo(3);
  }

  @Test
  void aWindowOnATimestampColumnIsPushedDownAndOneOnTextIsNot() throws Exception {
    focusExport("");
    Path parquet = dir.resolve("costs.parquet");
    Path csv = dir.resolve("out.csv");
    ParquetRows.Written w = ParquetRows.toCsv(parquet, csv, "ChargePeriodStart", NOVEMBER.start(), NOVEMBER.end());
    assertThat(w.windowed()).isTrue();
    assertThat(w.columns()).startsWith("ChargePeriodStart", "ChargePeriodEnd").endsWith("Tags");
    List<String> lines = Files.readAllLines(csv);
    // The header, then the two November rows (rows 1 and 2 of the file, from 0), times in UTC, the map as JSON.
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("ChargePeriodStart,ChargePeriodEnd,BilledCost").endsWith(",Tags," + ParquetRows.ROW);
    assertThat(lines.get(1)).startsWith("2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,120.5000,100.2500,150.75,")
        .endsWith(",1");
    assertThat(lines.get(2)).startsWith("2026-11-02T00:00:00Z,").endsWith(",{},2");
    assertThat(ParquetRows.span(parquet, "ChargePeriodStart")).isEqualTo(new ParquetRows.Span(
        Instant.parse("2026-10-31T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), 3));
    // ChargePeriodEnd is a timestamp without a zone, read as UTC: the row ending at midnight of 1 November is out.
    assertThat(ParquetRows.toCsv(parquet, csv, "ChargePeriodEnd", Instant.parse("2026-11-01T00:00:01Z"), NOVEMBER.end())
        .windowed()).isTrue();
    assertThat(Files.readAllLines(csv)).hasSize(3);
    // A window on a text column is not applied by DuckDB (the layout applies it): every row is written.
    assertThat(ParquetRows.toCsv(parquet, csv, "ServiceName", NOVEMBER.start(), NOVEMBER.end()).windowed()).isFalse();
    assertThat(Files.readAllLines(csv)).hasSize(4);
  }

  @Test
  void theSampleCompanyReadsTheSameFromParquetAsFromCsv() throws Exception {
    Path csv = Files.createDirectories(dir.resolve("csv"));
    Path parquet = Files.createDirectories(dir.resolve("parquet"));
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), csv));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(120)), csv);
    List<RecordKind<?>> kinds = List.of(RecordKind.COSTS, RecordKind.INCIDENTS, RecordKind.DEPLOYMENTS, RecordKind.CHANGES,
        RecordKind.PRODUCT_EVENTS, RecordKind.VULNERABILITIES);
    Path typed = Files.createDirectories(dir.resolve("typed"));
    for (RecordKind<?> kind : kinds) {
      // Every cell as the text the CSV holds: what is compared is the reading, not DuckDB's guess of each type.
      duckdb("COPY (SELECT * FROM read_csv('" + csv.resolve(kind.name() + ".csv") + "', all_varchar = true, header = true)) "
          + "TO '" + parquet.resolve(kind.name() + ".parquet") + "' (FORMAT parquet)");
    }
    // Kinds without amounts, with the types DuckDB reads from the CSV (times with a zone): windows pushed down.
    List<RecordKind<?>> typedKinds = List.of(RecordKind.PRODUCT_EVENTS, RecordKind.CHANGES, RecordKind.DEPLOYMENTS);
    for (RecordKind<?> kind : typedKinds) {
      duckdb("COPY (SELECT * FROM read_csv('" + csv.resolve(kind.name() + ".csv") + "', header = true)) "
          + "TO '" + typed.resolve(kind.name() + ".parquet") + "' (FORMAT parquet)");
    }
    int compared = 0;
    for (RecordKind<?> kind : kinds) {
      for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30))) {
        TimeWindow w = TimeWindow.ending(NOW, d);
        List<?> fromCsv = files(csv, true).records(kind, w).rows();
        Dataset<?> fromParquet = files(parquet, true).records(kind, w);
        assertThat(fromParquet.rows()).as(kind.name() + " " + w).isEqualTo(fromCsv);
        // Read window by window (a big file), the rows and the span of the file's times are the same.
        Dataset<?> byWindow = windowed(parquet).records(kind, w);
        assertThat(byWindow.rows()).as(kind.name() + " by window " + w).isEqualTo(fromCsv);
        assertThat(byWindow.provenance().covers()).isEqualTo(fromParquet.provenance().covers());
        compared += fromCsv.size();
        if (typedKinds.contains(kind)) {
          Dataset<?> typedWhole = files(typed, true).records(kind, w);
          Dataset<?> typedWindow = windowed(typed).records(kind, w);
          assertThat(typedWhole.rows()).as(kind.name() + " typed " + w).isEqualTo(fromCsv);
          assertThat(typedWindow.rows()).as(kind.name() + " typed, pushed down " + w).isEqualTo(fromCsv);
          assertThat(typedWindow.provenance().covers()).isEqualTo(typedWhole.provenance().covers());
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  @Test
  void aBadCellNamesItsRowAndLenientModeSkipsIt() throws Exception {
    focusExport(", (NULL, '2026-11-04 00:00:00', 1.0, 1.0, 1.0, 'Amazon EC2', 'Compute', 'AWS', 'Usage', NULL, NULL, MAP {})");
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.COSTS, NOVEMBER))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.file()).isEqualTo("costs.parquet");
          assertThat(e.line()).isEqualTo(4); // the fourth row
          assertThat(e.column()).isEqualTo("ChargePeriodStart");
        });
    // Read by window, with the window pushed down, the row keeps its number in the file (the October row is not read).
    assertThatThrownBy(() -> windowed(dir).records(RecordKind.COSTS, NOVEMBER))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.line()).isEqualTo(4));
    FilesSource lenient = files(dir, false);
    assertThat(lenient.records(RecordKind.COSTS, NOVEMBER).rows()).hasSize(2);
    assertThat(lenient.skipped()).singleElement().satisfies(s -> {
      assertThat(s.file()).isEqualTo("costs.parquet");
      assertThat(s.line()).isEqualTo(4);
    });
  }

  @Test
  void productEventsComeInColumnsAndABadRowIsStillNamedByItsRow() throws Exception {
    duckdb("COPY (SELECT * FROM (VALUES"
        + " (TIMESTAMPTZ '2026-11-02 09:00:00+00', 'u-1', 'acct-1', 's-1', 'session_start', NULL),"
        + " (TIMESTAMPTZ '2026-11-02 09:00:00.250+00', 'u-1', 'acct-1', 's-1', 'feature_used', 'reports'),"
        + " (TIMESTAMPTZ '2026-11-03 10:00:00+01', 'u-2', 'acct-1', 's-2', 'session_start', NULL))"
        + " AS t(timestamp, user_id, account_id, session_id, event, feature)) TO '" + dir.resolve("product_events.parquet")
        + "' (FORMAT parquet)");
    List<io.companyos.model.data.ProductEvent> events = files(dir, true).records(RecordKind.PRODUCT_EVENTS, NOVEMBER).rows();
    // Read into columns (records made when read), a fraction of a second and an offset kept.
    assertThat(events).isInstanceOf(io.companyos.sources.ComputedRows.class);
    assertThat(events).extracting(io.companyos.model.data.ProductEvent::timestamp).containsExactly(
        Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T09:00:00.250Z"), Instant.parse("2026-11-03T09:00:00Z"));
    assertThat(events.get(1).feature()).isEqualTo("reports");
    duckdb("COPY (SELECT * FROM (VALUES"
        + " (TIMESTAMPTZ '2026-11-02 09:00:00+00', 'u-1', 'acct-1', 's-1', 'session_start', NULL),"
        + " (TIMESTAMPTZ '2026-11-02 09:05:00+00', NULL, 'acct-1', 's-1', 'feature_used', 'reports'))"
        + " AS t(timestamp, user_id, account_id, session_id, event, feature)) TO '" + dir.resolve("product_events.parquet")
        + "' (FORMAT parquet)");
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.PRODUCT_EVENTS, NOVEMBER))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.file()).isEqualTo("product_events.parquet");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo("user_id");
        });
  }

  @Test
  void aFileThatIsNotParquetOrLacksAColumnIsAnErrorThatNamesIt() throws Exception {
    Files.writeString(dir.resolve("incidents.parquet"), "incident_id,opened\nINC-1,2026-11-01T00:00:00Z\n");
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.INCIDENTS, NOVEMBER))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.file()).isEqualTo("incidents.parquet");
          assertThat(e.getMessage()).contains("cannot read it as Parquet");
        });
    duckdb("COPY (SELECT TIMESTAMPTZ '2026-11-01 00:00:00+00' AS ChargePeriodStart, 1.0 AS BilledCost) TO '"
        + dir.resolve("costs.parquet") + "' (FORMAT parquet)");
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.COSTS, NOVEMBER))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.file()).isEqualTo("costs.parquet");
          assertThat(e.column()).isEqualTo("ChargePeriodEnd");
          assertThat(e.getMessage()).contains("required column is missing");
        });
  }

  @Test
  void withoutDuckDbsDriverTheErrorSaysWhatToAdd() throws Exception {
    focusExport("");
    assertThatThrownBy(() -> files(dir, true).withParquetReadable(false).records(RecordKind.COSTS, NOVEMBER))
        .isInstanceOfSatisfying(SourceConfigException.class, e -> {
          assertThat(e.getMessage()).contains("costs.parquet", "DuckDB's JDBC driver");
          assertThat(e.hint()).contains("org.duckdb:duckdb_jdbc", "jdbc source");
        });
    assertThat(ParquetRows.readable()).isTrue(); // here the driver is on the class path
  }

  @Test
  void aFolderWhoseNameReadsAsAGlobIsReadAloneNotAsThePattern() throws Exception {
    // read_parquet takes globs: unescaped, "d[1]" would read d1's file and "d?x*y" dQxZy's as well as its own.
    Map<String, Integer> rows = Map.of("d[1]", 1, "d1", 2, "d?x*y", 3, "dQxZy", 4, "a]b", 5);
    for (Map.Entry<String, Integer> e : rows.entrySet()) {
      Path folder = Files.createDirectories(dir.resolve(e.getKey()));
      duckdb("COPY (SELECT TIMESTAMPTZ '2026-11-02 00:00:00+00' + INTERVAL (i) DAY AS ChargePeriodStart, "
          + "TIMESTAMPTZ '2026-11-03 00:00:00+00' + INTERVAL (i) DAY AS ChargePeriodEnd, 1.0 AS BilledCost, 1.0 AS EffectiveCost, "
          + "1.0 AS ListCost, 'S' AS ServiceName, 'Compute' AS ServiceCategory, 'AWS' AS ProviderName, 'Usage' AS ChargeCategory, "
          + "'Standard' AS PricingCategory, NULL AS CommitmentDiscountType, MAP {} AS Tags FROM range(" + e.getValue()
          + ") t(i)) TO '" + folder.resolve("costs.parquet").toString().replace("'", "''") + "' (FORMAT parquet)");
    }
    for (Map.Entry<String, Integer> e : rows.entrySet()) {
      Path folder = dir.resolve(e.getKey());
      assertThat(files(folder, true).records(RecordKind.COSTS, NOVEMBER).rows()).as(e.getKey()).hasSize(e.getValue());
      assertThat(windowed(folder).records(RecordKind.COSTS, NOVEMBER).rows()).as(e.getKey()).hasSize(e.getValue());
      assertThat(ParquetRows.span(folder.resolve("costs.parquet"), "ChargePeriodStart").distinct()).as(e.getKey())
          .isEqualTo(e.getValue().longValue());
    }
  }

  @Test
  void aCsvFileBesideAParquetOneIsTheOneRead() throws IOException, SQLException {
    focusExport("");
    Files.writeString(dir.resolve("costs.csv"), FocusCostsTest.HEADER
        + "2026-11-05T00:00:00Z,2026-11-06T00:00:00Z,1,1,1,AmazonEC2,Compute,AWS,Usage,Standard,NULL,NULL\n");
    assertThat(files(dir, true).records(RecordKind.COSTS, NOVEMBER).rows()).extracting(CostRow::chargePeriodStart)
        .containsExactly(Instant.parse("2026-11-05T00:00:00Z"));
  }
}
