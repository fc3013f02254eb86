package io.companyos.schedule.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Updates a status page through a JSON webhook ({@code COMPANYOS_<NAME>_URL} or {@code COMPANYOS_STATUS_PAGE_URL}):
 * the component is the check's name; while firing, the impact follows the event's severity — P1
 * {@code major_outage}, P2 {@code partial_outage}, P3 {@code degraded_performance}, P4 {@code none} (the component
 * stays {@code operational}) — and after recovery the component is {@code operational} again.
 *
 * <p>The mapping is configured in the environment: {@code COMPANYOS_<NAME>_IMPACT} or
 * {@code COMPANYOS_STATUS_PAGE_IMPACT}, e.g. {@code P3=partial_outage,P4=degraded_performance}; severities not
 * named keep their default. An unreadable mapping fails the delivery with the reason (and is retried and
 * reported like any failed delivery).
 */
public final class StatusPageAction implements Action {
  static final String URL = "COMPANYOS_STATUS_PAGE_URL";
  static final String IMPACT = "COMPANYOS_STATUS_PAGE_IMPACT";
  /** The impacts a severity can map to; {@code none} leaves the component operational. */
  static final List<String> IMPACTS = List.of("major_outage", "partial_outage", "degraded_performance", "under_maintenance", "none");
  /** The default severity → impact mapping. */
  public static final Map<String, String> DEFAULT_IMPACT =
      Map.of("P1", "major_outage", "P2", "partial_outage", "P3", "degraded_performance", "P4", "none");

  @Override
  public String id() {
    return "status_page";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    Optional<String> url = HttpActions.url(context, name, URL);
    if (url.isEmpty()) {
      return HttpActions.notConfigured(id(), URL);
    }
    String variable = context.env(HttpActions.variable(name, "IMPACT")).isPresent() ? HttpActions.variable(name, "IMPACT") : IMPACT;
    Map<String, String> mapping;
    try {
      mapping = impacts(context.env(variable).orElse(""));
    } catch (IllegalArgumentException e) {
      return new ActionResult(id(), ActionResult.Outcome.FAILED, "invalid " + variable + ": " + e.getMessage());
    }
    String impact = event.kind() == ActionEvent.Kind.TRIGGER ? mapping.get(event.effectiveSeverity()) : "none";
    Map<String, Object> body = new LinkedHashMap<>(WebhookAction.body(event));
    body.put("component", event.check());
    body.put("status", impact.equals("none") ? "operational" : impact);
    body.put("impact", impact);
    return HttpActions.post(id(), url.get(), body, context);
  }

  /** The mapping: the defaults, overridden by {@code P<n>=<impact>} pairs separated by commas. */
  static Map<String, String> impacts(String spec) {
    Map<String, String> m = new TreeMap<>(DEFAULT_IMPACT);
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String severity = kv[0].strip();
      String impact = kv.length == 2 ? kv[1].strip() : "";
      if (!DEFAULT_IMPACT.containsKey(severity)) {
        throw new IllegalArgumentException("'" + pair.strip() + "': the severity must be P1, P2, P3 or P4");
      }
      if (!IMPACTS.contains(impact)) {
        throw new IllegalArgumentException("'" + pair.strip() + "': the impact must be one of " + String.join(", ", IMPACTS));
      }
      m.put(severity, impact);
    }
    return m;
  }
}
