package io.companyos.schedule.check;

import io.companyos.model.check.Threshold;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an action is told: which check, whether it started firing or recovered, the observed value and
 * series, and a stable de-duplication key so receivers (PagerDuty, status pages) can pair trigger and resolve.
 */
public record ActionEvent(String check, String query, Threshold threshold, Kind kind, @Nullable Double value,
    Map<String, String> labels, Instant at, String dedupKey, String source) {

  /** A check started (or is still) firing, or recovered. */
  public enum Kind {
    TRIGGER,
    RESOLVE
  }

  public ActionEvent {
    labels = Map.copyOf(labels);
  }

  /** One line for humans, e.g. "SLO Budget Check firing: 20 > 6 (service=search)". */
  public String summary() {
    String v = value == null ? "n/a" : format(value);
    String what = kind == Kind.TRIGGER ? " firing: " + v + " " + threshold : " recovered: " + v + " (threshold " + threshold + ")";
    return check + what + (labels.isEmpty() ? "" : " " + new java.util.TreeMap<>(labels));
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.valueOf(Math.round(v * 1000) / 1000.0);
  }
}
