package io.companyos.scoring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.health.HealthModelWeights;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StandardHealthModelWeightsTest {

  @Test
  void theDefaultModelIsTheBuiltinFile() {
    HealthModel m = StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel());
    assertThat(m.dimensions()).extracting(Dimension::id, Dimension::weight).containsExactly(
        org.assertj.core.groups.Tuple.tuple("reliability", 25.0), org.assertj.core.groups.Tuple.tuple("security", 20.0),
        org.assertj.core.groups.Tuple.tuple("product", 20.0), org.assertj.core.groups.Tuple.tuple("financials", 20.0),
        org.assertj.core.groups.Tuple.tuple("efficiency", 15.0));
    assertThat(m.kpis()).hasSize(15);
    assertThat(m.bands()).isEqualTo(StatusBands.DEFAULT);
  }

  @Test
  void weightsAndBandsComeFromTheCompanyAndWeightZeroLeavesAKpiOut() {
    HealthModelWeights w = new HealthModelWeights(List.of(
        new HealthModelWeights.DimensionWeights("reliability", 3, Map.of("slo_budget_consumed", 1)),
        new HealthModelWeights.DimensionWeights("product", 1, Map.of("nps", 1, "stickiness", 0)),
        new HealthModelWeights.DimensionWeights("security", 0, Map.of("compliance_controls", 1))), 90, 70);
    HealthModel m = StandardHealthModel.create(w);
    assertThat(m.dimensions()).extracting(Dimension::id).containsExactly("reliability", "product");
    assertThat(m.kpis()).extracting(Kpi::id).containsExactlyInAnyOrder("slo_budget_consumed", "nps");
    // By hand: error budget consumed 2.0 on Linear(3 -> 0 points, 1 -> 100 points) = 50; NPS 60 on
    // Linear(-20 -> 0, 60 -> 100) = 100; composite (3 x 50 + 1 x 100) / 4 = 62.5, below the company's watch band of 70.
    HealthScore s = HealthScorer.score(m, Map.of("slo_budget_consumed", 2.0, "nps", 60.0));
    assertThat(s.score()).isEqualTo(OptionalDouble.of(62.5));
    assertThat(s.status()).isEqualTo(HealthStatus.AT_RISK);
  }

  @Test
  void anUnknownKpiIsRefused() {
    HealthModelWeights w = new HealthModelWeights(List.of(
        new HealthModelWeights.DimensionWeights("product", 1, Map.of("nps_score", 1))), 80, 60);
    assertThatThrownBy(() -> StandardHealthModel.create(w)).hasMessageStartingWith("unknown KPI 'nps_score'");
  }
}
