package io.companyos.scoring.recommend;

import io.companyos.model.time.TimeWindow;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One number a recommendation rests on: what it is, its value and unit, the catalog KPI (or metric) it is, the window
 * it was computed over and the records it counted. A number that could not be computed has no value and says why;
 * it is never 0.
 *
 * @param kpi the KPI catalog id or metric name ({@code change_failure_rate}, {@code slo:burn_rate})
 * @param records ids of the records counted, for the pack's evidence appendix
 */
public record Evidence(String label, @Nullable Double value, String unit, String kpi, TimeWindow window, List<String> records,
    @Nullable String absentReason) {

  public Evidence {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(window, "window");
    records = List.copyOf(records);
    if (value == null && absentReason == null) {
      throw new IllegalArgumentException("an absent number needs a reason");
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
  }

  /** A computed number. */
  public static Evidence of(String label, double value, String unit, String kpi, TimeWindow window, List<String> records) {
    return new Evidence(label, value, unit, kpi, window, records, null);
  }

  /** A number that could not be computed, for {@code reason}. */
  public static Evidence absent(String label, String unit, String kpi, TimeWindow window, String reason) {
    return new Evidence(label, null, unit, kpi, window, List.of(), reason);
  }
}
