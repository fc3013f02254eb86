package io.companyos.render.chart;

import io.companyos.model.time.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * One plotted number: the value the pack computed for {@code window}, or no value with the reason (drawn as a gap
 * and written "n/a (reason)", never as zero).
 *
 * @param value the number, or null when absent
 * @param window the window the number was computed over; null for a constant (a band edge)
 * @param absentReason why there is no number; null when there is one
 */
public record ChartPoint(@Nullable Double value, @Nullable TimeWindow window, @Nullable String absentReason) {
  public ChartPoint {
    if ((value == null) == (absentReason == null)) {
      throw new IllegalArgumentException("a point has either a value or a reason for its absence");
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a plotted value must be finite, was " + value);
    }
  }

  /** The number computed over {@code window}. */
  public static ChartPoint of(double value, @Nullable TimeWindow window) {
    return new ChartPoint(value, window, null);
  }

  /** No number over {@code window}, for {@code reason}. */
  public static ChartPoint absent(String reason, @Nullable TimeWindow window) {
    return new ChartPoint(null, window, reason);
  }

  /** Whether there is a number. */
  public boolean present() {
    return value != null;
  }
}
