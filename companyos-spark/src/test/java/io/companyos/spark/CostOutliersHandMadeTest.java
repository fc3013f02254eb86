package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.SavingsOpportunities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twenty-one FOCUS rows of one service over seventeen New York days across the end of daylight saving time, with the
 * unusual cost day worked out by hand; Spark and the Java reference must both find it, with the same cost, median and
 * score.
 */
class CostOutliersHandMadeTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** 2026-10-28 to 2026-11-13, New York days. */
  static final TimeWindow HISTORY = new TimeWindow(t("2026-10-28T04:00:00Z"), t("2026-11-14T05:00:00Z"));

  static List<CostRow> rows;
  static SparkKpis spark;

  @BeforeAll
  static void tables() {
    rows = new ArrayList<>();
    LocalDate day = LocalDate.parse("2026-10-28");
    for (int i = 0; i < 16; i++, day = day.plusDays(1)) { // 2026-10-28 to 2026-11-12: 95, 105, 95, 105, …
      String cost = i % 2 == 0 ? "95" : "105";
      if (day.equals(LocalDate.parse("2026-11-05"))) {
        row(day + "T12:00:00Z", "60.25", "Usage");
        row(day + "T13:00:00Z", "34.75", "Usage"); // two rows, 95.00 that day
      } else {
        row(day + "T12:00:00Z", cost, "Usage");
      }
    }
    row("2026-11-13T12:00:00Z", "400", "Usage");
    row("2026-11-14T03:00:00Z", "50", "Usage"); // 22:00 on 2026-11-13 in New York (a UTC day later)
    row("2026-11-13T15:00:00Z", "-300", "Credit"); // not usage: left out
    row("2026-11-14T05:00:00Z", "999", "Usage"); // on the history's end: out
    spark = SparkKpis.over(LocalSpark.costs(rows));
  }

  private static void row(String at, String cost, String charge) {
    BigDecimal c = new BigDecimal(cost);
    rows.add(new CostRow(t(at), t(at).plusSeconds(3600), c, c, c, "ec2", "Compute", "AWS", charge, null, null, Map.of()));
  }

  @Test
  void theSpikeIsTheOnlyUnusualDay() {
    // Days: eight of 95 (2026-11-05: 60.25 + 34.75) and eight of 105 alternating, then 2026-11-13: 400 + 50 = 450
    // (the credit left out). Sorted: 95 × 8, 105 × 8, 450; the median (the 9th of 17) is 105. From 2026-11-10 only
    // 2026-11-13 lies above it; the detector scores it against the sixteen days before.
    List<SavingsOpportunities.CostOutlier> java = SavingsOpportunities.outliers(
        rows.stream().filter(r -> HISTORY.contains(r.chargePeriodStart())).toList(), NEW_YORK, LocalDate.parse("2026-11-10"),
        SavingsOpportunities.OUTLIERS);
    assertThat(java).singleElement().satisfies(o -> {
      assertThat(o.service()).isEqualTo("ec2");
      assertThat(o.day()).isEqualTo(LocalDate.parse("2026-11-13"));
      assertThat(o.cost()).isEqualTo(450.0);
      assertThat(o.median()).isEqualTo(105.0);
      assertThat(o.score()).isGreaterThanOrEqualTo(SavingsOpportunities.OUTLIER_SCORE);
    });
    assertThat(spark.costOutliers(HISTORY, NEW_YORK, LocalDate.parse("2026-11-10"), SavingsOpportunities.OUTLIERS).value())
        .isEqualTo(java);
  }

  @Test
  void inUtcTheLateRowIsADayOutsideTheHistory() {
    // In UTC the history [2026-10-28T04:00Z, 2026-11-14T05:00Z) starts and ends mid-day; the row of 2026-11-14T03:00Z
    // is a day of its own (50, below the median), and 2026-11-13 costs 400: still the only unusual day.
    List<SavingsOpportunities.CostOutlier> got = spark.costOutliers(HISTORY, java.time.ZoneOffset.UTC,
        LocalDate.parse("2026-11-10"), SavingsOpportunities.OUTLIERS).value();
    assertThat(got).isEqualTo(SavingsOpportunities.outliers(rows.stream().filter(r -> HISTORY.contains(r.chargePeriodStart()))
        .toList(), java.time.ZoneOffset.UTC, LocalDate.parse("2026-11-10"), SavingsOpportunities.OUTLIERS));
    assertThat(got).singleElement().satisfies(o -> assertThat(o.cost()).isEqualTo(400.0));
  }
}
