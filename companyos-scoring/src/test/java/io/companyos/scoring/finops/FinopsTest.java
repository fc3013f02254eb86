package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinopsTest {
  static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  static final TimeWindow OCT = new TimeWindow(START, Instant.parse("2026-11-01T00:00:00Z"));

  static CostRow cost(int day, String service, String team, String cost, String pricing) {
    Instant s = START.plus(Duration.ofDays(day));
    BigDecimal c = new BigDecimal(cost);
    return new CostRow(s, s.plus(Duration.ofDays(1)), c, c, c, service, "Compute", "AWS", "Usage", pricing,
        pricing.equals("Committed") ? "Savings Plan" : null, Map.of("team", team));
  }

  @Test
  void breaksCostDownByServiceTagAndPricing() {
    List<CostRow> rows = List.of(cost(0, "search", "growth", "100.00", "Committed"), cost(1, "search", "growth", "50.00", "Standard"),
        cost(2, "billing", "payments", "120.00", "Dynamic"), cost(40, "billing", "payments", "999.00", "Standard"));
    assertThat(CostBreakdown.total(rows, OCT)).isEqualByComparingTo("270.00");
    assertThat(CostBreakdown.byService(rows, OCT).keySet()).containsExactly("search", "billing"); // 150 > 120
    assertThat(CostBreakdown.byTag(rows, OCT, "team")).containsEntry("payments", new BigDecimal("120.00"));
    assertThat(CostBreakdown.byPricingCategory(rows, OCT)).containsEntry("Committed", new BigDecimal("100.00"));
    assertThat(CostBreakdown.byCommitmentType(rows, OCT)).containsEntry("Savings Plan", new BigDecimal("100.00"));
  }

  @Test
  void varianceAndChangeArePercentagesAndAbsentAgainstZero() {
    assertThat(Variance.vsBudget(110, 100)).hasValue(10.0); // (110 - 100) / 100
    assertThat(Variance.change(90, 120)).hasValue(-25.0);   // (90 - 120) / 120
    assertThat(Variance.vsBudget(5, 0)).isEmpty();
  }

  @Test
  void aPerfectLineForecastsExactlyWithANarrowInterval() {
    // cost(i) = 100 + 2i for 28 days from a Monday; no weekly pattern, no noise.
    double[] daily = new double[28];
    for (int i = 0; i < 28; i++) {
      daily[i] = 100 + 2 * i;
    }
    LocalDate first = LocalDate.of(2026, 10, 5);
    CostForecast.Forecast f = CostForecast.forecast(daily, first, first.plusDays(28), first.plusDays(34)).orElseThrow();
    // days 28..34: sum(100 + 2i) = 7*100 + 2*(28+...+34) = 700 + 2*217 = 1134.
    assertThat(f.total()).isCloseTo(1134, within(1e-6));
    assertThat(f.high() - f.low()).isCloseTo(0, within(1e-6));
    assertThat(CostForecast.forecast(new double[5], first, first, first)).isEmpty();
  }

  @Test
  void retentionFromMovements() {
    Instant asOf = Instant.parse("2026-11-15T00:00:00Z");
    // Now: a 120 (expanded by 20 in Oct), b 0 (churned 50 in Oct), c 30 (new in Oct).
    List<Account> accounts = List.of(new Account("a", "A", "smb", new BigDecimal("120"), START.minus(Duration.ofDays(300))),
        new Account("b", "B", "smb", BigDecimal.ZERO, START.minus(Duration.ofDays(300))),
        new Account("c", "C", "smb", new BigDecimal("30"), START.plus(Duration.ofDays(10))));
    List<ArrMovement> moves = List.of(new ArrMovement(START.plus(Duration.ofDays(5)), "a", "expansion", new BigDecimal("20")),
        new ArrMovement(START.plus(Duration.ofDays(6)), "b", "churn", new BigDecimal("50")),
        new ArrMovement(START.plus(Duration.ofDays(10)), "c", "new", new BigDecimal("30")));
    ArrMetrics.Result r = ArrMetrics.compute(accounts, moves, OCT, asOf);
    // Start: a 100, b 50 = 150. NRR (150 + 20 - 50) / 150 = 80%; GRR (150 - 50) / 150 = 66.7%; logos 1 of 2 = 50%.
    assertThat(r.arrStart()).isEqualByComparingTo("150");
    assertThat(r.arrEnd()).isEqualByComparingTo("150"); // a 120 + c 30
    assertThat(r.nrr().getAsDouble()).isCloseTo(80, within(1e-9));
    assertThat(r.grr().getAsDouble()).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(r.logoRetention()).hasValue(50.0);
    assertThat(r.netNew()).isEqualByComparingTo("0"); // 30 + 20 - 0 - 50
    assertThat(r.churned()).isEqualByComparingTo("50");
  }
}
