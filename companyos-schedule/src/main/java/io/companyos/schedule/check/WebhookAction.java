package io.companyos.schedule.check;

import java.util.LinkedHashMap;
import java.util.Map;

/** Posts the event as JSON to {@code COMPANYOS_<NAME>_URL} or {@code COMPANYOS_WEBHOOK_URL}. */
public final class WebhookAction implements Action {
  static final String URL = "COMPANYOS_WEBHOOK_URL";

  @Override
  public String id() {
    return "webhook";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    return HttpActions.url(context, name, URL).map(url -> HttpActions.post(id(), url, body(event), context))
        .orElseGet(() -> HttpActions.notConfigured(id(), URL));
  }

  static Map<String, Object> body(ActionEvent e) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("check", e.check());
    b.put("state", e.kind() == ActionEvent.Kind.TRIGGER ? "firing" : "resolved");
    b.put("value", e.value());
    b.put("threshold", e.threshold().toString());
    b.put("labels", e.labels());
    b.put("at", e.at().toString());
    b.put("dedup_key", e.dedupKey());
    b.put("severity", e.effectiveSeverity());
    if (e.escalation() != null) {
      b.put("escalation", e.escalation());
    }
    return b;
  }
}
