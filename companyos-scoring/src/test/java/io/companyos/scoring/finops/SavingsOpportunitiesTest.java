package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On-demand compute and unusual cost days, worked out by hand. */
class SavingsOpportunitiesTest {
  static CostRow row(String service, String category, String pricing, double effective, double list) {
    return row("2026-11-10", service, category, pricing, effective, list);
  }

  static CostRow row(String day, String service, String category, String pricing, double effective, double list) {
    Instant t = Instant.parse(day + "T00:00:00Z");
    return new CostRow(t, t.plusSeconds(86400), BigDecimal.valueOf(effective), BigDecimal.valueOf(effective), BigDecimal.valueOf(list),
        service, category, "AWS", "Usage", pricing, pricing.equals("Committed") ? "Savings Plan" : null, Map.of());
  }

  @Test
  void theCommittedDiscountIsAggregatedFirstThenDivided() {
    // Committed list 300 + 100 = 400, effective 210 + 90 = 300 → 1 − 300 / 400 = 25 %
    // (the mean of the rows' discounts, 30 % and 10 %, would read 20 %).
    List<CostRow> rows = List.of(row("ec2", "Compute", "Committed", 210, 300), row("ec2", "Compute", "Committed", 90, 100),
        row("ec2", "Compute", "Standard", 50, 50));
    assertThat(SavingsOpportunities.committedDiscount(rows).getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(SavingsOpportunities.committedDiscount(List.of(row("ec2", "Compute", "Standard", 50, 50)))).isEmpty();
  }

  @Test
  void servicesAboveTheOnDemandShareArePricedAtTheCommittedDiscount() {
    // Discount 1 − 300 / 400 = 25 %. ec2: compute 300 + 100 = 400, on demand 100 = 25 % (not above 30 %).
    // lambda: 60 on demand + 40 spot = 100 compute, 60 % on demand → saving 60 × 0.25 = 15. rds is not compute.
    List<CostRow> rows = List.of(row("ec2", "Compute", "Committed", 300, 400), row("ec2", "Compute", "Standard", 100, 100),
        row("lambda", "Compute", "Standard", 60, 60), row("lambda", "Compute", "Dynamic", 40, 100),
        row("rds", "Databases", "Standard", 500, 500));
    List<SavingsOpportunities.OnDemandCompute> out = SavingsOpportunities.onDemandCompute(rows, 0.3);
    assertThat(out).hasSize(1);
    SavingsOpportunities.OnDemandCompute o = out.get(0);
    assertThat(o.service()).isEqualTo("lambda");
    assertThat(o.compute()).isCloseTo(100.0, within(1e-12));
    assertThat(o.onDemand()).isCloseTo(60.0, within(1e-12));
    assertThat(o.onDemandPercent()).isCloseTo(60.0, within(1e-12));
    assertThat(o.discount()).isCloseTo(0.25, within(1e-12));
    assertThat(o.saving()).isCloseTo(15.0, within(1e-12));
    // At a threshold of 25 %, ec2's exactly 25 % is still not above it.
    assertThat(SavingsOpportunities.onDemandCompute(rows, 0.25)).extracting(SavingsOpportunities.OnDemandCompute::service)
        .containsExactly("lambda");
  }

  @Test
  void withoutACommittedDiscountNothingIsSuggested() {
    assertThat(SavingsOpportunities.onDemandCompute(List.of(row("ec2", "Compute", "Standard", 100, 100)), 0.3)).isEmpty();
  }

  @Test
  void aSpikeAboveTheMedianDayIsAnOutlierFromTheFirstReportedDay() {
    // ec2 costs 100 a day for 20 days from Oct 1, then 1000 on Oct 21. Median of the 21 days: 100.
    // The spike is 900 above it, 10 times it. flat costs 100 every day and has no outlier.
    List<CostRow> history = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      String day = LocalDate.of(2026, 10, 1).plusDays(i).toString();
      history.add(row(day, "ec2", "Compute", "Standard", i == 20 ? 1000 : 100, 0));
      history.add(row(day, "flat", "Compute", "Standard", 100, 0));
    }
    List<SavingsOpportunities.CostOutlier> out =
        SavingsOpportunities.outliers(history, ZoneOffset.UTC, LocalDate.of(2026, 10, 15), SavingsOpportunities.OUTLIERS);
    assertThat(out).hasSize(1);
    SavingsOpportunities.CostOutlier o = out.get(0);
    assertThat(o.service()).isEqualTo("ec2");
    assertThat(o.day()).isEqualTo(LocalDate.of(2026, 10, 21));
    assertThat(o.cost()).isCloseTo(1000.0, within(1e-12));
    assertThat(o.median()).isCloseTo(100.0, within(1e-12));
    assertThat(o.excess()).isCloseTo(900.0, within(1e-12));
    assertThat(o.timesMedian().getAsDouble()).isCloseTo(10.0, within(1e-12));
    assertThat(o.score()).isGreaterThanOrEqualTo(SavingsOpportunities.OUTLIER_SCORE);
    // Days before the first reported day are not listed.
    assertThat(SavingsOpportunities.outliers(history, ZoneOffset.UTC, LocalDate.of(2026, 10, 22), SavingsOpportunities.OUTLIERS)).isEmpty();
    assertThat(SavingsOpportunities.outliers(List.of(), ZoneOffset.UTC, LocalDate.of(2026, 10, 1), SavingsOpportunities.OUTLIERS)).isEmpty();
  }
}
