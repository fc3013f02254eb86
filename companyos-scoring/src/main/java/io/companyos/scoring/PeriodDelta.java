package io.companyos.scoring;

import java.util.OptionalDouble;

/**
 * The change of a value against its previous period: absolute difference and relative change.
 * Relative change is {@code (current - previous) / |previous| * 100}; it is undefined (empty) when
 * the previous value is zero, because "up from nothing" has no percentage.
 *
 * @param absolute {@code current - previous}
 * @param percent relative change in percent, empty when {@code previous == 0}
 */
public record PeriodDelta(double absolute, OptionalDouble percent) {

  /** Relative changes smaller than this (in percent) count as flat. */
  public static final double FLAT_PERCENT = 0.5;

  /** The change from {@code previous} to {@code current}; both must be finite. */
  public static PeriodDelta between(double current, double previous) {
    if (!Double.isFinite(current) || !Double.isFinite(previous)) {
      throw new IllegalArgumentException("values must be finite: " + current + ", " + previous);
    }
    double abs = current - previous;
    OptionalDouble pct = previous == 0 ? OptionalDouble.empty() : OptionalDouble.of(abs / Math.abs(previous) * 100.0);
    return new PeriodDelta(abs, pct);
  }

  /**
   * -1, 0 or +1: the direction of the change. A change is flat when it is exactly zero or its
   * relative size is below {@link #FLAT_PERCENT}.
   */
  public int sign() {
    if (absolute == 0) {
      return 0;
    }
    if (percent.isPresent() && Math.abs(percent.getAsDouble()) < FLAT_PERCENT) {
      return 0;
    }
    return absolute > 0 ? 1 : -1;
  }
}
