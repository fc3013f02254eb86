package io.companyos.render.internal;

import java.util.Map;

/**
 * The default heading of each built-in section type, worded as in the seed's packs. An empty title
 * means the section continues under the previous heading (the exec review's dimension table sits
 * under "Executive Summary"; the security posture values are headings themselves).
 */
public final class SectionTitles {
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry("health_snapshot", "Health Snapshot"),
      Map.entry("deploys", "Yesterday's Deploys"),
      Map.entry("stale_prs", "Open Pull Requests (>24h)"),
      Map.entry("scheduled_today", "Today's Scheduled"),
      Map.entry("incident_summary", "Incident Summary"),
      Map.entry("slo_performance", "SLO Performance"),
      Map.entry("dora_metrics", "DORA Metrics"),
      Map.entry("action_items", "Action Items from Last Week"),
      Map.entry("recommendations", "This Week's Focus"),
      Map.entry("vulnerability_summary", "Vulnerability Summary"),
      Map.entry("critical_cves", "Critical CVEs Requiring Action"),
      Map.entry("security_events", "Security Events (7d)"),
      Map.entry("security_posture", ""),
      Map.entry("pending_reviews", "Pending Security Reviews"),
      Map.entry("engagement_summary", "Engagement Summary"),
      Map.entry("feature_adoption", "Feature Adoption"),
      Map.entry("customer_health", "Customer Health Signals"),
      Map.entry("top_requests", "Top Feature Requests (from feedback)"),
      Map.entry("product_opportunities", "What to Act On"),
      Map.entry("sprint_goals", "Sprint Goals"),
      Map.entry("completed_work", "Completed Work"),
      Map.entry("sprint_metrics", "Sprint Metrics"),
      Map.entry("quality_metrics", "Quality Metrics"),
      Map.entry("carryover", "Carryover to Next Sprint"),
      Map.entry("executive_summary", "Executive Summary"),
      Map.entry("dimension_scores", ""),
      Map.entry("wins", "Top 3 Wins"),
      Map.entry("risks", "Top 3 Risks"),
      Map.entry("decisions", "Key Decisions Required"),
      Map.entry("okr_progress", "OKR Progress"),
      Map.entry("okr_results", "OKR Results"),
      Map.entry("cost_summary", "Cost Summary"),
      Map.entry("cost_drivers", "Top Cost Drivers"),
      Map.entry("team_costs", "Cost by Team/Domain"),
      Map.entry("optimization_opportunities", "Optimization Opportunities"),
      Map.entry("reserved_capacity", "Reserved Capacity Status"),
      Map.entry("cost_forecast", "Next Month Forecast"),
      Map.entry("financial_summary", "Financial Summary"),
      Map.entry("customer_metrics", "Customer Metrics"),
      Map.entry("platform_health", "Platform Health"),
      Map.entry("security_posture_summary", "Security Posture Summary"),
      Map.entry("achievements", "Key Achievements"),
      Map.entry("misses", "Misses & Learnings"),
      Map.entry("quarter_summary", "Quarter Summary"),
      Map.entry("dimension_comparison", "Dimension Performance"),
      Map.entry("platform_metrics", "Platform Metrics"),
      Map.entry("next_quarter_focus", "Next Quarter Focus"),
      Map.entry("planning_agenda", ""));

  private SectionTitles() {}

  /**
   * The default heading of {@code type} for a section comparing with {@code compareTo} (the YAML
   * spelling, or empty); DORA metrics name the comparison as the seed does ("DORA Metrics (WoW)").
   */
  public static String of(String type, String compareTo) {
    String t = of(type);
    if (type.equals("dora_metrics")) {
      String abbr = switch (compareTo) {
        case "previous_day" -> "DoD";
        case "previous_sprint" -> "vs previous sprint";
        case "previous_month" -> "MoM";
        case "previous_quarter" -> "QoQ";
        default -> "WoW";
      };
      return t + " (" + abbr + ")";
    }
    return t;
  }

  /** The default heading of {@code type}; for unknown types, the type name in words. */
  public static String of(String type) {
    String t = TITLES.get(type);
    return t != null ? t : humanized(type);
  }

  /** The type name in words with a capital: {@code dimension_scores} → "Dimension scores". */
  public static String humanized(String type) {
    String words = type.replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
