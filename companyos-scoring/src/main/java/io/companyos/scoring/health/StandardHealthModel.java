package io.companyos.scoring.health;

import io.companyos.scoring.Direction;
import java.util.List;

/**
 * The built-in health model behind the Exec Review's five dimensions. Rules are documented in
 * docs/scoring.md; weights and status bands come from {@code health-model.yaml} (the built-in one, or a
 * company's), and companies with other KPIs build their own {@link HealthModel}.
 */
public final class StandardHealthModel {
  /** Id of the reliability dimension (SLOs, incidents, time to restore). */
  public static final String RELIABILITY = "reliability";
  /** Id of the security dimension (vulnerabilities, compliance controls). */
  public static final String SECURITY = "security";
  /** Id of the product dimension (engagement, NPS, growth). */
  public static final String PRODUCT = "product";
  /** Id of the financials dimension (retention, budget, margin). */
  public static final String FINANCIALS = "financials";
  /** Id of the efficiency dimension (DORA, change failure rate, unit cost). */
  public static final String EFFICIENCY = "efficiency";

  /**
   * SLO attainment pooled across services, ratio (good events / all events).
   *
   * @deprecated pooling every service against one target scores a service with a looser objective as failing
   *     it; the model now scores {@link #SLO_BUDGET_CONSUMED}. Kept so that models built on this id still load.
   */
  @Deprecated
  public static final String SLO_ATTAINMENT = "slo_attainment";
  /**
   * Error budget consumed across SLOs, ratio: the bad events of every SLO divided by the bad events their own
   * targets allow ({@code Σ bad / Σ total × (1 − target)}); 1 spends the budgets exactly.
   */
  public static final String SLO_BUDGET_CONSUMED = "slo_budget_consumed";
  /** P1 and P2 incidents created in the window, per 30 days. */
  public static final String P1P2_INCIDENTS = "p1p2_incidents";
  /** Median time to restore of the incidents resolved in the window, hours (pooled over all incidents). */
  public static final String MTTR_HOURS = "mttr_hours";
  /** Open critical vulnerabilities, count. */
  public static final String CRITICAL_VULNS_OPEN = "critical_vulns_open";
  /** Share of open vulnerabilities within their remediation SLA, ratio. */
  public static final String VULN_SLA_COMPLIANCE = "vuln_sla_compliance";
  /** Compliance controls passing, ratio. */
  public static final String COMPLIANCE_CONTROLS = "compliance_controls";
  /** DAU / MAU, ratio. */
  public static final String STICKINESS = "stickiness";
  /** Net Promoter Score, −100..100. */
  public static final String NPS = "nps";
  /** Weekly active users change against the previous period, %. */
  public static final String WAU_GROWTH = "wau_growth";
  /** Net revenue retention, %. */
  public static final String NRR = "nrr";
  /** Cloud spend over budget, % (negative = under budget). */
  public static final String BUDGET_VARIANCE = "budget_variance";
  /** Gross margin, ratio. */
  public static final String GROSS_MARGIN = "gross_margin";
  /** DORA overall level as a number: low 0, medium 1, high 2, elite 3. */
  public static final String DORA_LEVEL = "dora_level";
  /** Change failure rate, ratio. */
  public static final String CHANGE_FAILURE_RATE = "change_failure_rate";
  /** Cost per MAU divided by its target, ratio. */
  public static final String COST_PER_MAU_VS_TARGET = "cost_per_mau_vs_target";

  private StandardHealthModel() {}

  /**
   * The standard model with a company's weights and bands ({@code health-model.yaml}): each KPI keeps its
   * standard rule, direction and unit; a dimension or KPI of weight 0, or left out, is not scored.
   *
   * @param weights the weights and status bands read from {@code health-model.yaml}
   * @return the model with the dimensions and KPIs of weight above 0
   * @throws IllegalArgumentException for a dimension or KPI id the standard model does not know
   */
  public static HealthModel create(io.companyos.model.health.HealthModelWeights weights) {
    List<Dimension> dims = new java.util.ArrayList<>();
    List<Kpi> kpis = new java.util.ArrayList<>();
    for (io.companyos.model.health.HealthModelWeights.DimensionWeights d : weights.dimensions()) {
      String label = LABELS.get(d.id());
      if (label == null) {
        throw new IllegalArgumentException("unknown dimension '" + d.id() + "'; known: " + String.join(", ", LABELS.keySet()));
      }
      if (d.weight() == 0) {
        continue;
      }
      dims.add(new Dimension(d.id(), label, d.weight()));
      d.kpis().forEach((id, w) -> {
        Kpi template = RULES.get(id);
        if (template == null) {
          throw new IllegalArgumentException("unknown KPI '" + id + "'; known: " + String.join(", ", RULES.keySet()));
        }
        if (w > 0) {
          kpis.add(new Kpi(id, template.label(), d.id(), w, template.rule(), template.good(), template.unit()));
        }
      });
    }
    return new HealthModel(dims, kpis, new StatusBands(weights.healthy(), weights.watch()));
  }

  private static final java.util.Map<String, String> LABELS = labels(RELIABILITY, "Reliability", SECURITY, "Security",
      PRODUCT, "Product", FINANCIALS, "Financials", EFFICIENCY, "Efficiency");

  private static java.util.Map<String, String> labels(String... idsAndLabels) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < idsAndLabels.length; i += 2) {
      m.put(idsAndLabels[i], idsAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Each KPI's rule, direction and unit; dimension and weight here are the defaults the YAML overrides. */
  private static final java.util.Map<String, Kpi> RULES = rules(
      new Kpi(SLO_BUDGET_CONSUMED, "Error budget consumed", RELIABILITY, 2, new KpiRule.Linear(3, 1), Direction.LOWER_IS_BETTER, "ratio"),
      new Kpi(P1P2_INCIDENTS, "P1/P2 incidents", RELIABILITY, 1, new KpiRule.Linear(12, 0), Direction.LOWER_IS_BETTER, "count"),
      new Kpi(MTTR_HOURS, "Time to restore (median)", RELIABILITY, 1, new KpiRule.Linear(24, 1), Direction.LOWER_IS_BETTER, "h"),
      new Kpi(CRITICAL_VULNS_OPEN, "Open critical vulnerabilities", SECURITY, 2,
          new KpiRule.Banded(false, List.of(new KpiRule.Band(0, 100), new KpiRule.Band(1, 70), new KpiRule.Band(3, 40)), 0),
          Direction.LOWER_IS_BETTER, "count"),
      new Kpi(VULN_SLA_COMPLIANCE, "Vulnerabilities within SLA", SECURITY, 1, new KpiRule.Linear(0.5, 1.0), Direction.HIGHER_IS_BETTER, "ratio"),
      new Kpi(COMPLIANCE_CONTROLS, "Compliance controls passing", SECURITY, 1, new KpiRule.Linear(0.7, 1.0), Direction.HIGHER_IS_BETTER, "ratio"),
      new Kpi(STICKINESS, "Stickiness (DAU/MAU)", PRODUCT, 1, new KpiRule.Linear(0.1, 0.4), Direction.HIGHER_IS_BETTER, "ratio"),
      new Kpi(NPS, "NPS", PRODUCT, 1, new KpiRule.Linear(-20, 60), Direction.HIGHER_IS_BETTER, ""),
      new Kpi(WAU_GROWTH, "WAU growth", PRODUCT, 1, new KpiRule.Linear(-10, 10), Direction.HIGHER_IS_BETTER, "%"),
      new Kpi(NRR, "Net revenue retention", FINANCIALS, 2, new KpiRule.Linear(90, 120), Direction.HIGHER_IS_BETTER, "%"),
      new Kpi(BUDGET_VARIANCE, "Cloud spend vs budget", FINANCIALS, 1, new KpiRule.Linear(15, 0), Direction.LOWER_IS_BETTER, "%"),
      new Kpi(GROSS_MARGIN, "Gross margin", FINANCIALS, 1, new KpiRule.Linear(0.6, 0.8), Direction.HIGHER_IS_BETTER, "ratio"),
      new Kpi(DORA_LEVEL, "DORA level", EFFICIENCY, 1,
          new KpiRule.Banded(true, List.of(new KpiRule.Band(3, 100), new KpiRule.Band(2, 75), new KpiRule.Band(1, 45)), 15),
          Direction.HIGHER_IS_BETTER, "level"),
      new Kpi(CHANGE_FAILURE_RATE, "Change failure rate", EFFICIENCY, 1, new KpiRule.Linear(0.3, 0.05), Direction.LOWER_IS_BETTER, "ratio"),
      new Kpi(COST_PER_MAU_VS_TARGET, "Cost per MAU vs target", EFFICIENCY, 1, new KpiRule.Linear(1.3, 0.9), Direction.LOWER_IS_BETTER, "ratio"));

  private static java.util.Map<String, Kpi> rules(Kpi... kpis) {
    java.util.Map<String, Kpi> m = new java.util.LinkedHashMap<>();
    for (Kpi k : kpis) {
      m.put(k.id(), k);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
