package io.companyos.connectors.security;

import io.companyos.model.data.Vulnerability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts a finding once however many exports state it. Findings are the same when they name the same
 * CVE (or, without one, the same tool id) in the same component (case ignored). The merged finding:
 * <ul>
 *   <li>is detected at the earliest detection any export gives;
 *   <li>is resolved only when every export says it is resolved, at the latest of their resolution times;
 *   <li>has the highest severity any export gives; without any, it is left out (and counted);
 *   <li>takes its title, component spelling and tool id from the earliest detection (ties: reading order);
 *   <li>has the id {@code <CVE or tool id>@<component>}.
 * </ul>
 */
final class Findings {
  private Findings() {}

  /** The merged rows sorted by detection time and id, and how many findings had no severity. */
  record Merged(List<Vulnerability> rows, int withoutSeverity) {}

  static Merged merge(List<Finding> findings) {
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = (f.cve() != null ? f.cve() : f.id()).toUpperCase(Locale.ROOT) + "\u0000" + f.component().toLowerCase(Locale.ROOT);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Vulnerability> rows = new ArrayList<>();
    int withoutSeverity = 0;
    for (List<Finding> g : groups.values()) {
      Finding first = g.stream().min(Comparator.comparing(Finding::detectedAt).thenComparingLong(Finding::order)).orElseThrow();
      String severity = null;
      boolean allResolved = true;
      Instant resolved = null;
      String cve = null;
      for (Finding f : g) {
        severity = Severity.worse(severity, f.severity());
        if (cve == null) {
          cve = f.cve();
        }
        if (f.resolvedAt() == null) {
          allResolved = false;
        } else if (resolved == null || f.resolvedAt().isAfter(resolved)) {
          resolved = f.resolvedAt();
        }
      }
      if (severity == null) {
        withoutSeverity++;
        continue;
      }
      String id = cve != null ? cve : first.id();
      rows.add(new Vulnerability(id + "@" + first.component(), cve, severity, first.component(), first.title(),
          first.detectedAt(), allResolved ? resolved : null));
    }
    rows.sort(Comparator.comparing(Vulnerability::detectedAt).thenComparing(Vulnerability::vulnId));
    return new Merged(List.copyOf(rows), withoutSeverity);
  }
}
