package io.companyos.connectors.costs;

import static io.companyos.connectors.costs.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AWS Data Exports FOCUS 1.0 folder as delivered to S3 and synced, to rows worked out by hand. */
class AwsDataExportsTest {
  @TempDir Path tmp;

  @Test
  void theManifestNamesTheDataFilesAndAStalePartIsNotRead() {
    CostExportsSource s = Fixtures.source("aws");
    List<CostRow> rows = Fixtures.rows(s);
    // Parts 00001 (4 rows) and 00002 (3 rows); 00003, left from an earlier delivery, would add 999.00.
    assertThat(rows).hasSize(7);
    // 100 + 40 + 12.50 + 30 + 120 - 25 + 50 = 327.50
    assertThat(Fixtures.total(rows)).isEqualByComparingTo("327.50");
    assertThat(Fixtures.query(s)).isEqualTo(
        "acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00001.csv.gz (AWS FOCUS export), "
            + "acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00002.csv.gz (AWS FOCUS export); "
            + "1 file not in the latest manifest of its billing period or run, not read: "
            + "acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00003.csv.gz");
  }

  @Test
  void rowsAreReadAsCostsCsvReadsThem() {
    List<CostRow> rows = Fixtures.rows(Fixtures.source("aws"));
    // A reserved database hour: billed 0 (paid up front), amortized 40, on-demand 60; NULL cells are empty.
    assertThat(rows.get(1)).isEqualTo(new CostRow(t("2026-10-01T00:00:00Z"), t("2026-10-02T00:00:00Z"), new BigDecimal("0.00"),
        new BigDecimal("40.00"), new BigDecimal("60.00"), "Amazon Relational Database Service", "Databases", "AWS", "Usage",
        "Committed", "Reservation", CostRow.USED, Map.of("team", "data")));
    // A credit is negative; without ListCost its list cost is its effective cost.
    CostRow credit = rows.get(5);
    assertThat(credit.chargeCategory()).isEqualTo("Credit");
    assertThat(credit.listCost()).isEqualByComparingTo("-25.00");
    assertThat(credit.pricingCategory()).isNull();
    assertThat(credit.tags()).isEmpty();
    assertThat(rows.get(6).chargeCategory()).isEqualTo("Purchase");
  }

  @Test
  void createNewReportKeepsTheLatestDeliveryOfAPeriod() throws IOException {
    Path copy = copy(Fixtures.DIR.resolve("aws-create-new"));
    String meta = "acme-daily/metadata/BILLING_PERIOD=2026-11/";
    // The execution whose id sorts first was delivered last (aws s3 sync keeps the objects' times).
    Files.setLastModifiedTime(copy.resolve(meta + "0c9b8a7d-1111-4e2f-9a3b-222233334444/acme-daily-Manifest.json"),
        FileTime.from(Instant.parse("2026-11-03T06:00:00Z")));
    Files.setLastModifiedTime(copy.resolve(meta + "f7e6d5c4-5555-4a1b-8c2d-666677778888/acme-daily-Manifest.json"),
        FileTime.from(Instant.parse("2026-11-02T06:00:00Z")));
    CostExportsSource s = Fixtures.source(copy, "strict");
    assertThat(Fixtures.total(Fixtures.rows(s))).isEqualByComparingTo("10.00");
    assertThat(Fixtures.query(s)).startsWith("acme-daily/data/BILLING_PERIOD=2026-11/0c9b8a7d-1111-4e2f-9a3b-222233334444/"
        + "acme-daily-00001.csv.gz (AWS FOCUS export); 1 file not in the latest manifest");
    // Delivered the other way round, the later delivery (two days) wins.
    Files.setLastModifiedTime(copy.resolve(meta + "f7e6d5c4-5555-4a1b-8c2d-666677778888/acme-daily-Manifest.json"),
        FileTime.from(Instant.parse("2026-11-04T06:00:00Z")));
    assertThat(Fixtures.total(Fixtures.rows(Fixtures.source(copy, "strict")))).isEqualByComparingTo("21.00");
  }

  @Test
  void aParquetExportIsReadAsItsCsvWouldBe() throws Exception {
    Path copy = copy(Fixtures.DIR.resolve("aws"));
    Path data = copy.resolve("acme-focus/data/BILLING_PERIOD=2026-10");
    // The two parts the manifest names, written again as Parquet by DuckDB with the types it reads from the CSV
    // (times with a zone, costs as decimals or doubles, Tags as text), then the manifest made to name them.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement st = c.createStatement()) {
      for (String part : List.of("acme-focus-00001", "acme-focus-00002")) {
        st.execute("COPY (SELECT * FROM read_csv('" + data.resolve(part + ".csv.gz") + "', header = true)) TO '"
            + data.resolve(part + ".snappy.parquet") + "' (FORMAT parquet)");
        Files.delete(data.resolve(part + ".csv.gz"));
      }
    }
    Path manifest = copy.resolve("acme-focus/metadata/BILLING_PERIOD=2026-10/acme-focus-Manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace(".csv.gz", ".snappy.parquet"));
    Files.delete(data.resolve("acme-focus-00003.csv.gz"));
    List<CostRow> fromCsv = Fixtures.rows(Fixtures.source("aws"));
    CostExportsSource parquet = Fixtures.source(copy, "strict");
    List<CostRow> rows = Fixtures.rows(parquet);
    assertThat(rows).hasSize(7);
    assertThat(Fixtures.total(rows)).isEqualByComparingTo("327.50");
    for (int i = 0; i < rows.size(); i++) {
      // Equal but for the scale of the decimals (a double 40.0 is 40, the CSV's 40.00 is 40.00).
      assertThat(rows.get(i)).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .isEqualTo(fromCsv.get(i));
    }
    assertThat(Fixtures.query(parquet)).startsWith("acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00001.snappy.parquet "
        + "(AWS FOCUS export)");
  }

  @Test
  void aBadRowOfAParquetFileIsNamedByItsRow() throws Exception {
    Path folder = java.nio.file.Files.createDirectories(tmp.resolve("gcp-like"));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM (VALUES"
          + " (TIMESTAMPTZ '2026-10-01 00:00:00+00', TIMESTAMPTZ '2026-10-02 00:00:00+00', 10.0, 10.0, 'Compute Engine', 'Usage'),"
          + " (TIMESTAMPTZ '2026-10-02 00:00:00+00', TIMESTAMPTZ '2026-10-03 00:00:00+00', 12.0, 12.0, 'Compute Engine', 'Usage'),"
          + " (TIMESTAMPTZ '2026-10-03 00:00:00+00', TIMESTAMPTZ '2026-10-04 00:00:00+00', -3.0, -3.0, 'Compute Engine', 'Usage'))"
          + " AS t(ChargePeriodStart, ChargePeriodEnd, BilledCost, EffectiveCost, ServiceName, ChargeCategory)) TO '"
          + folder.resolve("focus-2026-10.parquet") + "' (FORMAT parquet)");
    }
    CostExportException e = (CostExportException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Fixtures.rows(Fixtures.source(folder, "strict")));
    // The third row is a negative amount on a Usage row, which only Credit and Adjustment rows may have.
    assertThat(e.code()).isEqualTo("COS-COST-004");
    assertThat(e.location()).startsWith("focus-2026-10.parquet:3");
    // Lenient: the two good rows, $22.
    assertThat(Fixtures.total(Fixtures.rows(Fixtures.source(folder, "lenient")))).isEqualByComparingTo("22");
  }

  @Test
  void aParquetFileThatIsNotParquetOrWithoutTheDriverIsALocatedError() throws IOException {
    Path copy = copy(Fixtures.DIR.resolve("aws"));
    Path part = copy.resolve("acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00001.snappy.parquet");
    Files.write(part, new byte[] {'P', 'A', 'R', '1'});
    Files.writeString(copy.resolve("acme-focus/metadata/BILLING_PERIOD=2026-10/acme-focus-Manifest.json"), """
        {"executionId": "e1", "dataFiles": ["s3://b/p/acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00001.snappy.parquet"]}
        """);
    CostExportException e = (CostExportException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Fixtures.rows(Fixtures.source(copy, "strict")));
    assertThat(e.code()).isEqualTo("COS-COST-001");
    assertThat(e.location()).isEqualTo("acme-focus/data/BILLING_PERIOD=2026-10/acme-focus-00001.snappy.parquet");
    assertThat(e.oneLine()).contains("cannot read it as Parquet");
    // Without DuckDB's driver on the class path, the error says what to add and where else Parquet can be read.
    CostExportsSource noDriver = new CostExportsSource("costs", copy, true, java.time.Clock.fixed(Fixtures.NOW,
        java.time.ZoneOffset.UTC), () -> false);
    e = (CostExportException) org.assertj.core.api.Assertions.catchThrowable(() -> Fixtures.rows(noDriver));
    assertThat(e.code()).isEqualTo("COS-COST-002");
    assertThat(e.oneLine()).contains("org.duckdb:duckdb_jdbc").contains("docs/sources.md").contains("Parquet files");
  }

  private Path copy(Path from) throws IOException {
    Path to = tmp.resolve(from.getFileName().toString());
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
