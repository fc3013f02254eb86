package io.companyos.scoring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.companyos.scoring.Direction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthScorerTest {
  static HealthModel twoDimensions(double scale) {
    return new HealthModel(
        List.of(new Dimension("a", "A", 3 * scale), new Dimension("b", "B", 1 * scale)),
        List.of(
            new Kpi("a1", "A1", "a", 1 * scale, new KpiRule.Linear(0, 100), Direction.HIGHER_IS_BETTER, ""),
            new Kpi("a2", "A2", "a", 1 * scale, new KpiRule.Linear(0, 10), Direction.HIGHER_IS_BETTER, ""),
            new Kpi("b1", "B1", "b", 1 * scale, new KpiRule.Linear(0, 1), Direction.HIGHER_IS_BETTER, "")),
        StatusBands.DEFAULT);
  }

  @Test
  void aHandWorkedScoreAndItsExplanation() {
    // Normalized: a1 50 -> 50, a2 10 -> 100, b1 0.25 -> 25. Effective weights: a1 = 1/2 * 3/4 = 0.375,
    // a2 0.375, b1 = 1 * 1/4 = 0.25. Points: 18.75 + 37.5 + 6.25 = 62.5 -> WATCH (60 <= 62.5 < 80).
    // Tenths truncated: 187, 375, 62 = 624; one tenth missing; remainders .5, 0, .5 tie -> model order -> a1.
    HealthScore s = HealthScorer.score(twoDimensions(1), Map.of("a1", 50.0, "a2", 10.0, "b1", 0.25));
    assertThat(s.score()).hasValue(62.5);
    assertThat(s.status()).isEqualTo(HealthStatus.WATCH);
    assertThat(s.kpis()).extracting(HealthScore.KpiContribution::points).containsExactly(18.8, 37.5, 6.2);
    assertThat(s.dimensions()).extracting(d -> d.score().getAsDouble()).containsExactly(75.0, 25.0);
    assertThat(s.dimensions()).extracting(HealthScore.DimensionScore::points).containsExactly(56.3, 6.2);
    assertThat(s.rescaled()).isFalse();
  }

  @Test
  void missingKpisRescaleTheWeightsAndSaySo() {
    // b1 missing: dimension B drops out, A carries all the weight: (50 + 100) / 2 = 75 -> WATCH.
    HealthScore s = HealthScorer.score(twoDimensions(1), Map.of("a1", 50.0, "a2", 10.0));
    assertThat(s.score()).hasValue(75.0);
    assertThat(s.missing()).containsExactly("b1");
    assertThat(s.rescaled()).isTrue();
    assertThat(s.dimensions().get(1).score()).isEmpty();
    assertThat(HealthScorer.score(twoDimensions(1), Map.of()).score()).isEmpty();
  }

  @Test
  void rulesNormalizeAsDocumented() {
    // SLO-style, target 0.999, 3 budgets to zero: 0.9985 consumes 1.5 budgets -> 100 * (3 - 1.5) / 2 = 75.
    assertThat(new KpiRule.SloStyle(0.999, 3).normalize(0.9985)).isCloseTo(75, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(new KpiRule.SloStyle(0.999, 3).normalize(0.9995)).isEqualTo(100);
    // Lower is better: Linear(12, 0) gives 3 incidents -> (3 - 12) / (0 - 12) * 100 = 75.
    assertThat(new KpiRule.Linear(12, 0).normalize(3)).isEqualTo(75);
    KpiRule.Banded vulns = new KpiRule.Banded(false, List.of(new KpiRule.Band(0, 100), new KpiRule.Band(1, 70), new KpiRule.Band(3, 40)), 0);
    assertThat(vulns.normalize(0)).isEqualTo(100);
    assertThat(vulns.normalize(2)).isEqualTo(40);
    assertThat(vulns.normalize(4)).isEqualTo(0);
  }

  @Test
  void explanationPointsSumToTheScoreAndTheScoreStaysInBounds() {
    HealthModel model = StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel());
    qt().forAll(doubles().between(0, 5), doubles().between(0, 20), doubles().between(0, 48), doubles().between(-50, 80))
        .checkAssert((slo, incidents, mttr, nps) -> {
          HealthScore s = HealthScorer.score(model, Map.of(StandardHealthModel.SLO_BUDGET_CONSUMED, slo,
              StandardHealthModel.P1P2_INCIDENTS, incidents, StandardHealthModel.MTTR_HOURS, mttr, StandardHealthModel.NPS, nps));
          long tenths = Math.round(s.kpis().stream().mapToDouble(HealthScore.KpiContribution::points).sum() * 10);
          assertThat(tenths).isEqualTo(Math.round(s.score().getAsDouble() * 10));
          assertThat(s.score().getAsDouble()).isBetween(0.0, 100.0);
        });
  }

  @Test
  void compositeScoreIsMonotoneInEveryKpisGoodDirection() {
    HealthModel model = StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel());
    qt().forAll(doubles().between(0, 24), doubles().between(0, 24)).checkAssert((x, y) -> {
      double lo = Math.min(x, y);
      double hi = Math.max(x, y);
      Map<String, Double> base = new HashMap<>(Map.of(StandardHealthModel.NPS, 20.0, StandardHealthModel.GROSS_MARGIN, 0.7));
      base.put(StandardHealthModel.MTTR_HOURS, lo);
      double better = HealthScorer.score(model, base).score().getAsDouble();
      base.put(StandardHealthModel.MTTR_HOURS, hi);
      double worse = HealthScorer.score(model, base).score().getAsDouble();
      assertThat(better).isGreaterThanOrEqualTo(worse); // MTTR: lower is better
    });
  }

  @Test
  void scalingAllWeightsChangesNothing() {
    qt().forAll(doubles().between(0.01, 1000), doubles().between(0, 100), doubles().between(0, 0.5)).checkAssert((c, a1, b1) -> {
      Map<String, Double> v = Map.of("a1", a1, "a2", 5.0, "b1", b1);
      assertThat(HealthScorer.score(twoDimensions(c), v).score()).isEqualTo(HealthScorer.score(twoDimensions(1), v).score());
    });
  }
}
