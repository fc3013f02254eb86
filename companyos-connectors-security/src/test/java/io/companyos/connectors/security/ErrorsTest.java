package io.companyos.connectors.security;

import static io.companyos.connectors.security.Fixtures.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Vulnerability;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail located ({@code file:line:col: COS-VULN-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private SecurityExportException fail(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    SecurityExportsSource s = Fixtures.source(dir, "strict");
    return (SecurityExportException) org.assertj.core.api.Assertions.catchThrowable(() -> s.records(RecordKind.VULNERABILITIES, ALL));
  }

  @Test
  void malformedJsonIsLocatedAtTheParserPosition() throws IOException {
    // Line 2 ends without a comma: the parser stops at the quote opening "Results" on line 3, column 3.
    SecurityExportException e = fail("trivy.json", "{\n  \"SchemaVersion\": 2\n  \"Results\": []\n}\n");
    assertThat(e.code()).isEqualTo("COS-VULN-001");
    assertThat(e.location()).isEqualTo("trivy.json:3:3");
  }

  @Test
  void bytesInNoEncodingJsonAllowsAreMalformedNotAnUnavailableSource() throws IOException {
    // 00 00 FF FE: a UCS-4 byte order mark in an order no JSON reader supports (found by SecurityExportsFuzzTest).
    Files.write(dir.resolve("report.json"), new byte[] {0, 0, (byte) 0xFF, (byte) 0xFE, '{', '}'});
    SecurityExportsSource s = Fixtures.source(dir, "strict");
    SecurityExportException e = (SecurityExportException) org.assertj.core.api.Assertions.catchThrowable(
        () -> s.records(RecordKind.VULNERABILITIES, ALL));
    assertThat(e.code()).isEqualTo("COS-VULN-001");
    assertThat(e.location()).isEqualTo("report.json");
    assertThat(e.getMessage()).startsWith("not JSON text in UTF-8, UTF-16 or UTF-32: ");
  }

  @Test
  void contentAfterTheDocumentIsMalformed() throws IOException {
    SecurityExportException e = fail("two.json", "[]\n  {}\n");
    assertThat(e.code()).isEqualTo("COS-VULN-001");
    assertThat(e.location()).isEqualTo("two.json:2:3");
    assertThat(e.getMessage()).contains("more content after the JSON document");
  }

  @Test
  void aDuplicateKeyIsMalformed() throws IOException {
    SecurityExportException e = fail("dup.json", "{\"id\": \"a\",\n \"id\": \"b\"}");
    assertThat(e.code()).isEqualTo("COS-VULN-001");
    assertThat(e.location()).startsWith("dup.json:2:");
  }

  @Test
  void anUnknownDocumentNamesTheFormatsRead() throws IOException {
    SecurityExportException e = fail("other.json", "\n\n   {\"hello\": 1}");
    assertThat(e.code()).isEqualTo("COS-VULN-002");
    assertThat(e.location()).isEqualTo("other.json:3:4");
    assertThat(e.getMessage()).contains("SARIF 2.1.0, CycloneDX JSON, OSV JSON, Trivy JSON report, Dependabot alerts list");
  }

  @Test
  void anOtherSarifVersionIsRefusedAtItsValue() throws IOException {
    SecurityExportException e = fail("old.sarif", "{\"version\": \"1.0.0\", \"runs\": []}");
    assertThat(e.code()).isEqualTo("COS-VULN-002");
    assertThat(e.location()).isEqualTo("old.sarif:1:13");
  }

  @Test
  void aMissingFieldIsLocatedAtItsObject() throws IOException {
    SecurityExportException e = fail("trivy.json", """
        {"SchemaVersion": 2, "CreatedAt": "2026-11-20T07:00:00Z",
         "Results": [{"Target": "t", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2026-1", "Severity": "LOW"}]}]}
        """);
    assertThat(e.code()).isEqualTo("COS-VULN-003");
    assertThat(e.location()).isEqualTo("trivy.json:3:4");
    assertThat(e.getMessage()).contains("CVE-2026-1 has no PkgName");
    assertThat(e.toString()).doesNotContain("\n");
  }

  @Test
  void aValueThatIsNotValidIsLocatedAtTheValue() throws IOException {
    SecurityExportException e = fail("alerts.json", """
        [{"number": 1, "state": "closed", "dependency": {"package": {"name": "x"}},
          "security_advisory": {"ghsa_id": "GHSA-1", "severity": "low"}, "created_at": "2026-11-01T00:00:00Z"}]
        """);
    assertThat(e.code()).isEqualTo("COS-VULN-004");
    assertThat(e.location()).isEqualTo("alerts.json:1:25");
    assertThat(e.getMessage()).contains("state 'closed' is none of open, fixed, dismissed, auto_dismissed");
  }

  @Test
  void aTimeWithoutOffsetIsNotValid() throws IOException {
    SecurityExportException e = fail("trivy.json", "{\"SchemaVersion\": 2, \"CreatedAt\": \"2026-11-20 07:00\"}");
    assertThat(e.code()).isEqualTo("COS-VULN-004");
    assertThat(e.location()).isEqualTo("trivy.json:1:35");
  }

  @Test
  void aFindingWithoutAnyTimeIsLocated() throws IOException {
    SecurityExportException e = fail("bom.json", """
        {"bomFormat": "CycloneDX", "specVersion": "1.6",
         "vulnerabilities": [{"id": "CVE-2026-7", "ratings": [{"severity": "high"}], "affects": [{"ref": "pkg:npm/x@1"}]}]}
        """);
    assertThat(e.code()).isEqualTo("COS-VULN-005");
    assertThat(e.location()).isEqualTo("bom.json:2:22");
  }

  @Test
  void aBadCvssVectorIsNotValid() throws IOException {
    SecurityExportException e = fail("osv.json", """
        {"id": "X-1", "modified": "2026-11-01T00:00:00Z", "affected": [{"package": {"name": "p"}}],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}
        """);
    assertThat(e.code()).isEqualTo("COS-VULN-004");
    assertThat(e.location()).isEqualTo("osv.json:2:44");
    assertThat(e.getMessage()).contains("the value of AV is not one CVSS 3 defines");
  }

  @Test
  void lenientModeSkipsBadFindingsAndBadFilesAndSaysSo() throws IOException {
    Files.writeString(dir.resolve("a-broken.json"), "{");
    Files.writeString(dir.resolve("b-alerts.json"), """
        [{"number": 1, "state": "closed", "dependency": {"package": {"name": "x"}},
          "security_advisory": {"ghsa_id": "GHSA-1", "severity": "low"}, "created_at": "2026-11-01T00:00:00Z"},
         {"number": 2, "state": "open", "dependency": {"package": {"name": "y"}},
          "security_advisory": {"ghsa_id": "GHSA-2", "severity": "high"}, "created_at": "2026-11-02T00:00:00Z"}]
        """);
    Files.writeString(dir.resolve("notes.txt"), "not an export: ignored");
    Files.createDirectories(dir.resolve(".cache"));
    Files.writeString(dir.resolve(".cache/old.json"), "{");
    SecurityExportsSource s = Fixtures.source(dir, "lenient");
    Dataset<Vulnerability> d = s.records(RecordKind.VULNERABILITIES, ALL);
    assertThat(d.rows()).extracting(Vulnerability::vulnId).containsExactly("GHSA-2@y");
    assertThat(d.provenance().query())
        .isEqualTo("a-broken.json (not read), b-alerts.json (Dependabot alerts); 2 bad entries skipped");
    assertThat(s.skipped()).extracting(SkippedInput::toString).containsExactly(
        "a-broken.json:1:2: COS-VULN-001 not well-formed JSON: Unexpected end-of-input: expected close marker for Object",
        "b-alerts.json:1:25: COS-VULN-004 state 'closed' is none of open, fixed, dismissed, auto_dismissed");
  }

  @Test
  void unknownModeAndMissingPathAreConfigurationErrors() {
    assertThatThrownBy(() -> new SecurityExportsSourceProvider().create(io.companyos.sources.SourceContext.of("s",
        java.util.Map.of("path", "x", "mode", "loose"), java.time.Clock.systemUTC(), dir)))
        .hasMessageContaining("mode 'loose' is neither strict nor lenient");
    assertThatThrownBy(() -> new SecurityExportsSourceProvider().create(io.companyos.sources.SourceContext.of("s",
        java.util.Map.of(), java.time.Clock.systemUTC(), dir)))
        .hasMessageContaining("missing option 'path'");
  }
}
