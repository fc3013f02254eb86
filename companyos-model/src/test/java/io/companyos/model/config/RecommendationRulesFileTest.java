package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.recommend.RuleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationRulesFileTest {
  @TempDir Path dir;

  private List<ConfigProblem> validate(String yaml) throws IOException {
    Files.writeString(dir.resolve("recommendations.yaml"), yaml);
    return new DefinitionLoader().validate(List.of(dir));
  }

  @Test
  void theBuiltinRulesCoverEveryKindWithAnOwner() {
    List<RecommendationRule> rules = BuiltinDefinitions.load().recommendationRules().rules();
    assertThat(rules).extracting(RecommendationRule::kind).containsExactlyInAnyOrder(RuleKind.values());
    assertThat(rules).allSatisfy(r -> assertThat(r.owner()).isNotBlank());
    RecommendationRule burn = BuiltinDefinitions.load().recommendationRules().rule("slo-burn-tier").orElseThrow();
    assertThat(burn.number("freeze_factor")).isEqualTo(6.0);
    assertThat(burn.section()).isEqualTo("recommendations");
  }

  @Test
  void aCompanysRulesReplaceBuiltinOnesByIdAndAddNewOnes() throws IOException {
    Files.writeString(dir.resolve("recommendations.yaml"), """
        recommendation_rules:
          - id: commitment-coverage-gap
            kind: commitment_coverage
            activity: "Monthly FinOps"
            params: {target_percent: 70}
          - id: slo-burn-tier
            kind: burn_rate_tier
            activity: "Weekly Ops Review"
            enabled: false
          - id: page-only-burn
            kind: burn_rate_tier
            activity: "Daily Health Check"
            owner: sre_oncall
            params: {min_factor: 6}
        """);
    CompanyDefinition c = new DefinitionLoader().load(List.of(dir));
    assertThat(c.recommendationRules().rule("commitment-coverage-gap").orElseThrow().number("target_percent")).isEqualTo(70.0);
    assertThat(c.recommendationRules().rule("commitment-coverage-gap").orElseThrow().number("min_gap_points")).isEqualTo(5.0);
    assertThat(c.recommendationRules().forSection("recommendations")).extracting(RecommendationRule::id)
        .contains("page-only-burn", "repeat-incidents").doesNotContain("slo-burn-tier");
    assertThat(c.recommendationRules().rules()).hasSize(BuiltinDefinitions.load().recommendationRules().rules().size() + 1);
  }

  @Test
  void mistakesAreLocatedWithTheirCode() throws IOException {
    List<ConfigProblem> problems = validate("""
        recommendation_rules:
          - id: a
            kind: burn_rate_teir
            activity: "Weekly Ops Review"
          - id: b
            kind: commitment_coverage
            activity: "Monthly FinOps"
            params: {target_percent: 140, target: 3}
          - id: c
            kind: unallocated_spend
            activity: "Monthly Finops"
            owner: finops_leed
        """);
    assertThat(problems).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
            .contains("recommendations.yaml:3:11: COS-YAML-006 'burn_rate_teir' is not a rule kind").contains("burn_rate_tier"))
        .anySatisfy(s -> assertThat(s).contains("recommendations.yaml:8:30: COS-YAML-010 'target_percent' is 140; it must be 1 to 100"))
        .anySatisfy(s -> assertThat(s).contains("recommendations.yaml:8:35: COS-YAML-002 rule kind 'commitment_coverage' has no parameter 'target'"))
        .anySatisfy(s -> assertThat(s).contains("recommendations.yaml:11:15: COS-YAML-029 no RACI activity 'Monthly Finops'"))
        .anySatisfy(s -> assertThat(s).contains("recommendations.yaml:12:12: COS-YAML-012 unknown role 'finops_leed'"));
  }

  @Test
  void aRuleIdTwiceIsADuplicate() throws IOException {
    List<ConfigProblem> problems = validate("""
        recommendation_rules:
          - {id: a, kind: vulnerability_sla, activity: "Weekly Security"}
          - {id: a, kind: vulnerability_sla, activity: "Weekly Security"}
        """);
    assertThat(problems).extracting(ConfigProblem::code).contains(ProblemCode.DUPLICATE_ID);
  }
}
