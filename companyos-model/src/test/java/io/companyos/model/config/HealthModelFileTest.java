package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.health.HealthModelWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthModelFileTest {
  @TempDir Path dir;

  private List<ConfigProblem> validate(String yaml) throws IOException {
    Files.writeString(dir.resolve("health-model.yaml"), yaml);
    return new DefinitionLoader().validate(List.of(dir));
  }

  @Test
  void theBuiltinModelIsTheSeedsWeightsAndBands() {
    HealthModelWeights w = BuiltinDefinitions.load().healthModel();
    assertThat(w.healthy()).isEqualTo(80);
    assertThat(w.watch()).isEqualTo(60);
    assertThat(w.dimensions()).extracting(HealthModelWeights.DimensionWeights::id, HealthModelWeights.DimensionWeights::weight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("reliability", 25), org.assertj.core.groups.Tuple.tuple("security", 20),
            org.assertj.core.groups.Tuple.tuple("product", 20), org.assertj.core.groups.Tuple.tuple("financials", 20),
            org.assertj.core.groups.Tuple.tuple("efficiency", 15));
    assertThat(w.dimensions().get(0).kpis()).containsExactly(Map.entry("slo_budget_consumed", 2), Map.entry("p1p2_incidents", 1),
        Map.entry("mttr_hours", 1));
  }

  @Test
  void aCompanysFileReplacesWeightsAndBands() throws IOException {
    Files.writeString(dir.resolve("health-model.yaml"), """
        health_model:
          bands: {healthy: 90, watch: 70}
          dimensions:
            - id: reliability
              weight: 3
              kpis: {slo_budget_consumed: 1, mttr_hours: 1}
            - id: product
              weight: 1
              kpis: {nps: 1}
        """);
    CompanyDefinition c = new DefinitionLoader().load(List.of(dir));
    assertThat(c.healthModel().healthy()).isEqualTo(90);
    assertThat(c.healthModel().dimensions()).hasSize(2);
    assertThat(c.healthModel().dimensions().get(1).kpis()).containsOnlyKeys("nps");
  }

  @Test
  void anUnknownKpiIsLocatedWithASuggestion() throws IOException {
    List<ConfigProblem> problems = validate("""
        health_model:
          bands: {healthy: 80, watch: 60}
          dimensions:
            - id: product
              weight: 1
              kpis: {stickyness: 1}
        """);
    assertThat(problems).hasSize(1);
    // Line 6, column 14: six spaces, "kpis: {" (7 characters), then the key.
    assertThat(problems.get(0).oneLine()).endsWith("health-model.yaml:6:14: COS-YAML-027 unknown KPI 'stickyness' in dimension "
        + "'product' (did you mean 'stickiness'?)");
  }

  @Test
  void anUnknownDimensionAndBandsTheWrongWayRoundAreErrors() throws IOException {
    List<ConfigProblem> problems = validate("""
        health_model:
          bands: {healthy: 60, watch: 80}
          dimensions:
            - id: reliabilty
              weight: 1
              kpis: {nps: 1}
        """);
    assertThat(problems).extracting(ConfigProblem::oneLine).anySatisfy(l -> assertThat(l)
        .contains(":4:11: COS-YAML-027 unknown dimension 'reliabilty' in health-model dimension (did you mean 'reliability'?)"));
    assertThat(problems).extracting(ConfigProblem::oneLine).anySatisfy(l -> assertThat(l)
        .contains("bands must satisfy 0 <= watch < healthy <= 100, were watch 80 and healthy 60"));
  }
}
