package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * costs.csv read in columns gives the records its record path gives: the sample company's FOCUS costs over many windows,
 * and a hand-made file of the shapes the scan must read as the record path does (quoted cells, the tags' doubled
 * quotes, FOCUS NULL, blanks around cells, an empty list cost, a charge category and commitment status in another case,
 * signs and zeros, a short row, starts out of order with ties), whole and in two parts; a file that is not plain is left
 * to the record path, which reads or refuses it as before.
 */
class CostColumnsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
  static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,ServiceCategory,"
      + "ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,CommitmentDiscountStatus,Tags\n";

  @TempDir Path tmp;

  Path folder(String name, String text) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("costs.csv"), text);
    return dir;
  }

  /** The same text as costs.csv.gz alone in a folder of its own: read by the record path. */
  Path recordPath(String name, String text) throws IOException {
    return EventColumnsTest.gzipped(Files.createDirectories(tmp.resolve(name + "-gz")), "costs.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSampleCompanysCostsAreTheRecordPaths() throws IOException {
    Path dir = EventColumnsTest.sampleExport(tmp.resolve("sample"));
    String text = Files.readString(dir.resolve("costs.csv"));
    assertThat(CostColumns.scan(dir.resolve("costs.csv"))).isPresent();
    MetricSource columns = EventColumnsTest.files(dir);
    MetricSource records = EventColumnsTest.files(recordPath("sample", text));
    int checked = 0;
    for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(400))) {
      TimeWindow w = TimeWindow.ending(NOW, d);
      Dataset<CostRow> expected = records.records(RecordKind.COSTS, w);
      Dataset<CostRow> read = columns.records(RecordKind.COSTS, w);
      assertThat(read.rows()).isEqualTo(expected.rows());
      assertThat(read.provenance().covers()).isEqualTo(expected.provenance().covers());
      checked += expected.rows().size();
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  /** Rows of every shape the scan reads; starts out of order, two tying with the first row. */
  static final String SHAPES = HEADER
      + "2026-01-02T00:00:00Z,2026-01-03T00:00:00Z,10.50,9.25,,\"api, gateway\",Compute,AWS,usage,Committed,Reservation,used,"
      + "\"{\"\"team\"\":\"\"a\"\",\"\"env\"\":\"\"prod\"\"}\"\n"
      + "2026-01-01T00:00:00+01:00, 2026-01-02T00:00:00Z ,+1.50,1.5,2.000,db,NULL,,,,NULL,,\n"
      + "2026-01-02T00:00:00Z,2026-01-02T12:00:00Z,-3.00,-0.00,-3,db,Databases,GCP,CREDIT,Standard,,,{}\n"
      + "2026-01-02T00:00:00Z,2026-01-02T00:00:00Z,0.0000123456789,0,0,\" cache \",,Azure,Purchase,Dynamic,Savings Plan,Unused,"
      + "\"{\"\"team\"\":\"\"a\"\",\"\"env\"\":\"\"prod\"\"}\"\n"
      + "2025-12-31T23:59:59.5Z,2026-01-01T00:00:00Z,123456789012345.123,7,8,db\n";

  @Test
  void everyShapeTheScanReadsIsReadAsTheRecordPathReadsIt() throws IOException {
    Path dir = folder("shapes", SHAPES);
    assertThat(CostColumns.scan(dir.resolve("costs.csv"))).isPresent();
    assertThat(CostColumns.scan(dir.resolve("costs.csv"), 1)).isPresent(); // in two parts
    List<CostRow> read = EventColumnsTest.files(dir).records(RecordKind.COSTS, ALL).rows();
    assertThat(read).isEqualTo(EventColumnsTest.files(recordPath("shapes", SHAPES)).records(RecordKind.COSTS, ALL).rows());
    // By hand: the row of 1 January at +01:00 is 31 December 23:00 UTC, so it comes first, before the short row's
    // 23:59:59.5; then the three rows of 2 January in file order.
    assertThat(read).extracting(CostRow::serviceName).containsExactly("db", "db", "api, gateway", "db", "cache");
    CostRow shortRow = read.get(1);
    assertThat(shortRow.billedCost()).isEqualTo(new BigDecimal("123456789012345.123"));
    assertThat(shortRow.listCost()).isEqualTo(new BigDecimal("8"));
    assertThat(shortRow.chargeCategory()).isEqualTo("Usage");
    assertThat(shortRow.tags()).isEmpty();
    CostRow nulls = read.get(0);
    assertThat(nulls.chargePeriodStart()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    assertThat(nulls.billedCost()).isEqualTo(new BigDecimal("1.50")); // scale 2, as written
    assertThat(nulls.serviceCategory()).isEmpty(); // NULL
    assertThat(nulls.providerName()).isEmpty();
    assertThat(nulls.commitmentDiscountType()).isNull();
    CostRow gateway = read.get(2);
    assertThat(gateway.listCost()).isEqualTo(new BigDecimal("9.25")); // no list cost: the effective cost
    assertThat(gateway.chargeCategory()).isEqualTo("Usage");
    assertThat(gateway.commitmentDiscountStatus()).isEqualTo(CostRow.USED);
    assertThat(gateway.tags()).isEqualTo(Map.of("team", "a", "env", "prod"));
    CostRow credit = read.get(3);
    assertThat(credit.chargeCategory()).isEqualTo("Credit");
    assertThat(credit.billedCost()).isEqualTo(new BigDecimal("-3.00"));
    assertThat(credit.effectiveCost()).isEqualTo(new BigDecimal("0.00"));
    CostRow cache = read.get(4);
    assertThat(cache.serviceName()).isEqualTo("cache");
    assertThat(cache.billedCost()).isEqualTo(new BigDecimal("0.0000123456789"));
    assertThat(cache.commitmentDiscountStatus()).isEqualTo(CostRow.UNUSED);
  }

  @Test
  void aFileWithoutTheOptionalColumnsIsReadAsTheRecordPathReadsIt() throws IOException {
    String text = "ServiceName,EffectiveCost,BilledCost,ChargePeriodEnd,ChargePeriodStart\n"
        + "db,2.5,2.5,2026-01-02T00:00:00Z,2026-01-01T00:00:00Z\n";
    Path dir = folder("few", text);
    assertThat(CostColumns.scan(dir.resolve("costs.csv"))).isPresent();
    List<CostRow> read = EventColumnsTest.files(dir).records(RecordKind.COSTS, ALL).rows();
    assertThat(read).isEqualTo(EventColumnsTest.files(recordPath("few", text)).records(RecordKind.COSTS, ALL).rows());
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.listCost()).isEqualTo(new BigDecimal("2.5"));
      assertThat(r.chargeCategory()).isEqualTo("Usage");
      assertThat(r.serviceCategory()).isEmpty();
      assertThat(r.pricingCategory()).isNull();
    });
  }

  /** Rows the scan leaves to the record path, which reads the first three and refuses the others as before. */
  @Test
  void aFileThatIsNotPlainIsLeftToTheRecordPath() throws IOException {
    String good = "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,1,1,1,db,,,,,,,\n";
    Map<String, String> readByRecords = Map.of(
        "exponent", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,1.5e-05,1,1,db,,,,,,,\n",
        "nineteen-digits", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,0.000000000000001234,1,1,db,,,,,,,\n",
        // a time without an offset, which FOCUS allows: the record path reads it as UTC
        "no-offset", "2026-01-01T00:00:00,2026-01-02T00:00:00Z,1,1,1,db,,,,,,,\n");
    for (Map.Entry<String, String> e : readByRecords.entrySet()) {
      String text = HEADER + good + e.getValue();
      Path dir = folder(e.getKey(), text);
      assertThat(CostColumns.scan(dir.resolve("costs.csv"))).as(e.getKey()).isEmpty();
      assertThat(EventColumnsTest.files(dir).records(RecordKind.COSTS, ALL).rows()).as(e.getKey()).hasSize(2)
          .isEqualTo(EventColumnsTest.files(recordPath(e.getKey(), text)).records(RecordKind.COSTS, ALL).rows());
    }
    Map<String, String> refused = Map.of(
        "negative-usage", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,-1,1,1,db,,,Usage,,,,\n",
        "ends-first", "2026-01-02T00:00:00Z,2026-01-01T00:00:00Z,1,1,1,db,,,,,,,\n",
        "charge", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,1,1,1,db,,,Refund,,,,\n",
        "no-service", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,1,1,1,,,,,,,,\n",
        "tags", "2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,1,1,1,db,,,,,,,[1]\n");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      Path dir = folder(e.getKey(), HEADER + good + e.getValue());
      assertThat(CostColumns.scan(dir.resolve("costs.csv"))).as(e.getKey()).isEmpty();
      EventColumnsTest.refusedOnLine(dir, RecordKind.COSTS, "costs.csv", 3);
    }
    // A time without an offset is one FOCUS allows: the record path reads it as UTC.
    Path dir = folder("focus-time", HEADER + "2026-01-01 00:00:00,2026-01-02T00:00:00Z,1,1,1,db,,,,,,,\n");
    assertThat(CostColumns.scan(dir.resolve("costs.csv"))).isEmpty();
    assertThat(EventColumnsTest.files(dir).records(RecordKind.COSTS, ALL).rows()).singleElement()
        .satisfies(r -> assertThat(r.chargePeriodStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z")));
  }

  /**
   * Random plain files — the columns in a random order, amounts of random scale and sign (negative ones on Credit and
   * Adjustment rows), categories and statuses in random case, empty and NULL optional cells, tags with doubled quotes,
   * offsets, CRLF — read in columns whole and in two parts at a random middle give the record path's rows.
   */
  @Test
  void randomPlainFilesReadInColumnsGiveTheRecordPathsRows() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 150)).checkAssert((seed, rows) -> {
      try {
        Random r = new Random(seed);
        List<String> header = new ArrayList<>(List.of(HEADER.strip().split(",")));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, r);
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", order.stream().map(header::get).toList())).append('\n');
        List<String> charges = List.of("Usage", "usage", "Purchase", "Tax", "Credit", "ADJUSTMENT", "");
        for (int i = 0; i < rows; i++) {
          Instant start = NOW.minusSeconds(86_400L * r.nextInt(60) + (r.nextInt(4) == 0 ? 1800 : 0));
          String charge = charges.get(r.nextInt(charges.size()));
          boolean negative = charge.equalsIgnoreCase("Credit") || charge.equalsIgnoreCase("Adjustment");
          List<String> cells = new ArrayList<>(List.of(
              r.nextInt(5) == 0 ? start.atOffset(ZoneOffset.ofHours(-5)).toString() : start.toString(),
              start.plusSeconds(86_400).toString(), amount(r, negative), amount(r, negative),
              r.nextInt(4) == 0 ? "" : amount(r, negative), "svc-" + r.nextInt(6),
              r.nextInt(4) == 0 ? "NULL" : "Compute", r.nextBoolean() ? "AWS" : "", charge,
              List.of("", "Standard", "Committed").get(r.nextInt(3)), r.nextBoolean() ? "" : "Reservation",
              List.of("", "used", "Unused", "NULL").get(r.nextInt(4)),
              r.nextBoolean() ? "" : "\"{\"\"team\"\":\"\"t" + r.nextInt(3) + "\"\"}\""));
          text.append(String.join(",", order.stream().map(cells::get).toList())).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        String name = "random-" + Long.toHexString(seed) + "-" + rows;
        Path dir = folder(name, text.toString());
        List<CostRow> expected = EventColumnsTest.files(recordPath(name, text.toString())).records(RecordKind.COSTS, ALL).rows();
        Path file = dir.resolve("costs.csv");
        assertThat(CostColumns.scan(file, Long.MAX_VALUE).orElseThrow().rows(ALL)).isEqualTo(expected);
        assertThat(CostColumns.scan(file, 1 + r.nextInt((int) Files.size(file))).orElseThrow().rows(ALL)).isEqualTo(expected);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** A plain amount: up to 9 digits before the point, 0–6 after, negative sometimes when it may be. */
  static String amount(Random r, boolean mayBeNegative) {
    String whole = Integer.toString(r.nextInt(r.nextBoolean() ? 10 : 1_000_000_000));
    int scale = r.nextInt(7);
    StringBuilder a = new StringBuilder(mayBeNegative && r.nextBoolean() ? "-" : r.nextInt(10) == 0 ? "+" : "").append(whole);
    if (scale > 0) {
      a.append('.');
      for (int i = 0; i < scale; i++) {
        a.append(r.nextInt(10));
      }
    }
    return a.toString();
  }
}
