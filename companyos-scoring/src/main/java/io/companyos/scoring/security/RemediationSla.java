package io.companyos.scoring.security;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Remediation SLA in days per severity; defaults critical 7, high 30, medium 90, low 180.
 *
 * @param daysBySeverity days allowed to fix a finding, per lowercased severity
 */
public record RemediationSla(Map<String, Integer> daysBySeverity) {
  /** Critical 7 days, high 30, medium 90, low 180. */
  public static final RemediationSla DEFAULT = new RemediationSla(Map.of("critical", 7, "high", 30, "medium", 90, "low", 180));

  /**
   * Lowercases the severities and copies the map, which is unmodifiable afterwards.
   *
   * @param daysBySeverity days allowed per severity, each &gt; 0
   * @throws IllegalArgumentException if a number of days is not positive
   */
  public RemediationSla {
    Map<String, Integer> lower = new java.util.HashMap<>();
    daysBySeverity.forEach((k, v) -> {
      if (v <= 0) {
        throw new IllegalArgumentException("SLA days must be > 0 for " + k);
      }
      lower.put(k.toLowerCase(Locale.ROOT), v);
    });
    daysBySeverity = Map.copyOf(lower);
  }

  /**
   * SLA days of a severity.
   *
   * @param severity the severity, matched case-insensitively
   * @return its days; empty when the policy has none
   */
  public OptionalInt days(String severity) {
    Integer d = daysBySeverity.get(severity.toLowerCase(Locale.ROOT));
    return d == null ? OptionalInt.empty() : OptionalInt.of(d);
  }

  /**
   * Days allowed to fix a finding of {@code severity}: the policy's days for it, or, for a severity the policy
   * does not name, its longest allowance (180 days by default), so that no open finding is ever exempt.
   *
   * @param severity the severity, matched case-insensitively
   * @return the days allowed ({@link Integer#MAX_VALUE} for an empty policy)
   */
  public int allowedDays(String severity) {
    return days(severity).orElseGet(() -> daysBySeverity.values().stream().mapToInt(Integer::intValue).max().orElse(Integer.MAX_VALUE));
  }
}
