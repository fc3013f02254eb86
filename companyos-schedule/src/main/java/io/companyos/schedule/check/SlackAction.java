package io.companyos.schedule.check;

import java.util.Map;

/**
 * Posts to a Slack incoming webhook: {@code COMPANYOS_<NAME>_URL} (e.g. {@code COMPANYOS_SLACK_SECURITY_CHANNEL_URL})
 * or {@code COMPANYOS_SLACK_WEBHOOK_URL}. Text from data is escaped for Slack's mrkdwn ({@code & < >}), so a
 * label can never turn into a mention such as {@code <!channel>}.
 */
public final class SlackAction implements Action {
  static final String URL = "COMPANYOS_SLACK_WEBHOOK_URL";

  @Override
  public String id() {
    return "slack";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    return HttpActions.url(context, name, URL)
        .map(url -> HttpActions.post(id(), url, Map.of("text", (event.kind() == ActionEvent.Kind.TRIGGER ? ":red_circle: " : ":large_green_circle: ")
            + escape(event.summary())), context))
        .orElseGet(() -> HttpActions.notConfigured(id(), URL));
  }

  /**
   * Posts {@code text} (escaped for mrkdwn) to {@code COMPANYOS_SLACK_WEBHOOK_URL}: the path the health digest
   * takes, the same as a check's Slack action (one timeout, one redaction of the URL, only 2xx counts).
   *
   * @param context the environment, HTTP client and timeout
   * @param text the message
   * @return {@code SENT} on a 2xx answer, {@code SKIPPED} when the URL is not set, else {@code FAILED} with why
   */
  public static ActionResult postText(ActionContext context, String text) {
    return context.env(URL).map(url -> HttpActions.post("slack", url, Map.of("text", escape(text)), context))
        .orElseGet(() -> HttpActions.notConfigured("slack", URL));
  }

  /** Slack's three control characters in mrkdwn. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
