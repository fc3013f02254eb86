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
 * @param label what the number is, as packs show it
 * @param value the number, finite; null when it could not be computed
 * @param unit how the number is written
 * @param kpi the KPI catalog id or metric name ({@code change_failure_rate}, {@code slo:burn_rate})
 * @param window the window it was computed over
 * @param records ids of the records counted, for the pack's evidence appendix
 * @param absentReason why there is no number; null when there is one
 */
public record Evidence(String label, @Nullable Double value, String unit, String kpi, TimeWindow window, List<String> records,
    @Nullable String absentReason) {

  /**
   * Checks the evidence and copies the records, which are unmodifiable afterwards.
   *
   * @param label what the number is, as packs show it
   * @param value the number; null when it could not be computed
   * @param unit how the number is written
   * @param kpi the KPI catalog id or metric name
   * @param window the window it was computed over
   * @param records ids of the records counted
   * @param absentReason why there is no number; null when there is one
   * @throws NullPointerException if {@code label}, {@code kpi} or {@code window} is null
   * @throws IllegalArgumentException if there is neither a value nor a reason, or the value is not finite
   */
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

  /**
   * A computed number.
   *
   * @param label what the number is
   * @param value the number, finite
   * @param unit how it is written
   * @param kpi the KPI catalog id or metric name
   * @param window the window it was computed over
   * @param records ids of the records counted
   * @return the evidence
   * @throws IllegalArgumentException if the value is not finite
   */
  public static Evidence of(String label, double value, String unit, String kpi, TimeWindow window, List<String> records) {
    return new Evidence(label, value, unit, kpi, window, records, null);
  }

  /**
   * A number that could not be computed.
   *
   * @param label what the number is
   * @param unit how it would be written
   * @param kpi the KPI catalog id or metric name
   * @param window the window it was to be computed over
   * @param reason why it could not be computed
   * @return the evidence, without value and records
   */
  public static Evidence absent(String label, String unit, String kpi, TimeWindow window, String reason) {
    return new Evidence(label, null, unit, kpi, window, List.of(), reason);
  }
}
