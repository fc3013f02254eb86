package io.companyos.model.recommend;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of recommendation rule the library can evaluate, each with the section it belongs to by default and the
 * parameters it accepts. A company's rules pick a kind and set its parameters; docs/recommendations.md gives every
 * kind's formula.
 */
public enum RuleKind {
  /** A service whose SLO burns its error budget in a multiwindow burn-rate tier (SRE workbook, "Alerting on SLOs"). */
  BURN_RATE_TIER("burn_rate_tier", "recommendations",
      RuleParam.number("min_factor", 1, 1000, 1, "the smallest tier factor that makes a recommendation (14.4, 6, 3 or 1)"),
      RuleParam.number("freeze_factor", 1, 1000, 6, "tiers at or above this factor say freeze rollouts; below it, slow them")),
  /** Incidents of the same service and cause (fingerprint) repeating within a number of days. */
  REPEAT_INCIDENTS("repeat_incidents", "recommendations",
      RuleParam.number("within_days", 1, 365, 30, "how close two incidents of one fingerprint must be to count as a repeat"),
      RuleParam.number("min_count", 2, 1000, 2, "incidents of one fingerprint, the newest in the pack's period, that make a review")),
  /** The change failure rate of the window above the comparison window's (DORA). */
  CHANGE_FAILURE_RATE("change_failure_rate", "recommendations",
      RuleParam.number("min_increase_points", 0, 100, 5, "percentage points the rate must rise by"),
      RuleParam.number("min_deploys", 1, 1_000_000, 10, "deployments the window needs before its rate is judged")),
  /** Open vulnerabilities past their remediation SLA, per component. */
  VULNERABILITY_SLA("vulnerability_sla", "recommendations",
      RuleParam.number("min_days_past", 0, 3650, 0, "days past the SLA before a finding is raised")),
  /** Commitment coverage (FOCUS ListCost) below a target, with the monthly saving of closing the gap. */
  COMMITMENT_COVERAGE("commitment_coverage", "optimization_opportunities",
      RuleParam.number("target_percent", 1, 100, 80, "the coverage the company aims for"),
      RuleParam.number("min_gap_points", 0, 100, 5, "percentage points below the target that make a recommendation")),
  /** Commitments whose cost went partly unused (FOCUS CommitmentDiscountStatus Unused), per commitment type. */
  UNUSED_COMMITMENTS("unused_commitments", "optimization_opportunities",
      RuleParam.number("min_utilization_percent", 0, 100, 95, "utilization below which a commitment type is recommended"),
      RuleParam.number("min_monthly_usd", 0, 1e12, 100, "unused cost a month (USD) below which it is not worth a meeting")),
  /** The share of spend without an allocation tag. */
  UNALLOCATED_SPEND("unallocated_spend", "optimization_opportunities",
      RuleParam.text("tag", "team", "the tag that allocates a row's cost"),
      RuleParam.number("max_share_percent", 0, 100, 5, "the share of untagged spend tolerated")),
  /** Services whose cost per MAU grew faster than usage, against the window before. */
  COST_PER_MAU_GROWTH("cost_per_mau_growth", "optimization_opportunities",
      RuleParam.number("min_growth_percent", 0, 10_000, 20, "growth of a service's cost per MAU that makes a recommendation"),
      RuleParam.number("min_spend", 0, 1e12, 1000, "spend of the service in the window (USD) below which it is not judged"),
      RuleParam.number("limit", 1, 20, 3, "services recommended at most")),
  /** Features whose adoption fell against the window before. */
  ADOPTION_DROP("adoption_drop", "product_opportunities",
      RuleParam.number("min_drop_points", 0, 100, 10, "percentage points of adoption the feature must lose"),
      RuleParam.number("min_users", 1, 1_000_000_000, 5, "users of the feature the window before, below which it is not judged"),
      RuleParam.number("limit", 1, 20, 3, "features recommended at most")),
  /** Accounts at churn risk (active user-days fell against the window before), with the ARR they hold. */
  CHURN_RISK("churn_risk", "product_opportunities",
      RuleParam.number("drop_percent", 1, 100, 70, "fall of an account's active user-days that puts it at risk"),
      RuleParam.number("min_accounts", 1, 1_000_000, 1, "accounts at risk that make a recommendation"));

  private final String yamlName;
  private final String defaultSection;
  private final Map<String, RuleParam> params;

  RuleKind(String yamlName, String defaultSection, RuleParam... params) {
    this.yamlName = yamlName;
    this.defaultSection = defaultSection;
    Map<String, RuleParam> m = new LinkedHashMap<>();
    for (RuleParam p : params) {
      m.put(p.name(), p);
    }
    this.params = java.util.Collections.unmodifiableMap(m);
  }

  /** The name written in YAML ({@code burn_rate_tier}). */
  public String yamlName() {
    return yamlName;
  }

  /** The section type the kind's recommendations go to unless a rule says otherwise. */
  public String defaultSection() {
    return defaultSection;
  }

  /** The parameters the kind accepts, by name, in documentation order. */
  public Map<String, RuleParam> params() {
    return params;
  }

  /** The kind written {@code name} in YAML. */
  public static Optional<RuleKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }

  /** The YAML names of every kind. */
  public static List<String> names() {
    return Arrays.stream(values()).map(RuleKind::yamlName).toList();
  }
}
