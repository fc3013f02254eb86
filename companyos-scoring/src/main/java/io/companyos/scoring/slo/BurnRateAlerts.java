package io.companyos.scoring.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Evaluates multi-window burn-rate alerts at an instant from SLI buckets. A window covers the buckets
 * whose start lies in {@code [at − window, at)}; a window without events has no burn rate and never fires.
 */
public final class BurnRateAlerts {
  private BurnRateAlerts() {}

  /** The state of one alert condition at an instant. */
  public record AlertState(BurnRateWindow window, OptionalDouble longBurn, OptionalDouble shortBurn, boolean firing) {}

  public static List<AlertState> evaluate(List<SliBucket> buckets, Instant at, double target, List<BurnRateWindow> windows) {
    Slo.checkTarget(target);
    List<AlertState> out = new ArrayList<>();
    for (BurnRateWindow w : windows) {
      OptionalDouble longBurn = burn(buckets, at, w.longWindow(), target);
      OptionalDouble shortBurn = burn(buckets, at, w.shortWindow(), target);
      boolean firing = longBurn.isPresent() && shortBurn.isPresent()
          && longBurn.getAsDouble() > w.factor() && shortBurn.getAsDouble() > w.factor();
      out.add(new AlertState(w, longBurn, shortBurn, firing));
    }
    return out;
  }

  /** Burn rate over {@code [at − length, at)}. */
  public static OptionalDouble burn(List<SliBucket> buckets, Instant at, Duration length, double target) {
    Instant from = at.minus(length);
    long total = 0;
    long bad = 0;
    for (SliBucket b : buckets) {
      if (!b.start().isBefore(from) && b.start().isBefore(at)) {
        total += b.total();
        bad += b.bad();
      }
    }
    return Slo.ofCounts(target, total, bad).burnRate();
  }
}
