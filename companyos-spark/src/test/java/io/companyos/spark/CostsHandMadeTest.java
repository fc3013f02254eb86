package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CostBreakdown;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty FOCUS rows with cost by service and by team of the week [2026-11-01, 2026-11-08) against the week before
 * worked out by hand; Spark (from the rows as a {@code costs.csv}) and the Java reference must both give them, to the
 * decimal's scale.
 */
class CostsHandMadeTest {
  static final TimeWindow WEEK = DoraHandMadeTest.WEEK;
  static final TimeWindow WEEK_BEFORE = EngagementHandMadeTest.WEEK_BEFORE;

  /** ChargePeriodStart, EffectiveCost, ServiceName, ChargeCategory, team tag (empty: none). */
  static final String[][] ROWS = {
    {"2026-11-01T00:00:00Z", "100.50", "compute", "Usage", "a"}, // on the week's start: in
    {"2026-11-02T00:00:00Z", "20.25", "compute", "Usage", "a"},
    {"2026-11-03T00:00:00Z", "5.125", "storage", "Usage", "b"},
    {"2026-11-03T00:00:00Z", "-10", "compute", "Credit", "a"}, // a credit lowers what was paid
    {"2026-11-04T00:00:00Z", "40", "database", "Usage", ""},
    {"2026-11-05T00:00:00Z", "0.005", "storage", "Usage", "b"},
    {"2026-11-06T00:00:00Z", "60.00", "database", "Usage", "c"},
    {"2026-11-07T23:00:00Z", "14.1", "network", "Usage", "c"},
    {"2026-11-07T00:00:00Z", "0", "network", "Usage", "a"},
    {"2026-11-06T00:00:00Z", "9.875", "compute", "Usage", "b"},
    {"2026-11-08T00:00:00Z", "999", "compute", "Usage", "a"}, // on the week's end: out
    {"2026-10-31T23:00:00Z", "1000", "compute", "Usage", "a"}, // the week before
    {"2026-10-25T00:00:00Z", "50.5", "storage", "Usage", "b"}, // the week before, on its start
    {"2026-10-26T00:00:00Z", "30", "database", "Usage", "c"},
    {"2026-10-27T00:00:00Z", "12.345", "compute", "Usage", "a"},
    {"2026-10-28T00:00:00Z", "7.655", "compute", "Usage", "a"},
    {"2026-10-29T00:00:00Z", "100", "analytics", "Usage", "d"},
    {"2026-10-24T23:00:00Z", "77", "compute", "Usage", "a"}, // before both weeks
    {"2026-11-02T00:00:00Z", "3.30", "analytics", "Usage", "d"},
    {"2026-10-30T00:00:00Z", "2.2", "storage", "Usage", ""},
  };

  static List<CostRow> rows;
  static SparkKpis spark;

  @BeforeAll
  static void tables(@TempDir Path dir) throws IOException {
    rows = new ArrayList<>();
    for (String[] r : ROWS) {
      BigDecimal cost = new BigDecimal(r[1]);
      Map<String, String> tags = r[4].isEmpty() ? Map.of() : Map.of("team", r[4]);
      rows.add(new CostRow(t(r[0]), t(r[0]).plusSeconds(3600), cost, cost, cost, r[2], "Compute", "AWS", r[3], null, null,
          tags));
    }
    // The tags as JSON text ({"team":"a"}), which the writer quotes.
    CsvTables.write(dir, "costs", "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ServiceName,"
        + "ServiceCategory,ProviderName,ChargeCategory,PricingCategory,CommitmentDiscountType,Tags", Arrays.asList(ROWS),
        r -> List.of(r[0], t(r[0]).plusSeconds(3600), r[1], r[1], r[1], r[2], "Compute", "AWS", r[3], "", "",
            r[4].isEmpty() ? "{}" : "{\"team\":\"" + r[4] + "\"}"));
    spark = CsvTables.kpis(dir);
  }

  @Test
  void theTotalIsExactToTheScale() {
    // 120.625 + 5.130 + 100.00 + 14.1 + 3.30 (compute, storage, database, network, analytics)
    BigDecimal want = new BigDecimal("243.155");
    assertThat(CostBreakdown.total(rows, WEEK)).isEqualTo(want);
    SparkResult<BigDecimal> total = spark.costTotal(WEEK);
    assertThat(total.value()).isEqualTo(want);
    // The provenance counts the week's rows from the same aggregation: the first ten and the analytics row of 11-02.
    assertThat(total.provenance().rowCount()).isEqualTo(11);
    SparkResult<BigDecimal> none = spark.costTotal(new TimeWindow(t("2027-01-01T00:00:00Z"), t("2027-01-08T00:00:00Z")));
    assertThat(none.value()).isEqualTo(BigDecimal.ZERO);
    assertThat(none.provenance().rowCount()).isZero();
  }

  @Test
  void costByServiceAgainstTheWeekBefore() {
    double all = 243.155;
    List<CostBreakdown.Group> want = List.of(
        group("compute", "120.625", "1020.000", 120.625 / all), // 100.50 + 20.25 − 10 + 9.875; 1000 + 12.345 + 7.655
        group("database", "100.00", "30", 100.00 / all),
        group("network", "14.1", null, 14.1 / all),
        group("storage", "5.130", "52.7", 5.130 / all), // 5.125 + 0.005; 50.5 + 2.2
        group("analytics", "3.30", "100", 3.30 / all));
    assertGroups(CostBreakdown.groups(in(WEEK), in(WEEK_BEFORE), CostRow::serviceName), want);
    assertGroups(spark.costGroups(WEEK, WEEK_BEFORE, SparkKpis.CostKey.SERVICE).value(), want);
  }

  @Test
  void costByTeamWithTheUntaggedRows() {
    double all = 243.155;
    List<CostBreakdown.Group> want = List.of(
        group("a", "110.75", "1020.000", 110.75 / all), // 100.50 + 20.25 − 10 + 0
        group("c", "74.10", "30", 74.10 / all),
        group("(untagged)", "40", "2.2", 40 / all),
        group("b", "15.005", "50.5", 15.005 / all), // 5.125 + 0.005 + 9.875
        group("d", "3.30", "100", 3.30 / all));
    assertGroups(CostBreakdown.groups(in(WEEK), in(WEEK_BEFORE), r -> r.tags().getOrDefault("team", "(untagged)")), want);
    assertGroups(spark.costGroups(WEEK, WEEK_BEFORE, SparkKpis.CostKey.tag("team")).value(), want);
  }

  private static List<CostRow> in(TimeWindow w) {
    return rows.stream().filter(r -> w.contains(r.chargePeriodStart())).toList();
  }

  private static CostBreakdown.Group group(String key, String cost, String previous, double share) {
    return new CostBreakdown.Group(key, new BigDecimal(cost), previous == null ? null : new BigDecimal(previous),
        java.util.OptionalDouble.of(100 * share));
  }

  /** Keys, order, costs and previous costs equal (BigDecimal equality: value and scale); shares to 1e-9 points. */
  private static void assertGroups(List<CostBreakdown.Group> got, List<CostBreakdown.Group> want) {
    assertThat(got).extracting(CostBreakdown.Group::key).containsExactlyElementsOf(
        want.stream().map(CostBreakdown.Group::key).toList());
    for (int i = 0; i < want.size(); i++) {
      assertThat(got.get(i).cost()).isEqualTo(want.get(i).cost());
      assertThat(got.get(i).previous()).isEqualTo(want.get(i).previous());
      assertThat(got.get(i).sharePercent().getAsDouble()).isCloseTo(want.get(i).sharePercent().getAsDouble(), within(1e-9));
    }
  }
}
