package io.companyos.model.pack;

import static io.companyos.model.pack.BuiltinSectionTypes.type;
import static io.companyos.model.pack.CommonParams.choice;
import static io.companyos.model.pack.CommonParams.choices;
import static io.companyos.model.pack.CommonParams.compareTo;
import static io.companyos.model.pack.CommonParams.limit;
import static io.companyos.model.pack.CommonParams.lookback;

import java.math.BigDecimal;
import java.util.List;

/** The section types of the seed's business packs: exec review, FinOps, board pack, QBR, planning. */
final class BuiltinBusinessSectionTypes {
  static final List<String> DIMENSIONS = List.of("reliability", "security", "product", "financials", "efficiency");
  static final List<String> CUSTOMER_METRICS =
      List.of("dau", "wau", "churn", "net_new_arr", "churned_arr", "nrr", "logo_retention");

  private BuiltinBusinessSectionTypes() {}

  static List<SectionType> business() {
    return List.of(
        type("executive_summary", "Overall health score and status with trend.",
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("dimension_scores", "Score, trend and key highlight per health dimension.",
            choices("dimensions", DIMENSIONS, DIMENSIONS, "Dimensions shown."),
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("wins", "Top wins of the period.", lookback("30d"), limit(3)),
        type("risks", "Top risks of the period.", lookback("30d"), limit(3)),
        type("decisions", "Decisions that are required or were taken.",
            choice("status", List.of("open", "all"), "open", "Only open decisions, or all."), limit(10)),
        type("okr_progress", "Progress of the current objectives and key results.",
            choice("quarter", List.of("current", "previous"), "current", "Which quarter's OKRs."), limit(20)),
        type("cost_summary", "Total cloud spend, cost per MAU and infrastructure spend against budget.",
            ParamSpec.of("currency", ParamType.STRING, "ISO 4217 currency code of the amounts.").withDefault("USD"),
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("cost_drivers", "The services or resources that drive cost, with change.",
            choice("group_by", List.of("service", "resource", "region"), "service", "Grouping of costs."),
            compareTo(CompareTo.PREVIOUS_MONTH), limit(5)),
        type("team_costs", "Cost by team or domain.",
            choice("group_by", List.of("team", "domain"), "team", "Grouping of costs."),
            compareTo(CompareTo.PREVIOUS_MONTH), limit(20)),
        type("optimization_opportunities", "Cost optimisation recommendations of the company's rules "
            + "(recommendations.yaml) with estimated savings, then other savings and unusual cost days.",
            ParamSpec.of("min_savings", ParamType.DECIMAL, "Hide opportunities saving less than this per month.")
                .withDefault(BigDecimal.ZERO).withRange(BigDecimal.ZERO, null),
            limit(10),
            ParamSpec.of("highlights", ParamType.INTEGER, "At most this many savings and cost-day highlights after the recommendations.")
                .withDefault(2).withRange(BigDecimal.ZERO, BigDecimal.valueOf(100))),
        type("reserved_capacity", "Savings-plan, reserved-instance and spot coverage."),
        type("cost_forecast", "Next period's spend forecast from the cost history.",
            choice("method", List.of("linear", "average"), "linear", "Forecast method."),
            lookback("90d")),
        type("financial_summary", "ARR, NRR and margins.",
            choices("metrics", List.of("arr", "nrr", "gross_margin"), List.of("arr", "nrr", "gross_margin"),
                "Financial metrics shown."),
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("customer_metrics", "Customer metrics such as DAU, WAU, churn, new and churned ARR, NRR.",
            choices("metrics", CUSTOMER_METRICS, List.of("dau", "wau", "churn"), "Customer metrics shown."),
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("platform_health", "SLO attainment and incidents for the board.",
            lookback("30d"), compareTo(CompareTo.PREVIOUS_MONTH)),
        type("security_posture_summary", "Vulnerabilities, compliance and security risks in brief.",
            compareTo(CompareTo.PREVIOUS_MONTH)),
        type("quarter_summary", "Health score at the start and end of the quarter.",
            compareTo(CompareTo.PREVIOUS_QUARTER)),
        type("okr_results", "Final scores of the quarter's objectives and key results.",
            choice("quarter", List.of("current", "previous"), "current", "Which quarter's OKRs."), limit(20)),
        type("dimension_comparison", "Each health dimension this quarter against the previous one.",
            choices("dimensions", DIMENSIONS, DIMENSIONS, "Dimensions shown."),
            compareTo(CompareTo.PREVIOUS_QUARTER)),
        type("achievements", "Key achievements of the period.", lookback("90d"), limit(5)),
        type("misses", "Misses and what was learned.", lookback("90d"), limit(5)),
        type("platform_metrics", "Incidents, SLO attainment, deploys and features shipped.",
            choices("severity", BuiltinSectionTypes.INCIDENT_SEVERITIES, List.of("P1", "P2"),
                "Incident severities counted."),
            lookback("90d"), compareTo(CompareTo.PREVIOUS_QUARTER)),
        type("next_quarter_focus", "Priorities for the next quarter.", limit(5)),
        type("planning_agenda", "The planning days' agenda with the inputs each item needs.",
            ParamSpec.of("meeting", ParamType.STRING, "Rhythm meeting whose agenda is shown.")
                .withDefault("quarterly-planning")));
  }
}
