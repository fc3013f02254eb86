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
  /**
   * Checks that the point has either a number or a reason.
   *
   * @param value the number, or null when absent
   * @param window the window the number was computed over, or null for a constant
   * @param absentReason why there is no number, or null when there is one
   * @throws IllegalArgumentException if both or neither of {@code value} and {@code absentReason} are given, or
   *     {@code value} is NaN or infinite
   */
  public ChartPoint {
    if ((value == null) == (absentReason == null)) {
      throw new IllegalArgumentException("a point has either a value or a reason for its absence");
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a plotted value must be finite, was " + value);
    }
  }

  /**
   * The number computed over {@code window}.
   *
   * @param value the number; must be finite
   * @param window the window it was computed over, or null for a constant
   * @return the point
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static ChartPoint of(double value, @Nullable TimeWindow window) {
    return new ChartPoint(value, window, null);
  }

  /**
   * No number over {@code window}, for {@code reason}.
   *
   * @param reason why there is no number
   * @param window the window that has none, or null
   * @return the absent point, drawn as a gap
   */
  public static ChartPoint absent(String reason, @Nullable TimeWindow window) {
    return new ChartPoint(null, window, reason);
  }

  /**
   * Whether there is a number.
   *
   * @return true when {@link #value()} is not null
   */
  public boolean present() {
    return value != null;
  }
}
