package io.companyos.schedule.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Updates a status page through a JSON webhook ({@code COMPANYOS_STATUS_PAGE_URL}): the component is the
 * check's name, the status {@code major_outage} while firing and {@code operational} after recovery.
 */
public final class StatusPageAction implements Action {
  static final String URL = "COMPANYOS_STATUS_PAGE_URL";

  @Override
  public String id() {
    return "status_page";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    Map<String, Object> body = new LinkedHashMap<>(WebhookAction.body(event));
    body.put("component", event.check());
    body.put("status", event.kind() == ActionEvent.Kind.TRIGGER ? "major_outage" : "operational");
    return HttpActions.url(context, name, URL).map(url -> HttpActions.post(id(), url, body, context))
        .orElseGet(() -> HttpActions.notConfigured(id(), URL));
  }
}
