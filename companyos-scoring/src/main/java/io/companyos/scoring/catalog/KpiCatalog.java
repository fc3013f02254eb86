package io.companyos.scoring.catalog;

import static io.companyos.scoring.Direction.HIGHER_IS_BETTER;
import static io.companyos.scoring.Direction.LOWER_IS_BETTER;
import static io.companyos.scoring.Direction.NEUTRAL;

import io.companyos.model.data.MetricNames;
import io.companyos.scoring.Direction;
import io.companyos.scoring.health.StandardHealthModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every KPI the built-in packs and the health score show, each defined once. Window rules refer to the
 * section window ({@link io.companyos.scoring.window.ReportingWindows}: the reported period over its complete
 * days, or a rolling look-back ending at the as-of) unless they name another span.
 *
 * <p>Primary sources: DORA, "Accelerate State of DevOps" reports 2023 and 2024 (the keys); Google SRE Workbook,
 * "Implementing SLOs" (error budgets); FinOps Foundation FOCUS 1.x (cost columns); Reichheld, "The One Number
 * You Need to Grow", HBR 2003 (NPS).
 */
public final class KpiCatalog {
  private static final String SECTION = "section window";
  /** The {@code function} of a KPI that is a metric read as reported, not computed: this prefix and the metric name. */
  public static final String READING = "reading of ";
  private static final List<KpiDefinition> ALL = List.of(
      // Reliability
      kpi(StandardHealthModel.SLO_BUDGET_CONSUMED, "Error budget consumed",
          "bad events of every SLO / the bad events their own targets allow, sum over SLOs first (Σ bad / Σ total × (1 − target))",
          "ratio", LOWER_IS_BETTER, SECTION, "health.StandardHealthKpis.sloBudgetConsumed"),
      kpi("slo_attainment_service", "SLO attainment (per service)", "(events − bad events) / events of one service's SLI",
          "%", HIGHER_IS_BETTER, SECTION + "; 28 days in the standup's SLO line", "slo.Slo.ofCounts"),
      kpi("error_budget_remaining", "Error budget remaining (per service)",
          "((1 − target) − bad / total) / (1 − target); negative when overspent", "%", HIGHER_IS_BETTER, SECTION, "slo.Slo.ofCounts"),
      kpi("burn_rate", "Error-budget burn rate", "error ratio / (1 − target) over a look-back window (1 h, 6 h, 1 d or 3 d with its short window)",
          "x", LOWER_IS_BETTER, "the look-back windows ending at the window's end (SRE workbook multiwindow tiers)", "slo.BurnRateAlerts.tier"),
      kpi(StandardHealthModel.P1P2_INCIDENTS, "P1/P2 incidents per 30 days", "P1 and P2 incidents created in the window × 30 / days of the window",
          "count", LOWER_IS_BETTER, SECTION, "health.StandardHealthKpis.majorIncidentsPer30Days"),
      kpi(StandardHealthModel.MTTR_HOURS, "MTTR (median time to restore, all incidents)",
          "median hours from creation to resolution of the incidents resolved in the window, whenever opened",
          "h", LOWER_IS_BETTER, SECTION, "health.StandardHealthKpis.medianRestoreHours"),
      kpi("mttr_p1p2_hours", "MTTR (P1/P2)", "median hours from creation to resolution of the P1 and P2 incidents resolved in the window",
          "h", LOWER_IS_BETTER, SECTION + "; incidents read from 90 days before", "health.StandardHealthKpis.medianRestoreHours"),
      kpi("incidents_by_severity", "Incidents by severity", "incidents created in the window, per severity, with mean time to restore",
          "count", LOWER_IS_BETTER, SECTION + "; repeats looked for over the 30 days before", "incident.IncidentStats.summarize"),
      kpi("repeat_incidents", "Repeat incidents", "incidents of one service and fingerprint, the newest in the window, within a number of days of each other",
          "count", LOWER_IS_BETTER, SECTION + "; earlier incidents read from the rule's within_days before", "recommend.ReliabilityRules.repeatIncidents"),
      kpi("slo_attainment_pooled", "SLO attainment (all services)", "good events / all events, summed over every SLO first, then divided",
          "%", HIGHER_IS_BETTER, SECTION, "slo.Slo.pooledAttainment"),
      kpi("slos_met", "SLOs met", "SLOs with events whose attainment is at least their own target", "count", HIGHER_IS_BETTER, SECTION,
          "slo.Slo.met"),
      // DORA
      kpi("deployment_frequency", "Deployment frequency", "deployments in the window / days of the window; level by deploy days per week",
          "per day", HIGHER_IS_BETTER, SECTION, "dora.DoraMetrics.compute"),
      kpi("lead_time_for_changes", "Lead time for changes", "median hours from a change's creation to its first deployment, over changes first deployed in the window",
          "h", LOWER_IS_BETTER, SECTION + "; changes read from 30 days before", "dora.DoraMetrics.compute"),
      kpi(StandardHealthModel.CHANGE_FAILURE_RATE, "Change failure rate",
          "deployments in the window that failed or that an incident names as its root cause / deployments in the window",
          "ratio", LOWER_IS_BETTER, SECTION, "dora.DoraMetrics.compute"),
      kpi("failed_deployment_recovery_time", "Failed deployment recovery time",
          "median hours from creation to resolution of the incidents resolved in the window that name a root-cause deployment",
          "h", LOWER_IS_BETTER, SECTION + "; incidents read from 90 days before", "dora.DoraMetrics.compute"),
      kpi("deployment_rework_rate", "Deployment rework rate",
          "deployments in the window made while a change-caused incident was open (not the cause itself) / deployments in the window",
          "ratio", LOWER_IS_BETTER, SECTION, "dora.DoraMetrics.compute"),
      kpi(StandardHealthModel.DORA_LEVEL, "DORA level",
          "lowest level among deployment frequency, lead time, change fail rate and failed deployment recovery time that have data, "
              + "by the chosen report year's bands (default 2024); n/a when none has",
          "level", HIGHER_IS_BETTER, SECTION, "dora.DoraMetrics.compute"),
      // Security
      kpi(StandardHealthModel.CRITICAL_VULNS_OPEN, "Open critical vulnerabilities", "critical vulnerabilities detected before and not resolved at the window's end",
          "count", LOWER_IS_BETTER, "at the window's end", "security.VulnerabilityStats.openCritical"),
      kpi(StandardHealthModel.VULN_SLA_COMPLIANCE, "Vulnerabilities within SLA", "open vulnerabilities within their severity's remediation SLA / open vulnerabilities",
          "ratio", HIGHER_IS_BETTER, "at the window's end", "security.VulnerabilityStats.slaCompliance"),
      kpi(StandardHealthModel.COMPLIANCE_CONTROLS, "Compliance controls passing", "latest reading of the controls-passing ratio",
          "ratio", HIGHER_IS_BETTER, "latest reading in the 35 days before the window's end",
          READING + MetricNames.COMPLIANCE_CONTROLS_PASSING),
      kpi("vulnerabilities_open", "Open vulnerabilities",
          "vulnerabilities detected before and not resolved at the instant; qualified by severities, e.g. vulnerabilities_open:critical/high",
          "count", LOWER_IS_BETTER, "at the as-of", "security.VulnerabilityStats.exposure"),
      kpi("vulnerabilities_past_sla", "Vulnerabilities past remediation SLA",
          "open vulnerabilities older than their severity's remediation SLA; qualified by severities, e.g. vulnerabilities_past_sla:critical/high",
          "count", LOWER_IS_BETTER, "at the as-of", "security.VulnerabilityStats.exposure"),
      // Product
      kpi("dau", "DAU", "mean over the complete days in the window of distinct users with an activity event (any event but signup)",
          "users", HIGHER_IS_BETTER, SECTION + ", complete days only", "product.Engagement.meanDailyActive"),
      kpi("wau", "WAU", "distinct active users in the 7 days ending at the window's end", "users", HIGHER_IS_BETTER,
          "7 days ending at the window's end", "product.Engagement.activeUsers"),
      kpi("mau", "MAU", "distinct active users in the 30 days ending at the window's end", "users", HIGHER_IS_BETTER,
          "30 days ending at the window's end", "product.Engagement.activeUsers"),
      kpi(StandardHealthModel.STICKINESS, "Stickiness (DAU/MAU)", "DAU of the 7 days ending at the window's end / MAU", "ratio", HIGHER_IS_BETTER,
          "7 and 30 days ending at the window's end", "product.Engagement.meanDailyActive"),
      kpi(StandardHealthModel.WAU_GROWTH, "WAU growth", "(WAU − WAU of the 7 days before) / WAU of the 7 days before × 100", "%",
          HIGHER_IS_BETTER, "7 days ending at the window's end against the 7 before", "product.Engagement.activeUsers"),
      kpi("feature_adoption", "Feature adoption", "distinct users of a feature / distinct active users, both in the window", "%",
          HIGHER_IS_BETTER, SECTION, "product.Engagement.featureAdoption"),
      kpi(StandardHealthModel.NPS, "NPS", "% promoters (9–10) − % detractors (0–6) of the responses in the window", "score",
          HIGHER_IS_BETTER, "30 days ending at the window's end", "product.NetPromoterScore.of"),
      kpi("signups", "New sign-ups", "sign-up events in the window", "count", HIGHER_IS_BETTER, SECTION, "product.Engagement.signups"),
      kpi("churn_risk_accounts", "Churn-risk accounts", "accounts whose active user-days fell 70% or more against the 30 days before",
          "count", LOWER_IS_BETTER, "30 days ending at the as-of against the 30 before", "product.ChurnRisk.accountsAtRisk"),
      kpi("arr_at_risk", "ARR at churn risk", "sum of the ARR of the churn-risk accounts (churn_risk_accounts)", "USD", LOWER_IS_BETTER,
          "30 days ending at the as-of against the 30 before", "recommend.ProductRules.churnRisk"),
      kpi("open_support_tickets", "Open support tickets", "tickets opened by and not closed at the as-of", "count", LOWER_IS_BETTER,
          "at the as-of", "product.CustomerSignals.openTickets"),
      // Financials
      kpi("cloud_spend", "Cloud spend", "sum of FOCUS EffectiveCost of the rows charged in the window", "USD", LOWER_IS_BETTER, SECTION,
          "finops.CostBreakdown.total"),
      kpi(StandardHealthModel.BUDGET_VARIANCE, "Spend vs budget", "(spend − budget) / budget × 100, budget pro-rated by the share of each month the window covers",
          "%", LOWER_IS_BETTER, SECTION, "finops.CloudBudget.variancePercent"),
      kpi("cost_per_mau", "Cost per MAU", "spend of the 30 days ending at the window's end / distinct active users of the same 30 days",
          "USD", LOWER_IS_BETTER, "30 days ending at the window's end", "finops.CloudBudget.costPerMau"),
      kpi(StandardHealthModel.COST_PER_MAU_VS_TARGET, "Cost per MAU vs target", "cost per MAU / the target in force at the window's end",
          "ratio", LOWER_IS_BETTER, "30 days ending at the window's end", "finops.CloudBudget.againstTarget"),
      kpi(StandardHealthModel.NRR, "Net revenue retention", "(ARR at start + expansion − contraction − churn) / ARR at start × 100, accounts with ARR at the start",
          "%", HIGHER_IS_BETTER, "the 365 days ending at the window's end", "finops.ArrMetrics.compute"),
      kpi("arr", "ARR", "annual recurring revenue of every account at the window's end, after the window's movements", "USD",
          HIGHER_IS_BETTER, "at the window's end", "finops.ArrMetrics.compute"),
      kpi("net_new_arr", "Net new ARR", "new + expansion − contraction − churned ARR of the movements in the window", "USD",
          HIGHER_IS_BETTER, SECTION, "finops.ArrMetrics.compute"),
      kpi("churned_arr", "Churned ARR", "ARR of the churn movements in the window", "USD", LOWER_IS_BETTER, SECTION,
          "finops.ArrMetrics.compute"),
      kpi("logo_retention", "Logo retention", "accounts paying at the window's start that still pay at its end / accounts paying at its start",
          "%", HIGHER_IS_BETTER, SECTION, "finops.ArrMetrics.compute"),
      kpi(StandardHealthModel.GROSS_MARGIN, "Gross margin", "latest reading of gross margin", "ratio", HIGHER_IS_BETTER,
          "latest reading in the 35 days before the window's end", READING + MetricNames.GROSS_MARGIN),
      kpi("sp_coverage", "Savings Plans coverage", "ListCost of compute usage covered by savings plans / ListCost of all compute usage",
          "%", HIGHER_IS_BETTER, SECTION, "finops.CommitmentCoverage.savingsPlan"),
      kpi("ri_coverage", "Reserved Instances coverage", "ListCost of non-compute usage covered by reservations / ListCost of non-compute usage",
          "%", HIGHER_IS_BETTER, SECTION, "finops.CommitmentCoverage.reservation"),
      kpi("spot_percentage", "Spot share of compute", "ListCost of compute usage at Dynamic (spot) pricing / ListCost of all compute usage",
          "%", HIGHER_IS_BETTER, SECTION, "finops.CommitmentCoverage.spot"),
      kpi("commitment_coverage", "Commitment coverage", "ListCost of usage under a commitment discount or Committed pricing / ListCost of usage at Standard or Committed pricing",
          "%", HIGHER_IS_BETTER, SECTION, "recommend.FinOpsRules.commitmentCoverage"),
      kpi("effective_savings_rate", "Effective savings rate of committed usage", "1 − EffectiveCost / ListCost of the usage under a commitment",
          "%", HIGHER_IS_BETTER, SECTION, "recommend.FinOpsRules.commitmentCoverage"),
      kpi("commitment_utilization", "Commitment utilization", "EffectiveCost of usage a commitment covered (Used) / EffectiveCost of the commitment (Used + Unused)",
          "%", HIGHER_IS_BETTER, SECTION, "recommend.FinOpsRules.unusedCommitments"),
      // Delivery
      kpi("points_delivered", "Story points delivered", "points of the sprint's items completed before its end (a running sprint: before the as-of)",
          "points", HIGHER_IS_BETTER, "the sprint; compared with the previous sprint by the same elapsed time", "sprint.SprintMetrics.deliveredBy"),
      kpi("points_committed", "Story points committed", "points of the sprint's items committed at its start", "points",
          NEUTRAL, "the sprint", "sprint.SprintMetrics.compute"),
      kpi("cycle_time_days", "Cycle time", "mean days from start to completion of the items delivered in the sprint", "days",
          LOWER_IS_BETTER, "the sprint", "sprint.SprintMetrics.compute"),
      kpi("bug_escape_rate", "Bug escape rate", "bugs marked escaped / all bugs of the sprint", "%", LOWER_IS_BETTER, "the sprint",
          "sprint.SprintMetrics.compute"),
      kpi("build_success_rate", "Build success rate", "successful builds / all builds in the window", "%", HIGHER_IS_BETTER, SECTION,
          "sprint.QualityMetrics.buildSuccessRate"),
      kpi("review_turnaround_hours", "Code review turnaround", "median hours from opening to first review of the pull requests opened in the window",
          "h", LOWER_IS_BETTER, SECTION, "sprint.QualityMetrics.reviewTurnaroundHours"),
      // Composite
      kpi("health_score", "Composite health score", "weighted standard-model score of the KPIs above that have data, 0–100, rounded once to tenths",
          "score", HIGHER_IS_BETTER, SECTION + "; the headline covers the month reported at the as-of", "health.HealthScorer.score"),
      kpi("dimension_score", "Health dimension score", "weighted score of one dimension's KPIs that have data, 0–100, rounded once to tenths; "
          + "qualified by the dimension, e.g. dimension_score:reliability", "score", HIGHER_IS_BETTER, SECTION, "health.HealthScorer.score"));

  private static final Map<String, KpiDefinition> BY_ID = new LinkedHashMap<>();

  static {
    for (KpiDefinition k : ALL) {
      if (BY_ID.put(k.id(), k) != null) {
        throw new IllegalStateException("KPI '" + k.id() + "' is defined twice");
      }
    }
  }

  private KpiCatalog() {}

  /**
   * Every KPI.
   *
   * @return the definitions, in catalog order (unmodifiable)
   */
  public static List<KpiDefinition> all() {
    return ALL;
  }

  /**
   * The KPI with {@code id}. An id may carry a qualifier after a colon ({@code feature_adoption:dashboards-v2},
   * {@code dimension_score:reliability}, {@code vulnerabilities_open:critical/high}): the KPI before the colon, for one
   * feature, dimension or set of severities.
   *
   * @param id the KPI's id, optionally with a qualifier after a colon
   * @return its definition, or empty when the catalog has none
   */
  public static Optional<KpiDefinition> find(String id) {
    KpiDefinition k = BY_ID.get(id);
    if (k == null && id.indexOf(':') > 0) {
      k = BY_ID.get(id.substring(0, id.indexOf(':')));
    }
    return Optional.ofNullable(k);
  }

  /**
   * The catalog as the Markdown table of {@code docs/kpis.md}.
   *
   * @return the table, one row per KPI in catalog order
   */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| id | name | definition | unit | good | window | computed by |\n");
    b.append("|----|------|------------|------|------|--------|-------------|\n");
    for (KpiDefinition k : ALL) {
      b.append("| `").append(k.id()).append("` | ").append(k.name()).append(" | ").append(k.definition()).append(" | ")
          .append(k.unit()).append(" | ").append(direction(k.good())).append(" | ").append(k.window()).append(" | `")
          .append(k.function()).append("` |\n");
    }
    return b.toString();
  }

  private static String direction(Direction d) {
    return d == HIGHER_IS_BETTER ? "higher" : d == LOWER_IS_BETTER ? "lower" : "neutral";
  }

  private static KpiDefinition kpi(String id, String name, String definition, String unit, Direction good, String window,
      String function) {
    return new KpiDefinition(id, name, definition, unit, good, window, function);
  }
}
