package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cost groups, their shares and the compute total, worked out by hand. */
class CostBreakdownGroupsTest {
  static CostRow row(String service, String category, String cost) {
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    BigDecimal c = new BigDecimal(cost);
    return new CostRow(t, t.plusSeconds(86400), c, c, c, service, category, "AWS", "Usage", "Standard", null, Map.of());
  }

  @Test
  void groupsAreLargestFirstWithPreviousCostAndShareOfTheWholeTotal() {
    List<CostRow> now = List.of(row("search", "Compute", "100"), row("billing", "Compute", "120"), row("search", "Compute", "50"),
        row("cache", "Databases", "30"));
    List<CostRow> before = List.of(row("search", "Compute", "200"));
    // Total 300: search 150 (50 %), billing 120 (40 %), cache 30 (10 %); only search had cost before (200).
    List<CostBreakdown.Group> g = CostBreakdown.groups(now, before, CostRow::serviceName);
    assertThat(g).extracting(CostBreakdown.Group::key).containsExactly("search", "billing", "cache");
    assertThat(g.get(0).cost()).isEqualByComparingTo("150");
    assertThat(g.get(0).previous()).isEqualByComparingTo("200");
    assertThat(g.get(1).previous()).isNull();
    assertThat(g.get(0).sharePercent().getAsDouble()).isCloseTo(50.0, within(1e-12));
    assertThat(g.get(1).sharePercent().getAsDouble()).isCloseTo(40.0, within(1e-12));
    assertThat(g.get(2).sharePercent().getAsDouble()).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void groupCostsAddUpExactlyToTheTotalAndSharesTo100() {
    // 0.10 + 0.20 is 0.30 exactly in decimal (0.30000000000000004 in binary floating point); shares 1/3 and 2/3.
    List<CostRow> now = List.of(row("a", "Compute", "0.10"), row("b", "Compute", "0.20"));
    List<CostBreakdown.Group> g = CostBreakdown.groups(now, List.of(), CostRow::serviceName);
    assertThat(g.stream().map(CostBreakdown.Group::cost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(CostBreakdown.total(now));
    assertThat(CostBreakdown.total(now)).isEqualByComparingTo("0.30");
    assertThat(g.get(0).sharePercent().getAsDouble()).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(g.get(1).sharePercent().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(g.get(0).sharePercent().getAsDouble() + g.get(1).sharePercent().getAsDouble()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void tiesAreOrderedByKey() {
    List<CostBreakdown.Group> g = CostBreakdown.groups(List.of(row("b", "Compute", "60"), row("a", "Compute", "60")), List.of(),
        CostRow::serviceName);
    assertThat(g).extracting(CostBreakdown.Group::key).containsExactly("a", "b");
  }

  @Test
  void noRowsNoGroupsAndAZeroTotalHasNoShares() {
    assertThat(CostBreakdown.groups(List.of(), List.of(row("a", "Compute", "5")), CostRow::serviceName)).isEmpty();
    // A charge of 10 and a credit of 10: total 0, so a share is absent, not 0 and not a division by zero.
    List<CostBreakdown.Group> g = CostBreakdown.groups(List.of(row("a", "Compute", "10"), row("b", "Compute", "-10")), List.of(),
        CostRow::serviceName);
    assertThat(g).extracting(CostBreakdown.Group::key).containsExactly("a", "b");
    assertThat(g).allSatisfy(x -> assertThat(x.sharePercent()).isEmpty());
  }

  @Test
  void computeSpendIsTheEffectiveCostOfComputeRowsOnly() {
    // 100 + 30 compute; the 50 of databases is left out.
    assertThat(CostBreakdown.compute(List.of(row("ec2", "Compute", "100"), row("rds", "Databases", "50"), row("lambda", "Compute", "30"))))
        .isEqualByComparingTo("130");
    assertThat(CostBreakdown.compute(List.of())).isEqualByComparingTo("0");
  }

  @Test
  void budgetVarianceAndChangeOfTheCostSummary() {
    // Spend 21,450 against a budget of 22,000: (21,450 − 22,000) / 22,000 = −2.5 %. Infra 110 against 100: +10 %.
    assertThat(Variance.vsBudget(21_450, 22_000).getAsDouble()).isCloseTo(-2.5, within(1e-12));
    assertThat(Variance.change(110, 100).getAsDouble()).isCloseTo(10.0, within(1e-12));
    assertThat(Variance.change(110, 0)).isEmpty();
  }
}
