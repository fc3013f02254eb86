package io.companyos.model.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionTypeRegistryTest {
  /** The section type names other modules implement; a contract. */
  static final List<String> CONTRACT = List.of("health_snapshot", "deploys", "stale_prs", "scheduled_today",
      "incident_summary", "slo_performance", "dora_metrics", "action_items", "recommendations",
      "vulnerability_summary", "critical_cves", "security_events", "security_posture", "pending_reviews",
      "engagement_summary", "feature_adoption", "customer_health", "top_requests", "sprint_goals", "completed_work",
      "sprint_metrics", "quality_metrics", "carryover", "executive_summary", "dimension_scores", "wins", "risks",
      "decisions", "okr_progress", "cost_summary", "cost_drivers", "team_costs", "optimization_opportunities",
      "reserved_capacity", "cost_forecast", "financial_summary", "customer_metrics", "platform_health",
      "security_posture_summary", "quarter_summary", "okr_results", "dimension_comparison", "achievements", "misses",
      "platform_metrics", "next_quarter_focus", "planning_agenda");

  private final SectionTypeRegistry registry = SectionTypeRegistry.builtin();

  @Test
  void theBuiltinRegistryHasEveryContractName() {
    assertThat(CONTRACT).hasSize(47);
    assertThat(registry.names()).containsAll(CONTRACT);
  }

  @Test
  void everyTypeAcceptsTitleAndVisibleTo() {
    for (SectionType t : registry.types()) {
      assertThat(t.param("title")).as(t.name()).get().extracting(ParamSpec::type).isEqualTo(ParamType.STRING);
      assertThat(t.param("visible_to")).as(t.name()).get().extracting(ParamSpec::type).isEqualTo(ParamType.ROLE_LIST);
    }
  }

  @Test
  void theSeedsParametersAreDeclaredWithTheirRanges() {
    ParamSpec threshold = registry.find("recommendations").orElseThrow().param("threshold").orElseThrow();
    assertThat(threshold.min()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(threshold.max()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(registry.find("incident_summary").orElseThrow().paramNames())
        .contains("lookback", "severity", "compare_to", "limit");
    assertThat(registry.find("slo_performance").orElseThrow().paramNames())
        .contains("services", "include_budget_remaining");
    assertThat(registry.find("dora_metrics").orElseThrow().param("compare_to").orElseThrow().choices())
        .contains("previous_week", "previous_month", "previous_quarter", "previous_sprint");
    assertThat(registry.find("action_items").orElseThrow().paramNames()).contains("source", "show_status");
  }

  @Test
  void companiesAddTypesButCannotReplaceBuiltinOnes() {
    SectionType custom = SectionType.of("nps_by_segment", "NPS per customer segment", List.of());
    SectionTypeRegistry extended = registry.with(custom);
    assertThat(extended.find("nps_by_segment")).contains(custom);
    assertThat(registry.find("nps_by_segment")).isEmpty();
    assertThatThrownBy(() -> registry.with(SectionType.of("deploys", "again", List.of())))
        .hasMessageContaining("registered twice");
  }

  @Test
  void aTypeCannotDeclareAParameterTwice() {
    ParamSpec p = ParamSpec.of("x", ParamType.STRING, "x");
    assertThatThrownBy(() -> SectionType.of("t", "t", List.of(p, p))).hasMessageContaining("twice");
    assertThatThrownBy(() -> ParamSpec.choice("c", List.of(), "c")).hasMessageContaining("needs choices");
  }
}
