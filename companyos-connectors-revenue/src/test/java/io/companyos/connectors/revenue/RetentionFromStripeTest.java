package io.companyos.connectors.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Account;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.sources.RecordKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the Stripe lists to NRR, GRR and net new ARR, worked out by hand. */
class RetentionFromStripeTest {
  private final RevenueExportsSource source = Fixtures.stripe(Map.of());
  private final List<Account> accounts = Fixtures.rows(source, RecordKind.ACCOUNTS);
  private final List<ArrMovement> movements = Fixtures.rows(source, RecordKind.ARR_MOVEMENTS);

  @Test
  void theYearToTheTwentyThirdOfNovember() {
    TimeWindow year = new TimeWindow(Instant.parse("2025-11-23T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
    ArrMetrics.Result r = ArrMetrics.compute(accounts, movements, year, Fixtures.NOW);
    // Paying at the start: Hooli 24,000, Initech 24,000, Globex 12,000 = 60,000. In the year: Globex +6,000,
    // Hooli -9,600, Initech churns 24,000. NRR = (60,000 + 6,000 - 9,600 - 24,000) / 60,000 = 54 %;
    // GRR = (60,000 - 9,600 - 24,000) / 60,000 = 44 %.
    assertThat(r.arrStart()).isEqualByComparingTo("60000");
    assertThat(r.nrr().getAsDouble()).isCloseTo(54.0, within(1e-9));
    assertThat(r.grr().getAsDouble()).isCloseTo(44.0, within(1e-9));
    // New: Pied Piper 3,600 and Umbrella 4,680. Net new = 8,280 + 6,000 - 9,600 - 24,000 = -19,320.
    assertThat(r.newArr()).isEqualByComparingTo("8280");
    assertThat(r.netNew()).isEqualByComparingTo(new BigDecimal("-19320"));
    // ARR at the end: Globex 18,000 + Hooli 14,400 + Pied Piper 3,600 + Umbrella 4,680 = 40,680.
    assertThat(r.arrEnd()).isEqualByComparingTo("40680");
  }

  @Test
  void theFourthQuarterSoFar() {
    TimeWindow q4 = new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
    ArrMetrics.Result r = ArrMetrics.compute(accounts, movements, q4, Fixtures.NOW);
    // Paying on 1 October: Globex 18,000, Initech 24,000, Hooli 24,000, Pied Piper 3,600; Initech churned: logos 3/4.
    assertThat(r.logoRetention().getAsDouble()).isCloseTo(75.0, within(1e-9));
    assertThat(r.churned()).isEqualByComparingTo("24000");
    // 4,680 new - 9,600 contraction - 24,000 churn = -28,920.
    assertThat(r.netNew()).isEqualByComparingTo("-28920");
  }
}
