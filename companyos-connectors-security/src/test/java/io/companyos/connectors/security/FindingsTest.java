package io.companyos.connectors.security;

import static io.companyos.connectors.security.Fixtures.ALL;
import static io.companyos.connectors.security.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.companyos.model.data.Vulnerability;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A CVE stated by several exports counts once: earliest detection, resolved only when every export says so. */
class FindingsTest {

  private static Finding f(String id, String cve, String severity, String component, String detected, String resolved, long order) {
    return new Finding(id, cve, severity, component, "title " + order, t(detected), resolved == null ? null : t(resolved), "f", order);
  }

  @Test
  void theSameCveInTheSameComponentMergesByTheRule() {
    List<Finding> in = List.of(
        f("CVE-2026-1", "CVE-2026-1", "medium", "openssl", "2026-11-10T00:00:00Z", "2026-11-12T00:00:00Z", 1),
        f("GHSA-x", "cve-2026-1", "high", "OpenSSL", "2026-11-05T00:00:00Z", "2026-11-20T00:00:00Z", 2),
        f("CVE-2026-2", "CVE-2026-2", "low", "zlib", "2026-11-01T00:00:00Z", null, 3),
        f("CVE-2026-2", "CVE-2026-2", "critical", "zlib", "2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z", 4),
        f("CVE-2026-2", "CVE-2026-2", "low", "musl", "2026-11-03T00:00:00Z", null, 5),
        f("rule/x", null, null, "a.java", "2026-11-03T00:00:00Z", null, 6));
    Findings.Merged m = Findings.merge(in);
    assertThat(m.rows()).containsExactly(
        // One report still says open: open; the worst severity, the earliest detection and its title.
        new Vulnerability("CVE-2026-2@zlib", "CVE-2026-2", "critical", "zlib", "title 3", t("2026-11-01T00:00:00Z"), null),
        new Vulnerability("CVE-2026-2@musl", "CVE-2026-2", "low", "musl", "title 5", t("2026-11-03T00:00:00Z"), null),
        // Both say resolved: resolved at the later time; the CVE as the first export wrote it.
        new Vulnerability("CVE-2026-1@OpenSSL", "CVE-2026-1", "high", "OpenSSL", "title 2", t("2026-11-05T00:00:00Z"),
            t("2026-11-20T00:00:00Z")));
    assertThat(m.withoutSeverity()).isEqualTo(1);
  }

  @Test
  void aTrivyReportAndDependabotAlertsTogetherCountTheBabelCveOnce() {
    Dataset<Vulnerability> d = Fixtures.source("trivy").records(RecordKind.VULNERABILITIES, ALL);
    Dataset<Vulnerability> both = Fixtures.source(Fixtures.DIR, "strict").records(RecordKind.VULNERABILITIES, ALL);
    assertThat(d.rows()).filteredOn(v -> "CVE-2026-2001".equals(v.cve())).hasSize(1);
    // Trivy (Nov 20), Dependabot (open since Nov 10) and the VEX (not affected) state it: one row, open since Nov 10.
    assertThat(both.rows()).filteredOn(v -> "CVE-2026-2001".equals(v.cve()))
        .containsExactly(new Vulnerability("CVE-2026-2001@@babel/traverse", "CVE-2026-2001", "critical", "@babel/traverse",
            "Babel vulnerable to arbitrary code execution when compiling specifically crafted malicious code",
            t("2026-11-10T12:00:00Z"), null));
    assertThat(both.provenance().query()).startsWith(
        "cyclonedx/vex.cdx.json (CycloneDX 1.5 VEX), dependabot/alerts.json (Dependabot alerts), osv/GHSA-9wx4-h78v-vm56.json (OSV), ");
  }

  @Test
  void mergingDoesNotDependOnTheOrderOfTheFindings() {
    String[] sev = {"critical", "high", "medium", "low", null};
    qt().forAll(integers().between(0, 10_000)).checkAssert(seed -> {
      Random r = new Random(seed);
      List<Finding> in = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        Instant detected = t("2026-11-01T00:00:00Z").plusSeconds(3600L * r.nextInt(48));
        Instant resolved = r.nextBoolean() ? null : detected.plusSeconds(3600L * r.nextInt(48));
        String cve = "CVE-2026-" + (1000 + r.nextInt(3));
        // Distinct detection times per group member keep "the earliest" unambiguous for titles.
        in.add(new Finding(cve, cve, sev[r.nextInt(sev.length)], r.nextBoolean() ? "a" : "b", "t",
            detected.plusMillis(i), resolved == null ? null : resolved.plusMillis(i), "f", i));
      }
      List<Finding> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, new Random(seed + 1L));
      assertThat(Findings.merge(shuffled)).isEqualTo(Findings.merge(in));
    });
  }
}
