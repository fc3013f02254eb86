package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.RaciActivity;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.SectionTypeRegistry;
import io.companyos.model.rhythm.Cadence;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped definitions say what the seed says. */
class BuiltinDefinitionsTest {
  private final CompanyDefinition def = BuiltinDefinitions.load();

  @Test
  void builtinDefinitionsLoadWithoutProblems() {
    assertThat(new DefinitionLoader().validateBuiltin()).isEmpty();
    assertThat(BuiltinDefinitions.load()).isSameAs(def);
  }

  @Test
  void theRhythmHasTheSeedsElevenEntries() {
    assertThat(def.rhythm().meetings()).extracting(Meeting::id).containsExactly(
        "health-check", "daily-standup", "ops-review", "security-standup", "product-metrics", "sprint-review",
        "exec-review", "finops-review", "board-pack", "qbr", "quarterly-planning");
    // Seed calendar columns: daily 2, weekly 3, bi-weekly 1, monthly 3, quarterly 2 = 11.
    assertThat(def.rhythm().byCadence(Cadence.DAILY)).hasSize(2);
    assertThat(def.rhythm().byCadence(Cadence.WEEKLY)).hasSize(3);
    assertThat(def.rhythm().byCadence(Cadence.BIWEEKLY)).hasSize(1);
    assertThat(def.rhythm().byCadence(Cadence.MONTHLY)).hasSize(3);
    assertThat(def.rhythm().byCadence(Cadence.QUARTERLY)).hasSize(2);
  }

  @Test
  void meetingsCarryTheSeedsTimesDurationsAndRules() {
    Meeting ops = def.rhythm().meeting("ops-review").orElseThrow();
    assertThat(ops.frequency()).isEqualTo(new FrequencyRule.Weekly(DayOfWeek.MONDAY));
    assertThat(ops.time()).isEqualTo(LocalTime.of(10, 0));
    assertThat(ops.duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(ops.owner()).isEqualTo("sre_lead");
    // Agenda 10 + 10 + 5 + 5 = 30 minutes, the meeting's length.
    assertThat(ops.agendaMinutes()).isEqualTo(30);

    Meeting check = def.rhythm().meeting("health-check").orElseThrow();
    assertThat(check.frequency()).isEqualTo(new FrequencyRule.EveryMinutes(5));
    assertThat(check.automated()).isTrue();

    assertThat(def.rhythm().meeting("exec-review").orElseThrow().frequency())
        .isEqualTo(new FrequencyRule.NthWeekdayOfMonth(1, DayOfWeek.MONDAY));
    assertThat(def.rhythm().meeting("sprint-review").orElseThrow().frequency())
        .isEqualTo(new FrequencyRule.EndOfSprint());
    assertThat(def.rhythm().sprints())
        .isEqualTo(new io.companyos.model.time.SprintCalendar(java.time.LocalDate.of(2024, 1, 1), 14));
    assertThat(def.rhythm().meeting("quarterly-planning").orElseThrow().duration()).isEqualTo(Duration.ofDays(2));
    // QBR agenda: 60 + 45 + 45 + 30 + 60 = 240 minutes = the seed's 4 hours.
    Meeting qbr = def.rhythm().meeting("qbr").orElseThrow();
    assertThat(qbr.agendaMinutes()).isEqualTo(240);
    assertThat(qbr.duration()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void eachPackHasTheSectionsThatFillItsSeedMarkdown() {
    Map<String, List<String>> expected = Map.of(
        "daily-standup", List.of("health_snapshot", "deploys", "stale_prs", "scheduled_today"),
        "ops-review", List.of("incident_summary", "slo_performance", "dora_metrics", "action_items", "recommendations"),
        "security-standup", List.of("vulnerability_summary", "critical_cves", "security_events", "security_posture",
            "pending_reviews"),
        // The seed's four product sections, and the product recommendation rules before the feature requests.
        "product-metrics", List.of("engagement_summary", "feature_adoption", "customer_health", "product_opportunities", "top_requests"),
        "sprint-review", List.of("sprint_goals", "completed_work", "sprint_metrics", "quality_metrics", "carryover"),
        "exec-review", List.of("executive_summary", "dimension_scores", "wins", "risks", "decisions", "okr_progress"),
        "finops-review", List.of("cost_summary", "cost_drivers", "team_costs", "optimization_opportunities",
            "reserved_capacity", "cost_forecast"),
        "board-pack", List.of("financial_summary", "customer_metrics", "platform_health", "security_posture_summary",
            "achievements", "risks"),
        "qbr", List.of("quarter_summary", "okr_results", "dimension_comparison", "achievements", "misses",
            "customer_metrics", "platform_metrics", "next_quarter_focus"),
        "quarterly-planning", List.of("planning_agenda", "okr_results", "dimension_comparison", "top_requests", "risks"));
    assertThat(def.packIds()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((id, sections) ->
        assertThat(def.pack(id).orElseThrow().sectionTypes()).as(id).containsExactlyElementsOf(sections));
  }

  @Test
  void everyPackPreparesItsRhythmMeetingAndIsDelivered() {
    for (PackDefinition p : def.packs()) {
      assertThat(p.meeting()).as(p.id()).isEqualTo(p.id());
      assertThat(def.rhythm().meeting(p.meeting())).as(p.id()).isPresent();
      assertThat(p.delivery()).as(p.id()).isNotEmpty();
      assertThat(p.recipients()).as(p.id()).isNotEmpty();
      for (var s : p.sections()) {
        assertThat(SectionTypeRegistry.builtin().find(s.type())).as(s.type()).isPresent();
      }
    }
    assertThat(def.pack("ops-review").orElseThrow().schedule()).isEqualTo("0 8 * * 1");
    // Security standup Tuesday 10:00 minus 24 h = Monday 10:00.
    assertThat(def.pack("security-standup").orElseThrow().schedule()).isEqualTo("0 10 * * 1");
    // Product metrics Wednesday 14:00 minus 24 h = Tuesday 14:00.
    assertThat(def.pack("product-metrics").orElseThrow().schedule()).isEqualTo("0 14 * * 2");
    PackDefinition exec = def.pack("exec-review").orElseThrow();
    assertThat(exec.schedule()).isNull();
    assertThat(exec.effectiveLeadTime()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void theRaciMatrixHasOneAccountableRolePerSeedRow() {
    Map<String, String> accountable = Map.of(
        "Daily Health Check", "sre_lead",
        "Weekly Ops Review", "cto",
        "Weekly Security", "ciso",
        "Weekly Product", "vp_product",
        "Monthly Exec Review", "ceo",
        "Monthly FinOps", "finops_lead",
        "QBR", "ceo",
        "Quarterly Planning", "ceo");
    assertThat(def.raci().activities()).extracting(RaciActivity::activity)
        .containsExactlyInAnyOrderElementsOf(accountable.keySet());
    accountable.forEach((activity, role) ->
        assertThat(def.raci().activity(activity).orElseThrow().accountable()).as(activity).isEqualTo(role));
    assertThat(def.raci().activity("Weekly Ops Review").orElseThrow().responsible())
        .containsExactly("vp_engineering", "sre_lead");
  }

  @Test
  void dashboardAccessFollowsRoleGroups() {
    var exec = def.dashboard("exec-cockpit").orElseThrow();
    assertThat(exec.url()).isEqualTo("/dashboards/exec-cockpit");
    assertThat(def.roles().allows(exec.access(), "cfo")).isTrue();
    assertThat(def.roles().allows(exec.access(), "sre_oncall")).isFalse();
    var ops = def.dashboard("ops-review").orElseThrow();
    // engineering includes sre_team, which includes sre_oncall.
    assertThat(def.roles().allows(ops.access(), "sre_oncall")).isTrue();
    assertThat(def.dashboards()).hasSize(6);
  }

  @Test
  void theRhythmKpisHaveTheSeedsTargets() {
    assertThat(def.kpis()).hasSize(5);
    var adherence = def.kpis().get(0);
    assertThat(adherence.met(95)).isTrue();
    assertThat(adherence.met(94.9)).isFalse();
    var decision = def.kpis().stream().filter(k -> k.id().equals("decision_time")).findFirst().orElseThrow();
    assertThat(decision.met(47.5)).isTrue();
    assertThat(decision.met(48)).isFalse();
  }
}
