package io.companyos.schedule.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pages on-call through the PagerDuty Events API v2: {@code event_action} {@code trigger} when a check
 * fires and {@code resolve} when it recovers, paired by {@code dedup_key}. Routing key from
 * {@code COMPANYOS_PAGERDUTY_ROUTING_KEY}; endpoint from {@code COMPANYOS_PAGERDUTY_URL} (default the public
 * events endpoint). The payload severity follows the event's: P1 {@code critical}, P2 {@code error}, P3
 * {@code warning}, P4 {@code info}.
 */
public final class PagerDutyAction implements Action {
  static final String KEY = "COMPANYOS_PAGERDUTY_ROUTING_KEY";
  static final String URL = "COMPANYOS_PAGERDUTY_URL";
  static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  @Override
  public String id() {
    return "page";
  }

  @Override
  public ActionResult fire(String name, ActionEvent event, ActionContext context) {
    return context.env(KEY).map(key -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("routing_key", key);
      body.put("event_action", event.kind() == ActionEvent.Kind.TRIGGER ? "trigger" : "resolve");
      body.put("dedup_key", event.dedupKey());
      if (event.kind() == ActionEvent.Kind.TRIGGER) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", event.summary());
        payload.put("source", event.source());
        payload.put("severity", severity(event.effectiveSeverity()));
        payload.put("timestamp", event.at().toString());
        payload.put("custom_details", Map.of("query", event.query(), "threshold", event.threshold().toString(),
            "value", event.value() == null ? "n/a" : ActionEvent.format(event.value()), "labels", event.labels()));
        body.put("payload", payload);
      }
      return HttpActions.post(id(), context.env(URL).orElse(DEFAULT_URL), body, context);
    }).orElseGet(() -> HttpActions.notConfigured(id(), KEY));
  }

  /** The Events API v2 severity of an incident severity. */
  static String severity(String incidentSeverity) {
    return switch (incidentSeverity) {
      case "P2" -> "error";
      case "P3" -> "warning";
      case "P4" -> "info";
      default -> "critical";
    };
  }
}
