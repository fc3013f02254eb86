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

  /** Slack's three control characters in mrkdwn. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
