package io.companyos.schedule.check;

import io.companyos.model.check.Threshold;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an action is told: which check, whether it started firing or recovered, the observed value and
 * series, and a stable de-duplication key so receivers (PagerDuty, status pages) can pair trigger and resolve.
 *
 * @param severity the incident severity {@code P1}..{@code P4} (from the firing series' {@code severity} label,
 *     else the check's {@code severity}); null = none stated, which actions treat as {@code P1}
 * @param escalation for an escalation (a notification that could not be delivered, told to the accountable
 *     role): the message; null for the check's own trigger and resolve
 */
public record ActionEvent(String check, String query, Threshold threshold, Kind kind, @Nullable Double value,
    Map<String, String> labels, Instant at, String dedupKey, String source, @Nullable String severity,
    @Nullable String escalation) {

  /** A check started (or is still) firing, or recovered. */
  public enum Kind {
    TRIGGER,
    RESOLVE
  }

  public ActionEvent {
    labels = Map.copyOf(labels);
  }

  /** An event without a severity. */
  public ActionEvent(String check, String query, Threshold threshold, Kind kind, @Nullable Double value,
      Map<String, String> labels, Instant at, String dedupKey, String source) {
    this(check, query, threshold, kind, value, labels, at, dedupKey, source, null, null);
  }

  /** The severity actions use: the event's, else {@code P1}. */
  public String effectiveSeverity() {
    return severity == null ? "P1" : severity;
  }

  /** One line for humans, e.g. "SLO Budget Check firing: 20 > 6 (service=search)"; an escalation's message. */
  public String summary() {
    if (escalation != null) {
      return escalation;
    }
    String v = value == null ? "n/a" : format(value);
    String what = kind == Kind.TRIGGER ? " firing: " + v + " " + threshold : " recovered: " + v + " (threshold " + threshold + ")";
    return check + what + (labels.isEmpty() ? "" : " " + new java.util.TreeMap<>(labels));
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.valueOf(Math.round(v * 1000) / 1000.0);
  }
}
