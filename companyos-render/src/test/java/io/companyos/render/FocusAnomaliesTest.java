package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The anomalies the sample company's packs show in their recommendation sections are all inside the pack's own period
 * and moves in the bad direction, at least 1.5 times the usual value: nothing weeks old, no good news as a risk.
 */
class FocusAnomaliesTest {
  private static final Pattern SERVICE_HIT = Pattern.compile("reached ([\\d.,]+) at (\\d{4}-\\d{2}-\\d{2}) [^(]*\\(median ([\\d.,]+)");
  private static final Pattern COST_HIT = Pattern.compile("on (\\d{4}-\\d{2}-\\d{2}): \\$([\\d,]+), ([\\d.]+) times its median");

  private static List<MetricValue> anomalies(PackDocument pack, String section) {
    return pack.section(section).orElseThrow().items().stream().filter(MetricValue::anomaly).toList();
  }

  @Test
  void opsReviewFocusShowsOnlyInPeriodBadDirectionAnomalies() {
    PackDocument ops = SampleCompany.assemble("ops-review");
    List<MetricValue> hits = anomalies(ops, "recommendations");
    // The search error-budget spike three days before the as-of is the one real anomaly of the week.
    assertThat(hits).isNotEmpty();
    for (MetricValue v : hits) {
      Matcher m = SERVICE_HIT.matcher(v.text());
      assertThat(m.find()).as(v.text()).isTrue();
      LocalDate day = LocalDate.parse(m.group(2));
      assertThat(day).as(v.text()).isBetween(ops.period().start(), ops.period().end());
      double value = Double.parseDouble(m.group(1).replace(",", ""));
      double median = Double.parseDouble(m.group(3).replace(",", ""));
      assertThat(value).as(v.text()).isGreaterThanOrEqualTo(1.5 * median);
    }
    // Rule recommendations come first and carry an owner and an impact.
    MetricValue first = ops.section("recommendations").orElseThrow().items().get(0);
    assertThat(first.anomaly()).isFalse();
    assertThat(first.text()).contains("Impact: ").contains("Owner: ");
    assertThat(first.evidence()).isNotEmpty();
  }

  @Test
  void finopsOpportunitiesShowNoCostDayOutsideThePeriodOrUnderOneAndAHalfTimesItsMedian() {
    PackDocument finops = SampleCompany.assemble("finops-review");
    for (MetricValue v : anomalies(finops, "optimization_opportunities")) {
      Matcher m = COST_HIT.matcher(v.text());
      assertThat(m.find()).as(v.text()).isTrue();
      assertThat(LocalDate.parse(m.group(1))).as(v.text()).isBetween(finops.period().start(), finops.period().end());
      assertThat(Double.parseDouble(m.group(3))).as(v.text()).isGreaterThanOrEqualTo(1.5);
    }
  }

  @Test
  void execWinsAreEvidenceRankedNeverPaddedAndSayWhyWhenNone() {
    PackSection wins = SampleCompany.assemble("exec-review").section("wins").orElseThrow();
    assertThat(wins.items()).hasSizeLessThanOrEqualTo(3);
    for (MetricValue v : wins.items()) {
      assertThat(v.text()).as(wins.items().toString()).containsAnyOf(" achieved: ", " ahead of plan: ", " noise bands ", " to spare");
    }
    if (wins.items().isEmpty()) {
      assertThat(wins.emptyText()).startsWith("No win qualifies in ");
    }
    // A key result only half done is never a win (the QBR used to list 46-64 % done as achievements).
    assertThat(wins.items()).noneSatisfy(v -> assertThat(v.text()).containsPattern("\\((4|5)\\d% of target"));
  }
}
