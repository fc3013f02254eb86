package io.companyos.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.scoring.recommend.CommitmentFigures;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty FOCUS rows with the commitment coverage, the committed discount, the on-demand compute and the figures of the
 * FinOps commitment rules of the week [2026-11-01, 2026-11-08) worked out by hand. Spark reads them as a {@code costs.csv}; the Java reference gets the same
 * file through the files source, so both read the optional columns alike (an empty ListCost is the EffectiveCost, an
 * empty ChargeCategory is usage, {@code unused} in any letter case is Unused).
 */
class CommitmentsHandMadeTest {
  static final TimeWindow WEEK = DoraHandMadeTest.WEEK;

  /**
   * ChargePeriodStart, EffectiveCost, ListCost, ServiceName, ServiceCategory, ChargeCategory, PricingCategory,
   * CommitmentDiscountType, CommitmentDiscountStatus.
   */
  static final String[][] ROWS = {
    {"2026-11-01T00:00:00Z", "70", "100", "ec2", "Compute", "Usage", "Committed", "Savings Plan", "Used"}, // R1, on the start
    {"2026-11-02T00:00:00Z", "35.50", "50.50", "ec2", "Compute", "Usage", "Committed", "Savings Plan", "Used"}, // R2
    {"2026-11-02T00:00:00Z", "200", "200", "ec2", "Compute", "Usage", "Standard", "", ""}, // R3
    {"2026-11-03T00:00:00Z", "30", "30", "ec2", "Compute", "Usage", "Dynamic", "", ""}, // R4, spot
    {"2026-11-03T00:00:00Z", "120.25", "120.25", "lambda", "Compute", "Usage", "Standard", "", ""}, // R5
    {"2026-11-04T00:00:00Z", "9.75", "9.75", "lambda", "Compute", "Usage", "Standard", "", ""}, // R6
    {"2026-11-04T00:00:00Z", "20", "20", "lambda", "Compute", "Usage", "Dynamic", "", ""}, // R7, spot
    {"2026-11-04T00:00:00Z", "15", "15", "batch", "Compute", "Usage", "Committed", "Savings Plan", "unused"}, // R8
    {"2026-11-05T00:00:00Z", "-25", "-25", "ec2", "Compute", "Credit", "", "", ""}, // R9, a credit
    {"2026-11-05T00:00:00Z", "60", "80", "rds", "Databases", "Usage", "Committed", "Reservation", "Used"}, // R10
    {"2026-11-05T00:00:00Z", "40", "40", "rds", "Databases", "Usage", "Standard", "", ""}, // R11
    {"2026-11-06T00:00:00Z", "10.125", "10.125", "s3", "Storage", "Usage", "Standard", "", ""}, // R12
    {"2026-11-06T00:00:00Z", "5.5", "8.875", "s3", "Storage", "Usage", "Committed", "Reserved Instances", "Used"}, // R13
    {"2026-11-06T00:00:00Z", "-4", "-4", "rds", "Databases", "Adjustment", "", "", ""}, // R14, an adjustment
    {"2026-11-06T00:00:00Z", "12", "12", "support", "", "Purchase", "", "", ""}, // R15, no service category
    {"2026-11-08T00:00:00Z", "999", "999", "ec2", "Compute", "Usage", "Standard", "", ""}, // R16, on the end: out
    {"2026-10-31T23:00:00Z", "1", "2", "ec2", "Compute", "Usage", "Committed", "Savings Plan", "Used"}, // R17, before
    {"2026-11-05T00:00:00Z", "50", "", "ec2", "Compute", "", "Standard", "", ""}, // R18, no ListCost, no ChargeCategory
    {"2026-11-06T00:00:00Z", "14", "20", "lambda", "Compute", "Usage", "Committed", "Savings Plan", "Used"}, // R19
    {"2026-11-07T23:00:00Z", "4.875", "4.875", "s3", "Storage", "Usage", "Dynamic", "", ""}, // R20
  };

  static List<CostRow> rows;
  static SparkKpis spark;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    rows = new FilesSource("files", dir, true, Clock.fixed(WEEK.end(), ZoneOffset.UTC)).records(RecordKind.COSTS, WEEK)
        .rows();
    spark = CsvTables.kpis(dir);
  }

  /** Writes the rows as {@code costs.csv} into {@code dir}. */
  static void writeCsv(Path dir) throws IOException {
    CsvTables.write(dir, "costs", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,"
        + "ServiceCategory,ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,CommitmentDiscountStatus,"
        + "Tags", Arrays.asList(ROWS), r -> List.of(r[0], java.time.Instant.parse(r[0]).plusSeconds(3600), r[1], r[1],
        r[2], r[3], r[4], "AWS", r[5], r[6], r[7], r[8], "{}"));
  }

  @Test
  void theFilesSourceReadsTheWeeksRows() {
    assertThat(rows).hasSize(18); // R16 on the end and R17 before the start are out
  }

  @Test
  void coverageOnListCost() {
    // Compute usage (no credit, no unused part): R1 100 + R2 50.50 + R3 200 + R4 30 + R5 120.25 + R6 9.75 + R7 20
    //   + R18 50 (its EffectiveCost) + R19 20 = 600.50; under a savings plan R1 + R2 + R19 = 170.50;
    //   at Dynamic pricing R4 + R7 = 50.
    // Other usage (no adjustment): R10 80 + R11 40 + R12 10.125 + R13 8.875 + R15 12 (a purchase is not a credit)
    //   + R20 4.875 = 155.875; under a reservation R10 + R13 = 88.875.
    CommitmentCoverage.Shares want = new CommitmentCoverage.Shares(OptionalDouble.of(170.50 / 600.50),
        OptionalDouble.of(88.875 / 155.875), OptionalDouble.of(50 / 600.50));
    assertThat(CommitmentCoverage.shares(rows)).isEqualTo(want);
    assertThat(spark.commitmentCoverage(WEEK).value()).isEqualTo(want);
  }

  @Test
  void committedDiscountAndOnDemandCompute() {
    // Committed pricing, credits and adjustments aside (the unused R8 counts: the discount is on what was committed):
    //   ListCost R1 100 + R2 50.50 + R8 15 + R10 80 + R13 8.875 + R19 20 = 274.375,
    //   EffectiveCost 70 + 35.50 + 15 + 60 + 5.5 + 14 = 200.00 → 1 − 200.00 / 274.375.
    double discount = 1 - 200.00 / 274.375;
    assertThat(SavingsOpportunities.committedDiscount(rows)).isEqualTo(OptionalDouble.of(discount));
    assertThat(spark.committedDiscount(WEEK).value()).isEqualTo(OptionalDouble.of(discount));
    // Compute per service (EffectiveCost, the credit R9 aside): batch R8 15, none on demand (0 %);
    //   ec2 R1 70 + R2 35.50 + R3 200 + R4 30 + R18 50 = 385.50, on demand R3 + R18 = 250 (65 %);
    //   lambda R5 120.25 + R6 9.75 + R7 20 + R19 14 = 164, on demand R5 + R6 = 130 (79 %).
    List<SavingsOpportunities.OnDemandCompute> want = List.of(
        new SavingsOpportunities.OnDemandCompute("ec2", 385.50, 250, discount, 250 * discount),
        new SavingsOpportunities.OnDemandCompute("lambda", 164, 130, discount, 130 * discount));
    assertThat(SavingsOpportunities.onDemandCompute(rows, SavingsOpportunities.ON_DEMAND_SHARE)).isEqualTo(want);
    assertThat(spark.onDemandCompute(WEEK, SavingsOpportunities.ON_DEMAND_SHARE).value()).isEqualTo(want);
    // Above 70 % only lambda is left.
    assertThat(spark.onDemandCompute(WEEK, 0.7).value()).extracting(SavingsOpportunities.OnDemandCompute::service)
        .containsExactly("lambda");
  }

  @Test
  void theFiguresOfTheFinOpsCommitmentRules() {
    // Eligible usage (not credits, adjustments, taxes, purchases or the unused R8; Standard or Committed pricing or
    // under a commitment; spot R4, R7, R20 out), on ListCost:
    //   R1 100 + R2 50.50 + R3 200 + R5 120.25 + R6 9.75 + R10 80 + R11 40 + R12 10.125 + R13 8.875
    //   + R18 50 (its EffectiveCost) + R19 20 = 689.5;
    //   covered (a commitment type or Committed pricing): R1 100 + R2 50.50 + R10 80 + R13 8.875 + R19 20 = 259.375,
    //   their EffectiveCost 70 + 35.50 + 60 + 5.5 + 14 = 185.
    // Utilization per type, EffectiveCost of the rows with a status (R8's "unused" is Unused):
    //   Savings Plan used R1 70 + R2 35.50 + R19 14 = 119.50, unused R8 15 → 119.5 / 134.5;
    //   Reservation R10 60 / 60; Reserved Instances R13 5.5 / 5.5.
    java.util.SortedMap<String, Double> utilization = new java.util.TreeMap<>(java.util.Map.of(
        "Savings Plan", 119.5 / 134.5, "Reservation", 1.0, "Reserved Instances", 1.0));
    CommitmentFigures.Figures want = new CommitmentFigures.Figures(OptionalDouble.of(259.375 / 689.5),
        OptionalDouble.of(1 - 185 / 259.375), utilization);
    assertThat(CommitmentFigures.of(rows, WEEK)).isEqualTo(want);
    assertThat(spark.commitmentFigures(WEEK).value()).isEqualTo(want);
    // A week without rows: nothing is eligible, no type has cost.
    TimeWindow empty = new TimeWindow(WEEK.end().plusSeconds(7 * 86400), WEEK.end().plusSeconds(14 * 86400));
    CommitmentFigures.Figures none = new CommitmentFigures.Figures(OptionalDouble.empty(), OptionalDouble.empty(),
        new java.util.TreeMap<>());
    assertThat(CommitmentFigures.of(rows, empty)).isEqualTo(none);
    assertThat(spark.commitmentFigures(empty).value()).isEqualTo(none);
  }
}
