package io.companyos.scoring.recommend;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;

/**
 * Which anomaly-detector hits may reach a pack: only those inside the pack's own period, and only a move in the bad
 * direction of the metric (a latency drop or a cost fall is good news, never a risk), and only when the move is at
 * least a minimum effect against the series' typical value. Everything else stays out of "This Week's Focus" and
 * "Optimization Opportunities".
 */
public final class AnomalyGate {
  /** The smallest value / typical value of a bad-direction hit that is shown (1.5 = 50 % above a usual value). */
  public static final double MIN_EFFECT = 1.5;

  private AnomalyGate() {}

  /**
   * True when a hit at {@code at} with {@code value} against the series' {@code typical} value (its median) is shown:
   * {@code at} lies in {@code period}, the move is bad by {@code good}, and it is at least {@code minEffect} times the
   * typical value (for higher-is-better metrics, at most {@code typical / minEffect}). Neutral metrics are never risks.
   *
   * @param at when the hit happened
   * @param value the value at the hit
   * @param typical the series' typical value, its median
   * @param good which direction of the metric is good
   * @param period the pack's half-open period {@code [start, end)}
   * @param minEffect the smallest ratio to the typical value shown, e.g. {@link #MIN_EFFECT}
   * @return whether the hit is shown; false for non-finite values
   */
  public static boolean shown(java.time.Instant at, double value, double typical, Direction good, TimeWindow period, double minEffect) {
    if (!period.contains(at) || good == Direction.NEUTRAL || !Double.isFinite(value) || !Double.isFinite(typical)) {
      return false;
    }
    if (good == Direction.LOWER_IS_BETTER) {
      return value > typical && value >= typical * minEffect;
    }
    return value < typical && value * minEffect <= typical;
  }

  /**
   * The part of {@code window} that lies in {@code pack}.
   *
   * @param window a window
   * @param pack the pack's window
   * @return their intersection; empty (start = end) when they do not overlap
   */
  public static TimeWindow within(TimeWindow window, TimeWindow pack) {
    java.time.Instant start = window.start().isAfter(pack.start()) ? window.start() : pack.start();
    java.time.Instant end = window.end().isBefore(pack.end()) ? window.end() : pack.end();
    return end.isAfter(start) ? new TimeWindow(start, end) : new TimeWindow(start, start);
  }
}
