package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** costs.csv read by the FOCUS 1.0 conventions: UTC times without an offset, NULL cells, credits and adjustments. */
class FocusCostsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,ServiceCategory,"
      + "ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,Tags\n";
  @TempDir Path dir;

  List<CostRow> read(boolean strict, long windowedBytes) {
    return new FilesSource("files", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC), windowedBytes).records(RecordKind.COSTS, ALL).rows();
  }

  @Test
  void aFocusExportWithUtcTimesAndNullCellsReads() throws IOException {
    Files.writeString(dir.resolve("costs.csv"), HEADER
        + "2026-11-01T00:00:00,2026-11-02T00:00:00,12.50,10.00,NULL,AmazonEC2,Compute,AWS,Usage,Standard,NULL,NULL\n"
        + "2026-11-02 00:00:00,2026-11-03 00:00:00,-5,-5,-5,AmazonEC2,Compute,AWS,Credit,NULL,NULL,{\"team\":\"web\"}\n");
    for (long windowed : new long[] {FilesSource.WINDOWED_READ_BYTES, 0}) {
      List<CostRow> rows = read(true, windowed);
      assertThat(rows).hasSize(2);
      CostRow usage = rows.get(0);
      assertThat(usage.chargePeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
      assertThat(usage.listCost()).isEqualByComparingTo("10.00"); // NULL ListCost defaults to EffectiveCost
      assertThat(usage.commitmentDiscountType()).isNull();
      assertThat(usage.tags()).isEmpty();
      CostRow credit = rows.get(1);
      assertThat(credit.chargePeriodStart()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
      assertThat(credit.chargeCategory()).isEqualTo("Credit");
      assertThat(credit.pricingCategory()).isNull();
      assertThat(credit.effectiveCost()).isEqualByComparingTo(BigDecimal.valueOf(-5));
    }
  }

  @Test
  void negativeUsageAHugeCostAndAnUnknownChargeCategoryAreLocated() throws IOException {
    Files.writeString(dir.resolve("costs.csv"), HEADER
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,-5,-5,,AmazonEC2,Compute,AWS,Usage,,,\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1e32,1e32,,AmazonEC2,Compute,AWS,usage,,,\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,Refund,,,\n"
        + "2026-11-02T00:00:00Z,2026-11-01T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,,,,\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,-2,-2,,AmazonEC2,Compute,AWS,adjustment,,,\n");
    FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(lenient.records(RecordKind.COSTS, ALL).rows()).extracting(CostRow::chargeCategory).containsExactly("Adjustment");
    assertThat(lenient.skipped()).extracting(Object::toString).containsExactly(
        "costs.csv:2: BilledCost: '-5' is negative, which only Credit and Adjustment rows may be (ChargeCategory)",
        "costs.csv:3: BilledCost: '1e32' is out of range (at most 10^15 in size)",
        "costs.csv:4: ChargeCategory: 'Refund' is not a FOCUS charge category (Usage, Purchase, Tax, Credit, Adjustment)",
        "costs.csv:5: ChargePeriodEnd: 2026-11-01T00:00:00Z is before ChargePeriodStart 2026-11-02T00:00:00Z");
    try {
      read(true, FilesSource.WINDOWED_READ_BYTES);
      throw new AssertionError("no error");
    } catch (BadDataException e) {
      assertThat(e.location()).isEqualTo("costs.csv:2");
    }
  }

  @Test
  void theCommitmentDiscountStatusIsReadAndAnUnknownOneLocated() throws IOException {
    Files.writeString(dir.resolve("costs.csv"), "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ServiceName,"
        + "CommitmentDiscountType,CommitmentDiscountStatus\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,0,30,AmazonEC2,Savings Plan,used\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,0,4,AmazonEC2,Savings Plan,UNUSED\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,9,9,AmazonEC2,,NULL\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,AmazonEC2,Savings Plan,Expired\n");
    FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(lenient.records(RecordKind.COSTS, ALL).rows()).extracting(CostRow::commitmentDiscountStatus)
        .containsExactly(CostRow.USED, CostRow.UNUSED, null);
    assertThat(lenient.skipped()).extracting(Object::toString).containsExactly(
        "costs.csv:5: CommitmentDiscountStatus: 'Expired' is not a FOCUS commitment discount status (Used, Unused)");
  }

  @Test
  void aTimeWithoutOffsetIsStillAnErrorOutsideCosts() throws IOException {
    Files.writeString(dir.resolve("changes.csv"), "change_id,time_created\nc1,2026-11-01T00:00:00\n");
    try {
      new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC)).records(RecordKind.CHANGES, ALL);
      throw new AssertionError("no error");
    } catch (BadDataException e) {
      assertThat(e.location()).isEqualTo("changes.csv:2");
    }
  }

  @Test
  void tagsThatAreNotOneJsonObjectAreLocated() throws IOException {
    // JSON null, an array, and an object followed by more text: each a located bad value, never an exception or a
    // silently shortened tag set.
    Files.writeString(dir.resolve("costs.csv"), HEADER
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,Usage,,,null\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,Usage,,,\"[1,2]\"\n"
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,Usage,,,\"{\"\"team\"\":\"\"web\"\"} {}\"\n");
    FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(lenient.records(RecordKind.COSTS, ALL).rows()).isEmpty();
    assertThat(lenient.skipped()).extracting(SkippedRow::line).containsExactly(2L, 3L, 4L);
    assertThat(lenient.skipped()).allSatisfy(r -> assertThat(r.reason()).contains("not a JSON object of tags"));
  }

  /**
   * The audit's case in lenient mode, where every row of such an export used to be skipped ("No cost rows"): a FOCUS
   * 1.0 export with UTC times without an offset (both the {@code T} and the space form) and {@code NULL} cells reads
   * whole, with nothing skipped, read at once or by window.
   */
  @Test
  void aFocusExportWithUtcTimesAndNullCellsReadsWholeInLenientModeToo() throws IOException {
    Files.writeString(dir.resolve("costs.csv"), HEADER
        + "2026-11-01T00:00:00,2026-11-02T00:00:00,12.50,10.00,NULL,AmazonEC2,Compute,AWS,Usage,Standard,NULL,NULL\n"
        + "2026-11-01 00:00:00,2026-11-02 00:00:00,100.00,80.00,120.00,AmazonRDS,Databases,AWS,Usage,Committed,"
        + "Reserved Instance,\"{\"\"team\"\":\"\"db\"\"}\"\n"
        + "2026-11-01T00:00:00,2026-12-01T00:00:00,500,0,NULL,AmazonEC2,Compute,AWS,Purchase,NULL,Savings Plan,NULL\n"
        + "2026-11-01T00:00:00,2026-12-01T00:00:00,3.20,3.20,NULL,AmazonEC2,Compute,AWS,Tax,NULL,NULL,NULL\n"
        + "2026-11-02T00:00:00,2026-11-03T00:00:00,-5,-5,NULL,AmazonEC2,Compute,AWS,Credit,NULL,NULL,NULL\n"
        + "2026-11-03 00:00:00,2026-11-04 00:00:00,-1.25,-1.25,NULL,AmazonEC2,Compute,AWS,Adjustment,NULL,NULL,NULL\n");
    for (long windowed : new long[] {FilesSource.WINDOWED_READ_BYTES, 0}) {
      FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC), windowed);
      List<CostRow> rows = lenient.records(RecordKind.COSTS, ALL).rows();
      assertThat(lenient.skipped()).as("windowed %d", windowed).isEmpty();
      assertThat(rows).extracting(CostRow::chargeCategory)
          .containsExactly("Usage", "Usage", "Purchase", "Tax", "Credit", "Adjustment");
      // Times without an offset are UTC.
      assertThat(rows).extracting(CostRow::chargePeriodStart).containsExactly(Instant.parse("2026-11-01T00:00:00Z"),
          Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
          Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));
      assertThat(rows.get(2).chargePeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
      // NULL cells are empty: no pricing category, no commitment type, no tags; a NULL ListCost is the EffectiveCost.
      CostRow first = rows.get(0);
      assertThat(first.listCost()).isEqualByComparingTo("10.00");
      assertThat(first.commitmentDiscountType()).isNull();
      assertThat(first.tags()).isEmpty();
      assertThat(rows.get(2).pricingCategory()).isNull();
      assertThat(rows.get(2).commitmentDiscountType()).isEqualTo("Savings Plan");
      assertThat(rows.get(1).tags()).containsExactly(java.util.Map.entry("team", "db"));
      assertThat(rows.get(1).listCost()).isEqualByComparingTo("120.00");
      // Every amount kept: billed 12.50 + 100 + 500 + 3.20 - 5 - 1.25 = 609.45; effective 10 + 80 + 0 + 3.20 - 5 - 1.25
      // = 86.95.
      assertThat(rows.stream().map(CostRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("609.45");
      assertThat(rows.stream().map(CostRow::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("86.95");
    }
  }

  @Test
  void aRepeatedTagSetIsReadOnceAndABadOneIsReportedOnEveryRow() throws IOException {
    String tags = "\"{\"\"team\"\":\"\"web\"\",\"\"env\"\":\"\"prod\"\",\"\"n\"\":3}\"";
    Files.writeString(dir.resolve("costs.csv"), HEADER
        + "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,1,1,,AmazonEC2,Compute,AWS,Usage,,," + tags + "\n"
        + "2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,2,2,,AmazonEC2,Compute,AWS,Usage,,," + tags + "\n"
        + "2026-11-03T00:00:00Z,2026-11-04T00:00:00Z,3,3,,AmazonEC2,Compute,AWS,Usage,,,{\"team\":\n"
        + "2026-11-04T00:00:00Z,2026-11-05T00:00:00Z,4,4,,AmazonEC2,Compute,AWS,Usage,,,{\"team\":\n");
    FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC), FilesSource.WINDOWED_READ_BYTES);
    List<CostRow> rows = lenient.records(RecordKind.COSTS, ALL).rows();
    assertThat(rows).hasSize(2);
    // Values are kept as text: the number 3 is the tag "3".
    java.util.Map<String, String> expected = java.util.Map.of("team", "web", "env", "prod", "n", "3");
    assertThat(rows.get(0).tags()).isEqualTo(expected);
    assertThat(rows.get(1).tags()).isEqualTo(expected).isSameAs(rows.get(0).tags());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.get(0).tags().put("team", "db"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(lenient.skipped()).extracting(SkippedRow::line).containsExactly(4L, 5L);
    assertThat(lenient.skipped()).extracting(SkippedRow::column).containsExactly("Tags", "Tags");
  }
}
