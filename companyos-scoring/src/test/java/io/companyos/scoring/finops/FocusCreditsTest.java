package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FOCUS credits and adjustments reduce what was paid but are not usage; worked out by hand. */
class FocusCreditsTest {
  static CostRow row(String charge, String service, String category, String pricing, String commitment, double effective,
      double list) {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    return new CostRow(t, t.plusSeconds(86400), BigDecimal.valueOf(effective), BigDecimal.valueOf(effective), BigDecimal.valueOf(list),
        service, category, "AWS", charge, pricing, commitment, Map.of());
  }

  // ec2 compute: 300 committed (list 400, savings plan) + 100 on demand; a credit of −180 on ec2 compute.
  static final List<CostRow> ROWS = List.of(
      row("Usage", "ec2", "Compute", "Committed", "Savings Plan", 300, 400),
      row("Usage", "ec2", "Compute", "Standard", null, 100, 100),
      row("Credit", "ec2", "Compute", "Standard", null, -180, -180),
      row("Adjustment", "ec2", "Compute", "Committed", "Savings Plan", -20, 0));

  @Test
  void creditsAndAdjustmentsReduceTheTotal() {
    // 300 + 100 − 180 − 20 = 200
    assertThat(CostBreakdown.total(ROWS)).isEqualByComparingTo("200");
    assertThat(CostBreakdown.isCreditOrAdjustment(ROWS.get(2))).isTrue();
    assertThat(CostBreakdown.isCreditOrAdjustment(ROWS.get(0))).isFalse();
  }

  @Test
  void theOnDemandShareCountsUsageOnly() {
    // Discount over committed usage: 1 − 300 / 400 = 25 % (the adjustment is left out).
    // ec2 usage: 300 + 100 = 400 compute, 100 on demand = 25 %; with the credit in, it would read 100 / 220 = 45 %,
    // and the credit as on-demand −80 / 220; left out, nothing is above a 30 % threshold.
    assertThat(SavingsOpportunities.committedDiscount(ROWS).getAsDouble()).isCloseTo(0.25, within(1e-12));
    assertThat(SavingsOpportunities.onDemandCompute(ROWS, 0.3)).isEmpty();
    // At 20 %: ec2 at 25 % → saving 100 × 0.25 = 25.
    SavingsOpportunities.OnDemandCompute o = SavingsOpportunities.onDemandCompute(ROWS, 0.2).get(0);
    assertThat(o.compute()).isCloseTo(400.0, within(1e-12));
    assertThat(o.onDemandPercent()).isCloseTo(25.0, within(1e-12));
    assertThat(o.saving()).isCloseTo(25.0, within(1e-12));
  }

  @Test
  void coverageCountsUsageOnly() {
    // Savings-plan coverage: list 400 covered / list 400 + 100 of compute usage = 80 %; the credit's −180 list would
    // make it 400 / 320 = 125 %.
    assertThat(CommitmentCoverage.savingsPlan(ROWS).getAsDouble()).isCloseTo(0.8, within(1e-12));
    // Only credits: nothing eligible, no coverage.
    assertThat(CommitmentCoverage.savingsPlan(List.of(ROWS.get(2)))).isEmpty();
  }
}
