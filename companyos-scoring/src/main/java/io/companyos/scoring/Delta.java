package io.companyos.scoring;

import org.jspecify.annotations.Nullable;

/**
 * The change of a metric against its previous period: absolute and relative difference, the trend
 * after a dead band, and whether that is an improvement given the metric's good direction.
 *
 * <p>Rules: {@code percent = (current − previous) / |previous| × 100}, absent when {@code previous == 0}
 * (a change from zero has no meaningful percentage). The trend is {@link Trend#FLAT} when the change
 * lies inside the dead band: {@code |current − previous| ≤ deadBand × |previous|} (default 2%), or, when
 * previous is 0, when current is 0 too. {@code improved} is null for flat or neutral metrics.
 */
public record Delta(
    double current, double previous, double absolute, @Nullable Double percent, Trend trend, @Nullable Boolean improved) {

  /** The default relative dead band: changes within ±2% count as flat. */
  public static final double DEFAULT_DEAD_BAND = 0.02;

  /**
   * The delta with the default dead band ({@link #DEFAULT_DEAD_BAND}, 2%).
   *
   * @param current value of the current period; must be finite
   * @param previous value of the previous period; must be finite
   * @param good which direction of change is an improvement; {@link Direction#NEUTRAL} leaves {@code improved} null
   * @return the change of {@code current} against {@code previous}
   * @throws IllegalArgumentException if either value is NaN or infinite
   */
  public static Delta of(double current, double previous, Direction good) {
    return of(current, previous, good, DEFAULT_DEAD_BAND);
  }

  /**
   * The delta of {@code current} against {@code previous}.
   *
   * @param current value of the current period; must be finite
   * @param previous value of the previous period; must be finite
   * @param good which direction of change is an improvement; {@link Direction#NEUTRAL} leaves {@code improved} null
   * @param deadBand relative change (0.02 = 2%) below which the trend is flat; must be ≥ 0
   * @return the change, with its percentage absent when {@code previous} is 0
   * @throws IllegalArgumentException if a value is NaN or infinite, or {@code deadBand} is negative or not finite
   */
  public static Delta of(double current, double previous, Direction good, double deadBand) {
    if (!Double.isFinite(current) || !Double.isFinite(previous)) {
      throw new IllegalArgumentException("delta needs finite values, got " + current + " and " + previous);
    }
    if (deadBand < 0 || !Double.isFinite(deadBand)) {
      throw new IllegalArgumentException("deadBand must be >= 0, was " + deadBand);
    }
    double abs = current - previous;
    Double pct = previous == 0 ? null : abs / Math.abs(previous) * 100.0;
    boolean flat = previous == 0 ? current == 0 : Math.abs(abs) <= deadBand * Math.abs(previous);
    Trend trend = flat ? Trend.FLAT : abs > 0 ? Trend.UP : Trend.DOWN;
    Boolean improved = null;
    if (trend != Trend.FLAT && good != Direction.NEUTRAL) {
      improved = (trend == Trend.UP) == (good == Direction.HIGHER_IS_BETTER);
    }
    return new Delta(current, previous, abs, pct, trend, improved);
  }
}
