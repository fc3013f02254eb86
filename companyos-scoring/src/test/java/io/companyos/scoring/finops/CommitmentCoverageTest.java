package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coverage on the on-demand equivalent (FOCUS ListCost), worked out by hand. */
class CommitmentCoverageTest {
  static CostRow row(String category, double effective, double list, String pricing, String commitment) {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    return new CostRow(t, t.plusSeconds(86400), BigDecimal.valueOf(effective), BigDecimal.valueOf(effective), BigDecimal.valueOf(list),
        category.equals("Compute") ? "EC2" : "RDS", category, "AWS", "Usage", pricing, commitment, Map.of());
  }

  static final List<CostRow> ROWS = List.of(
      row("Compute", 100, 100, "Standard", null),               // on demand
      row("Compute", 210, 300, "Committed", "Savings Plan"),    // 300 of usage for 210 after a 30 % discount
      row("Compute", 30, 100, "Dynamic", null),                 // spot: 100 of usage for 30
      row("Databases", 120, 200, "Committed", "Reservation"),
      row("Databases", 50, 50, "Standard", null));

  @Test
  void savingsPlanCoverageIsCoveredUsageOverEligibleUsageAtOnDemandPrices() {
    // 300 / (100 + 300 + 100) = 60 %. On amortized cost it read 210 / 340 = 61.8 %.
    assertThat(CommitmentCoverage.savingsPlan(ROWS).getAsDouble()).isCloseTo(0.60, within(1e-12));
  }

  @Test
  void reservationCoverageAndSpotShareUseTheSameMeasure() {
    // Reservations: 200 / (200 + 50) = 80 % (amortized: 120 / 170 = 70.6 %).
    assertThat(CommitmentCoverage.reservation(ROWS).getAsDouble()).isCloseTo(0.80, within(1e-12));
    // Spot: 100 / 500 = 20 % of compute usage (amortized: 30 / 340 = 8.8 %).
    assertThat(CommitmentCoverage.spot(ROWS).getAsDouble()).isCloseTo(0.20, within(1e-12));
  }

  @Test
  void aProviderWritingReservedInstancesCountsAsAReservation() {
    List<CostRow> rows = List.of(row("Databases", 60, 100, "Committed", "Reserved Instances"), row("Databases", 100, 100, "Standard", null));
    assertThat(CommitmentCoverage.reservation(rows).getAsDouble()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void noEligibleUsageMeansNoCoverageNotZero() {
    assertThat(CommitmentCoverage.savingsPlan(List.of(row("Databases", 10, 10, "Standard", null)))).isEmpty();
  }
}
