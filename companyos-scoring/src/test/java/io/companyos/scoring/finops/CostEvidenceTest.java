package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEvidenceTest {
  static CostRow row(String service, String start, String cost) {
    Instant t = Instant.parse(start);
    BigDecimal c = new BigDecimal(cost);
    return new CostRow(t, t.plusSeconds(86400), c, c, c, service, "Compute", "AWS", "Usage", "Standard", null, Map.of());
  }

  @Test
  void aCostTotalIsTracedToItsRowsPerServiceAndChargeDays() {
    List<CostRow> rows = List.of(row("s3", "2026-11-02T00:00:00Z", "10.005"), row("ec2", "2026-11-03T00:00:00Z", "100.25"),
        row("ec2", "2026-11-01T00:00:00Z", "99.75"), row("s3", "2026-11-02T00:00:00Z", "0.01"));
    // ec2: 100.25 + 99.75 = 200.00 over Nov 1-3; s3: 10.005 + 0.01 = 10.015, shown to the cent (half even: 10.02).
    assertThat(CostBreakdown.evidence(rows, ZoneOffset.UTC))
        .containsExactly("ec2: 2 rows, 2026-11-01 to 2026-11-03, 200.00", "s3: 2 rows, 2026-11-02 to 2026-11-02, 10.02");
    assertThat(CostBreakdown.evidence(List.of(), ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void aBudgetIsProRatedUnlessTheWindowEndsAtAMonthStartInTheZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    TimeWindow october = new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
    TimeWindow toDate = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(CloudBudget.isProRated(october, ZoneOffset.UTC)).isFalse();
    assertThat(CloudBudget.isProRated(toDate, ZoneOffset.UTC)).isTrue();
    // Midnight UTC on 1 November is 01:00 in Berlin: not a month start there.
    assertThat(CloudBudget.isProRated(october, berlin)).isTrue();
  }

  @Test
  void costPerMauAgainstItsTarget() {
    // $315 per MAU against a $300 target: 1.05x.
    assertThat(CloudBudget.againstTarget(java.util.OptionalDouble.of(315), 300.0).getAsDouble())
        .isCloseTo(1.05, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(CloudBudget.againstTarget(java.util.OptionalDouble.of(315), null)).isEmpty();
    assertThat(CloudBudget.againstTarget(java.util.OptionalDouble.of(315), 0.0)).isEmpty();
    assertThat(CloudBudget.againstTarget(java.util.OptionalDouble.empty(), 300.0)).isEmpty();
  }

  @Test
  void churnsAreTheChurnMovementsOnly() {
    Instant t = Instant.parse("2026-11-05T00:00:00Z");
    List<io.companyos.model.data.ArrMovement> m = List.of(
        new io.companyos.model.data.ArrMovement(t, "a", "new", new BigDecimal("100")),
        new io.companyos.model.data.ArrMovement(t, "b", "churn", new BigDecimal("-50")),
        new io.companyos.model.data.ArrMovement(t, "c", "contraction", new BigDecimal("-10")),
        new io.companyos.model.data.ArrMovement(t, "d", "churn", new BigDecimal("-20")));
    assertThat(ArrMetrics.churns(m)).extracting(io.companyos.model.data.ArrMovement::accountId).containsExactly("b", "d");
  }
}
