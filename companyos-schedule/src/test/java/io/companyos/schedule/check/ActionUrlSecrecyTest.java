package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook URL is a secret: a mistyped or unreachable one is reported by host, never whole. */
class ActionUrlSecrecyTest {
  private static final String SECRET = "XyZSeCrEt123";
  private final ActionContext ctx = new ActionContext(k -> null, HttpClient.newHttpClient(), Duration.ofSeconds(2));

  @Test
  void aMistypedWebhookUrlIsNotEchoed() {
    for (String url : List.of("https://hooks.slack.com/services/T01 /B02/" + SECRET, "https:/hooks.slack.com/services/" + SECRET,
        "hooks.slack.com/services/T01/B02/" + SECRET)) {
      ActionResult r = HttpActions.post("slack", url, Map.of("text", "x"), ctx);
      assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
      assertThat(r.detail()).as(url).startsWith("invalid URL: the slack URL ").contains("the value is not shown")
          .doesNotContain(SECRET);
    }
  }

  @Test
  void anUnreachableWebhookIsNamedByItsHost() {
    ActionResult r = HttpActions.post("slack", "http://127.0.0.1:9/services/T01/B02/" + SECRET, Map.of("text", "x"), ctx);
    assertThat(r.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(r.detail()).contains("127.0.0.1:9").doesNotContain(SECRET);
  }

  @Test
  void resultDetailsAreRedactedWhoeverBuildsThem() {
    assertThat(new ActionResult("x", ActionResult.Outcome.FAILED, "posting to https://hooks.slack.com/services/T/B/" + SECRET).detail())
        .isEqualTo("posting to https://hooks.slack.com/[redacted]");
  }
}
