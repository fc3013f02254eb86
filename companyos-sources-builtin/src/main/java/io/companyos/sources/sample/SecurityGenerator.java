package io.companyos.sources.sample;

import io.companyos.model.data.MetricNames;
import io.companyos.model.data.SecurityEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Vulnerability findings (two critical CVEs open at the reference as-of, one past its 7-day SLA), daily
 * failed-auth, WAF and anomaly counts, and the security gauges (ABAC coverage, compliance, pending reviews
 * daily; the critical CVE count daily and whenever a critical finding opens or closes).
 */
final class SecurityGenerator {
  private static final String[] SEVERITIES = {"critical", "high", "medium", "low"};
  private static final double[][] FIX_DAYS = {{2, 10}, {8, 40}, {30, 120}, {60, 250}};
  private static final List<String> COMPONENTS = List.of(
      "openssl", "jackson-databind", "netty-codec-http", "spring-web", "libxml2", "glibc", "nginx", "postgresql-jdbc");
  private static final String FINDINGS = "findings";

  private final SampleCompanyProfile p;
  private final SampleDraws draws;
  private final SampleRows rows;
  private final List<Vulnerability> vulns = new ArrayList<>();
  private int seq;

  SecurityGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.draws = new SampleDraws(profile, seed, "security");
    this.rows = rows;
  }

  void generate() {
    for (long d = 0; d <= p.lastDay; d++) {
      SampleRandom r = draws.day(FINDINGS, d);
      for (int k = r.chance(0.8) ? r.between(0, 2) : 0; k > 0; k--) {
        Instant detected = p.at(d, r.between(0, 23), r.between(0, 59));
        int sev = r.weighted(4, 20, 46, 30);
        Instant fixed = detected.plus((long) (r.uniform(FIX_DAYS[sev][0], FIX_DAYS[sev][1]) * 24), ChronoUnit.HOURS);
        add(d, SEVERITIES[sev], detected, fixed);
      }
      if (d == p.referenceDay) {
        // Two critical findings open at the reference as-of, fixed a month after it.
        Instant fixed = p.reference.plus(30, ChronoUnit.DAYS);
        add(d, "critical", p.reference.minus(12, ChronoUnit.DAYS), fixed);
        add(d, "critical", p.reference.minus(2, ChronoUnit.DAYS), fixed);
      }
    }
    vulns.forEach(v -> rows.add(RecordKind.VULNERABILITIES, v));

    for (long d = 0; d <= p.lastDay; d++) {
      Instant day = p.at(d, 0, 0);
      SampleRandom r = draws.day("daily", d);
      rows.add(RecordKind.SECURITY_EVENTS, new SecurityEvent(day, "failed_auth", "identity", Math.round(r.normal(320, 45, 50))));
      rows.add(RecordKind.SECURITY_EVENTS, new SecurityEvent(day, "waf_block", "waf", Math.round(r.normal(2100 * p.growth(day) / 2, 300, 100))));
      rows.add(RecordKind.SECURITY_EVENTS, new SecurityEvent(day, "anomaly", "siem", r.between(0, 3)));
      double t = p.progress(day);
      rows.metric(MetricNames.ABAC_COVERAGE, Map.of(), day, round3(0.72 + 0.19 * t + r.uniform(-0.005, 0.005)));
      rows.metric(MetricNames.COMPLIANCE_CONTROLS_PASSING, Map.of(), day, round3(0.84 + 0.09 * t + r.uniform(-0.01, 0.01)));
      rows.metric(MetricNames.PENDING_SECURITY_REVIEWS, Map.of(), day, r.between(2, 7));
      rows.metric(MetricNames.CRITICAL_CVE_COUNT, Map.of(), day, openCritical(day));
    }
    criticalCountChanges();
  }

  /** A finding numbered in calendar order; its component is drawn when it is detected. */
  private void add(long day, String severity, Instant detected, Instant fixed) {
    int n = ++seq;
    String component = draws.at(FINDINGS, day, detected).pick(COMPONENTS);
    vulns.add(new Vulnerability(String.format(Locale.ROOT, "VULN-%05d", n),
        String.format(Locale.ROOT, "CVE-%d-%05d", 2025 + (n % 2), 10_000 + n * 7), severity, component,
        severity.substring(0, 1).toUpperCase(Locale.ROOT) + severity.substring(1) + " vulnerability in " + component,
        detected, p.known(fixed)));
  }

  /** The critical CVE count at every instant it changes (the daily points cover midnight). */
  private void criticalCountChanges() {
    SortedSet<Instant> changes = new TreeSet<>();
    for (Vulnerability v : vulns) {
      if (v.severity().equals("critical")) {
        changes.add(v.detectedAt());
        if (v.resolvedAt() != null) {
          changes.add(v.resolvedAt());
        }
      }
    }
    for (Instant t : changes) {
      if (!t.equals(t.truncatedTo(ChronoUnit.DAYS))) {
        rows.metric(MetricNames.CRITICAL_CVE_COUNT, Map.of(), t, openCritical(t));
      }
    }
  }

  private int openCritical(Instant t) {
    int n = 0;
    for (Vulnerability v : vulns) {
      if (v.severity().equals("critical") && !t.isBefore(v.detectedAt()) && (v.resolvedAt() == null || t.isBefore(v.resolvedAt()))) {
        n++;
      }
    }
    return n;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
