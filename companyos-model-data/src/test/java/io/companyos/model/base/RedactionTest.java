package io.companyos.model.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String HOOK = "https://hooks.slack.com/services/T0001/B0002/SeCrEtSeCrEt";

  @Test
  void messagesShowOnlyTheOriginOfAUrl() {
    assertThat(Redaction.message("unsupported URI https:/hooks.slack.com/services/T0001/B0002/SeCrEtSeCrEt"))
        .isEqualTo("unsupported URI https://hooks.slack.com/[redacted]");
    assertThat(Redaction.message("POST " + HOOK + " failed.")).isEqualTo("POST https://hooks.slack.com/[redacted] failed.");
    assertThat(Redaction.message("no answer from http://localhost:9090/ (refused)"))
        .isEqualTo("no answer from http://localhost:9090 (refused)");
    assertThat(Redaction.message("see http://prom:9090.")).isEqualTo("see http://prom:9090.");
    assertThat(Redaction.message("at https://user:pw@example.com:8443/x?token=abc"))
        .isEqualTo("at https://example.com:8443/[redacted]");
    assertThat(Redaction.message(null)).isEmpty();
  }

  @Test
  void payloadsKeepLinksButLoseCredentials() {
    assertThat(Redaction.credentials("https://prom.example.com/api?query=up&access_token=abc123&x=1"))
        .isEqualTo("https://prom.example.com/api?query=up&access_token=[redacted]&x=1");
    assertThat(Redaction.credentials("link https://dash.example.com/ops?tab=2")).isEqualTo("link https://dash.example.com/ops?tab=2");
    assertThat(Redaction.credentials("posted to " + HOOK)).isEqualTo("posted to https://hooks.slack.com/[redacted]");
    assertThat(Redaction.credentials("ftp://bob:hunter2@files.example.com/a")).isEqualTo("ftp://[redacted]@files.example.com/a");
    assertThat(Redaction.credentials("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")).isEqualTo("Authorization: Bearer [redacted]");
    assertThat(Redaction.credentials("token xoxb-123-456-abcdef")).isEqualTo("token [redacted]");
    assertThat(Redaction.credentials("the key=value pair")).isEqualTo("the key=value pair");
  }

  @Test
  void secretsInDefinitionUrlsAreFoundWithoutRepeatingThem() {
    assertThat(Redaction.secretIn(URI.create("https://prom.example.com/?access_token=abc"))).contains(
        "the URL carries a credential in its query ('access_token')");
    assertThat(Redaction.secretIn(URI.create("https://u:p@prom.example.com/"))).contains("the URL carries a user name or password");
    assertThat(Redaction.secretIn(URI.create("https://prom.example.com/prometheus?dedup=true"))).isEmpty();
  }

  @Test
  void aMistypedSecretUrlIsReportedByNameOnly() {
    assertThatThrownBy(() -> Redaction.parseSecretUrl("COMPANYOS_SLACK_WEBHOOK_URL", HOOK + " x"))
        .hasMessage("COMPANYOS_SLACK_WEBHOOK_URL is not a valid URL (character 58 of 59; the value is not shown)");
    assertThatThrownBy(() -> Redaction.parseSecretUrl("COMPANYOS_SLACK_WEBHOOK_URL", "https:/hooks.slack.com/services/SECRET"))
        .hasMessage("COMPANYOS_SLACK_WEBHOOK_URL has no host (check the two slashes after the scheme; the value is not shown)")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> Redaction.parseSecretUrl("X", "hooks.slack.com/services/SECRET")).hasMessageNotContaining("SECRET");
    assertThat(Redaction.parseSecretUrl("X", HOOK)).isEqualTo(URI.create(HOOK));
    // Every place prints these through the message rule: they hold nothing it would cut (a hint written as a URL,
    // "https://host/path", came out as "https://host/[redacted]").
    for (String bad : new String[] {HOOK + " x", "https:/hooks.slack.com/services/SECRET", "ftp://h/x", "hooks.slack.com/x"}) {
      assertThatThrownBy(() -> Redaction.parseSecretUrl("X", bad))
          .satisfies(e -> assertThat(Redaction.message(e.getMessage())).isEqualTo(e.getMessage()));
    }
  }

  @Test
  void printableTextKeepsTerminalControlsOut() {
    // ESC [ 2 J clears a terminal; it is shown as the six characters \u001b instead.
    assertThat(Redaction.printable("key '\u001b[2Jx'")).isEqualTo("key '\\u001b[2Jx'");
    // Line breaks (CRLF counts once) and tabs become one space each, so a message stays on one line.
    assertThat(Redaction.printable("421 closing\r\n421 try later\tnow")).isEqualTo("421 closing 421 try later now");
    // A right-to-left override (U+202E) and DEL are escaped; ordinary text, accents and emoji are kept.
    assertThat(Redaction.printable("a\u202eb\u007fc")).isEqualTo("a\\u202eb\\u007fc");
    assertThat(Redaction.printable("Zoë 📈")).isEqualTo("Zoë 📈");
    assertThat(Redaction.printable(null)).isEmpty();
  }

  @Test
  void oneLineErrorsEscapeWhatTheUserWrote() {
    CompanyOsException e = new CompanyOsException("COS-X-001", "unknown key 'a\u001b]0;owned\u0007'", "f.yaml:1:1", null);
    assertThat(e.oneLine()).isEqualTo("f.yaml:1:1: COS-X-001 unknown key 'a\\u001b]0;owned\\u0007'");
  }
}
