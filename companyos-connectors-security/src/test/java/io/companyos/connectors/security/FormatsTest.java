package io.companyos.connectors.security;

import static io.companyos.connectors.security.Fixtures.ALL;
import static io.companyos.connectors.security.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Vulnerability;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import org.junit.jupiter.api.Test;

/** Each format, read from a hand-written export, into exactly the rows worked out by hand. */
class FormatsTest {

  private static Dataset<Vulnerability> read(String relative) {
    return Fixtures.source(relative).records(RecordKind.VULNERABILITIES, ALL);
  }

  @Test
  void trivyReportOneOpenFindingPerPackageDatedByCreatedAt() {
    Dataset<Vulnerability> d = read("trivy/trivy-report.json");
    var created = t("2026-11-20T07:00:00.123456789Z");
    assertThat(d.rows()).containsExactly(
        new Vulnerability("CVE-2026-1001@openssl", "CVE-2026-1001", "critical", "openssl",
            "openssl: buffer overread in certificate name checks (installed 3.1.4-r0, fixed in 3.1.4-r5)", created, null),
        new Vulnerability("CVE-2026-1002@busybox", "CVE-2026-1002", "high", "busybox",
            "busybox: awk use after free (installed 1.36.1-r15)", created, null),
        new Vulnerability("CVE-2026-1003@libcurl", "CVE-2026-1003", "medium", "libcurl",
            "CVE-2026-1003 (installed 8.5.0-r0, fixed in 8.6.0-r0)", created, null),
        // UNKNOWN takes NVD's CVSS 3 score (5.3), not Red Hat's (8.1).
        new Vulnerability("CVE-2026-1004@zlib", "CVE-2026-1004", "medium", "zlib",
            "zlib: integer overflow in inflate (installed 1.3-r2)", created, null),
        new Vulnerability("CVE-2026-2001@@babel/traverse", "CVE-2026-2001", "critical", "@babel/traverse",
            "babel: arbitrary code execution when compiling crafted code (installed 7.22.0, fixed in 7.23.2, 8.0.0-alpha.4)",
            created, null));
    assertThat(d.provenance().query()).isEqualTo("trivy-report.json (Trivy JSON); 1 finding without severity left out");
    assertThat(d.provenance().sourceId()).isEqualTo("scans");
  }

  @Test
  void dependabotAlertsWithTheirStatesAndTimes() {
    Dataset<Vulnerability> d = read("dependabot/alerts.json");
    assertThat(d.rows()).containsExactly(
        new Vulnerability("CVE-2026-3003@minimist", "CVE-2026-3003", "high", "minimist", "Prototype pollution in minimist",
            t("2026-09-15T08:00:00Z"), t("2026-09-20T08:00:00Z")),
        new Vulnerability("GHSA-p6mc-m468-83gw@lodash", null, "medium", "lodash", "Prototype pollution in lodash",
            t("2026-10-01T00:00:00Z"), t("2026-11-02T00:00:00Z")),
        new Vulnerability("CVE-2026-2001@@babel/traverse", "CVE-2026-2001", "critical", "@babel/traverse",
            "Babel vulnerable to arbitrary code execution when compiling specifically crafted malicious code",
            t("2026-11-10T12:00:00Z"), null),
        new Vulnerability("CVE-2026-3004@debug", "CVE-2026-3004", "low", "debug", "debug: regular expression denial of service",
            t("2026-11-15T00:00:00Z"), t("2026-11-16T00:00:00Z")),
        new Vulnerability("CVE-2026-3005@semver", "CVE-2026-3005", "low", "semver",
            "semver vulnerable to regular expression denial of service", t("2026-11-18T08:00:00Z"), null));
    assertThat(d.provenance().query()).isEqualTo("alerts.json (Dependabot alerts)");
  }

  @Test
  void sarifResultsOfEveryRunWithScoresLevelsSuppressionsAndBaseline() {
    Dataset<Vulnerability> d = read("sarif/scan.sarif");
    var trivyRun = t("2026-11-21T06:30:00Z");
    var codeqlRun = t("2026-11-22T08:00:00Z");
    String image = "registry.example.com/shop/api";
    assertThat(d.rows()).containsExactly(
        new Vulnerability("CVE-2026-1002@" + image, "CVE-2026-1002", "high", image, "busybox: awk use after free",
            t("2026-11-02T00:00:00Z"), null),
        new Vulnerability("CVE-2026-1001@" + image, "CVE-2026-1001", "critical", image,
            "openssl: buffer overread in certificate name checks", trivyRun, null),
        new Vulnerability("CVE-2026-6003@" + image, "CVE-2026-6003", "high", image,
            "a finding without a score takes its level", trivyRun, null),
        new Vulnerability("java/sql-injection@shop.OrderDao.find", null, "high", "shop.OrderDao.find",
            "Query built from user-controlled sources", codeqlRun, null),
        new Vulnerability("java/unused-parameter@src/main/java/shop/Cart.java", null, "low", "src/main/java/shop/Cart.java",
            "Unused parameter", codeqlRun, null),
        new Vulnerability("java/weak-cryptographic-algorithm@src/main/java/shop/Hashes.java", null, "high",
            "src/main/java/shop/Hashes.java", "Use of a broken or risky cryptographic algorithm", codeqlRun, null),
        new Vulnerability("java/weak-cryptographic-algorithm@src/main/java/shop/Legacy.java", null, "high",
            "src/main/java/shop/Legacy.java", "Use of a broken or risky cryptographic algorithm", codeqlRun, codeqlRun),
        new Vulnerability("java/weak-cryptographic-algorithm@src/main/java/shop/Tokens.java", null, "high",
            "src/main/java/shop/Tokens.java", "Use of a broken or risky cryptographic algorithm", codeqlRun, codeqlRun));
    assertThat(d.provenance().query()).isEqualTo("scan.sarif (SARIF 2.1.0, CodeQL, Trivy); 1 finding without severity left out");
  }

  @Test
  void cycloneDxVexStatesComponentsAndRatings() {
    Dataset<Vulnerability> d = read("cyclonedx/vex.cdx.json");
    var stamp = t("2026-11-19T12:00:00Z");
    String log4j = "org.apache.logging.log4j:log4j-core";
    assertThat(d.rows()).containsExactly(
        new Vulnerability("CVE-2026-2001@@babel/traverse", "CVE-2026-2001", "critical", "@babel/traverse",
            "Babel: arbitrary code execution", stamp, t("2026-11-21T09:00:00Z")),
        new Vulnerability("CVE-2026-4001@" + log4j, "CVE-2026-4001", "critical", log4j,
            "log4j-core: remote code execution through lookups", stamp, null),
        new Vulnerability("CVE-2026-4003@golang.org/x/net", "CVE-2026-4003", "high", "golang.org/x/net", "CVE-2026-4003",
            stamp, stamp),
        new Vulnerability("CVE-2026-4004@golang.org/x/net", "CVE-2026-4004", "low", "golang.org/x/net",
            "A low finding in two components.", stamp, null),
        new Vulnerability("CVE-2026-4004@" + log4j, "CVE-2026-4004", "low", log4j, "A low finding in two components.", stamp, null),
        new Vulnerability("CVE-2026-4006@requests", "CVE-2026-4006", "medium", "requests", "CVE-2026-4006", stamp, null));
    assertThat(d.provenance().query()).isEqualTo("vex.cdx.json (CycloneDX 1.5 VEX); 2 findings without severity left out");
  }

  @Test
  void osvRecordsSingleAndListed() {
    Dataset<Vulnerability> d = read("osv");
    assertThat(d.rows()).containsExactly(
        new Vulnerability("RUSTSEC-2026-0042@hyper", null, "high", "hyper", "withdrawn advisory",
            t("2026-11-01T00:00:00Z"), t("2026-11-14T00:00:00Z")),
        new Vulnerability("CVE-2026-5001@requests", "CVE-2026-5001", "medium", "requests",
            "Requests leaks Proxy-Authorization headers on redirect", t("2026-11-05T00:00:00Z"), null),
        new Vulnerability("CVE-2026-5001@urllib3", "CVE-2026-5001", "medium", "urllib3",
            "Requests leaks Proxy-Authorization headers on redirect", t("2026-11-05T00:00:00Z"), null),
        // CVSS 3.1 AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N is 6.1; the CVSS 4 vector is not scored.
        new Vulnerability("CVE-2026-5101@example.com/templ", "CVE-2026-5101", "medium", "example.com/templ",
            "Cross-site scripting in a templating package.", t("2026-11-12T00:00:00Z"), null),
        new Vulnerability("PYSEC-2026-0200@pyyaml", null, "critical", "pyyaml", "critical by its CVSS 3.1 vector",
            t("2026-11-16T00:00:00Z"), null));
    assertThat(d.provenance().query()).isEqualTo("GHSA-9wx4-h78v-vm56.json (OSV), records.json (OSV)");
  }
}
