package io.companyos.model.pack;

import static io.companyos.model.pack.CommonParams.bool;
import static io.companyos.model.pack.CommonParams.choice;
import static io.companyos.model.pack.CommonParams.choices;
import static io.companyos.model.pack.CommonParams.compareTo;
import static io.companyos.model.pack.CommonParams.duration;
import static io.companyos.model.pack.CommonParams.limit;
import static io.companyos.model.pack.CommonParams.lookback;
import static io.companyos.model.pack.CommonParams.stringList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The section types of the seed's operational packs (standup, ops review, security standup,
 * product metrics, sprint review). The business packs' types are in {@link BuiltinBusinessSectionTypes}.
 */
final class BuiltinSectionTypes {
  /** Vulnerability severities, as in {@code vulnerabilities.csv}. */
  static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
  /** Incident severities, as in {@code incidents.csv}: P1 (most severe) to P4. */
  static final List<String> INCIDENT_SEVERITIES = List.of("P1", "P2", "P3", "P4");

  private BuiltinSectionTypes() {}

  /** Every built-in type, operational and business. */
  static List<SectionType> all() {
    List<SectionType> all = new ArrayList<>(operational());
    all.addAll(BuiltinBusinessSectionTypes.business());
    return all;
  }

  /** A type with the common {@code title} and {@code visible_to} parameters plus {@code params}. */
  static SectionType type(String name, String description, ParamSpec... params) {
    List<ParamSpec> all = new ArrayList<>(List.of(CommonParams.TITLE, CommonParams.VISIBLE_TO));
    all.addAll(List.of(params));
    return SectionType.of(name, description, all);
  }

  private static List<SectionType> operational() {
    return List.of(
        type("health_snapshot", "Platform health score with trend, active incidents and SLO status.",
            compareTo(CompareTo.PREVIOUS_DAY)),
        type("deploys", "Deployments in the look-back window with their status.",
            lookback("24h"), limit(50),
            ParamSpec.of("environment", ParamType.STRING, "Only deployments to this environment.")
                .withDefault("production")),
        type("stale_prs", "Open pull requests older than a threshold.",
            duration("older_than", "24h", "Pull requests open longer than this are listed."), limit(20)),
        type("scheduled_today", "Deployments and maintenance scheduled for the meeting day.",
            choices("kinds", List.of("deployment", "maintenance"), List.of("deployment", "maintenance"),
                "Kinds of scheduled events to list.")),
        type("incident_summary", "Incidents by severity: count, mean time to restore, repeats.",
            lookback("7d"),
            choices("severity", INCIDENT_SEVERITIES, List.of("P1", "P2"), "Severities included, e.g. [P1, P2]."),
            compareTo(CompareTo.PREVIOUS_WEEK), limit(20)),
        type("slo_performance", "Per service: SLO target, actual attainment, error budget remaining.",
            stringList("services", List.of("all"), "Service names, or 'all'."),
            bool("include_budget_remaining", true, "Show the error budget remaining column."),
            choice("burn_tier", List.of("auto", "shown", "hidden"), "auto",
                "The burn-rate tier column (14.4x/6x/3x/1x): auto shows it when the company has SLO specs."),
            lookback("28d")),
        type("dora_metrics", "The DORA keys with deltas against the previous period.",
            compareTo(CompareTo.PREVIOUS_WEEK), lookback("7d"),
            stringList("services", List.of("all"), "Service names, or 'all'."),
            choice("benchmark", List.of("2024", "2023"), "2024", "DORA report year whose bands give the levels.")),
        type("action_items", "Action items with owner, due date and status.",
            choice("source", List.of("previous_meeting", "open", "all"), "previous_meeting",
                "Which action items: from the previous meeting, all open ones, or all."),
            bool("show_status", true, "Show each item's status."), limit(50)),
        type("recommendations", "Recommendations of the company's rules (recommendations.yaml), then anomaly highlights "
            + "inside the pack's period that moved the wrong way.",
            ParamSpec.of("model", ParamType.STRING, "The detector to use.").withDefault("anomaly_detector"),
            ParamSpec.of("threshold", ParamType.DECIMAL, "Minimum confidence, between 0 and 1.")
                .withDefault(new BigDecimal("0.8")).withRange(BigDecimal.ZERO, BigDecimal.ONE),
            lookback("28d"), limit(5),
            ParamSpec.of("highlights", ParamType.INTEGER, "At most this many anomaly highlights after the recommendations.")
                .withDefault(2).withRange(BigDecimal.ZERO, BigDecimal.valueOf(100))),
        type("vulnerability_summary", "Vulnerabilities by severity: open, new, closed, SLA status.",
            choices("severity", SEVERITIES, SEVERITIES, "Severities included."),
            lookback("7d"), compareTo(CompareTo.PREVIOUS_WEEK)),
        type("critical_cves", "Critical CVEs that need action, with age and owner.",
            choices("severity", SEVERITIES, List.of("critical"), "Severities listed."), limit(20)),
        type("security_events", "Failed authentication, WAF blocks and anomaly detections.",
            lookback("7d"), compareTo(CompareTo.PREVIOUS_WEEK)),
        type("security_posture", "ABAC policy coverage and compliance control status.",
            stringList("frameworks", List.of(), "Compliance frameworks to include; all when empty.")),
        type("pending_reviews", "Security reviews waiting for a decision.", limit(20)),
        type("engagement_summary", "DAU, WAU and sessions per user against the previous period.",
            choices("metrics", List.of("dau", "wau", "sessions_per_user"),
                List.of("dau", "wau", "sessions_per_user"), "Engagement metrics shown."),
            compareTo(CompareTo.PREVIOUS_WEEK)),
        type("feature_adoption", "Adoption of features and feature flags.",
            stringList("features", List.of("all"), "Feature names, or 'all'."),
            lookback("7d"), compareTo(CompareTo.PREVIOUS_WEEK), limit(10)),
        type("customer_health", "Signups, churn-risk accounts, open support tickets and rolling NPS.",
            duration("nps_window", "30d", "Window of the rolling NPS."), lookback("7d")),
        type("top_requests", "Most requested features from feedback.", lookback("30d"), limit(5)),
        type("product_opportunities", "Product recommendations of the company's rules (recommendations.yaml): features whose "
            + "adoption dropped, accounts at churn risk with the ARR they hold.", limit(5)),
        type("sprint_goals", "Sprint goals with status and evidence.",
            choice("sprint", List.of("current", "previous"), "current", "Which sprint.")),
        type("completed_work", "Items completed in the sprint.",
            choice("sprint", List.of("current", "previous"), "current", "Which sprint."), limit(50)),
        type("sprint_metrics", "Points committed and delivered, velocity trend, cycle time, bug escapes.",
            compareTo(CompareTo.PREVIOUS_SPRINT),
            ParamSpec.of("velocity_sprints", ParamType.INTEGER, "Sprints in the velocity trend.")
                .withDefault(3).withRange(BigDecimal.valueOf(2), BigDecimal.valueOf(26))),
        type("quality_metrics", "Test coverage, build success rate and review turnaround.",
            compareTo(CompareTo.PREVIOUS_SPRINT), lookback("14d")),
        type("carryover", "Unfinished items moving to the next sprint.", limit(50)));
  }
}
