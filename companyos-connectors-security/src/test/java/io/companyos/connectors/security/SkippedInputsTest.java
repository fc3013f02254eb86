package io.companyos.connectors.security;

import static io.companyos.connectors.security.Fixtures.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.connectors.common.SkippedInput;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lenient mode left out, as the record every export connector shares, and through the deprecated accessor. */
class SkippedInputsTest {
  @TempDir Path dir;

  @Test
  void skippedInputsListsWhatLenientModeLeftOutAsTheCommonRecord() throws IOException {
    Files.writeString(dir.resolve("a-broken.json"), "{");
    Files.writeString(dir.resolve("b-alerts.json"), """
        [{"number": 1, "state": "closed", "dependency": {"package": {"name": "x"}},
          "security_advisory": {"ghsa_id": "GHSA-1", "severity": "low"}, "created_at": "2026-11-01T00:00:00Z"}]
        """);
    SecurityExportsSource s = Fixtures.source(dir, "lenient");

    assertThat(s.records(RecordKind.VULNERABILITIES, ALL).rows()).isEmpty();
    assertThat(s.skippedInputs()).containsExactly(
        new SkippedInput("a-broken.json", 1, 2, "COS-VULN-001",
            "not well-formed JSON: Unexpected end-of-input: expected close marker for Object"),
        new SkippedInput("b-alerts.json", 1, 25, "COS-VULN-004",
            "state 'closed' is none of open, fixed, dismissed, auto_dismissed"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedSkippedListsTheSameEntriesInTheConnectorsOwnRecord() throws IOException {
    Files.writeString(dir.resolve("a-broken.json"), "{");
    SecurityExportsSource s = Fixtures.source(dir, "lenient");

    assertThat(s.skipped()).containsExactly(new io.companyos.connectors.security.SkippedInput("a-broken.json", 1, 2,
        "COS-VULN-001", "not well-formed JSON: Unexpected end-of-input: expected close marker for Object"));
    assertThat(s.skipped()).extracting(Object::toString)
        .isEqualTo(s.skippedInputs().stream().map(Object::toString).toList());
  }
}
