package io.companyos.scoring.security;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Remediation SLA in days per severity; defaults critical 7, high 30, medium 90, low 180. */
public record RemediationSla(Map<String, Integer> daysBySeverity) {
  public static final RemediationSla DEFAULT = new RemediationSla(Map.of("critical", 7, "high", 30, "medium", 90, "low", 180));

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

  /** SLA days of {@code severity} (case-insensitive); empty when the policy has none. */
  public OptionalInt days(String severity) {
    Integer d = daysBySeverity.get(severity.toLowerCase(Locale.ROOT));
    return d == null ? OptionalInt.empty() : OptionalInt.of(d);
  }
}
