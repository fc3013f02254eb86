package io.companyos.scoring.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Evaluates multi-window burn-rate alerts at an instant, from SLI buckets or from the SLO over any window ending at
 * that instant. A window without events has no burn rate and never fires.
 */
public final class BurnRateAlerts {
  private BurnRateAlerts() {}

  /** The state of one alert condition at an instant. */
  public record AlertState(BurnRateWindow window, OptionalDouble longBurn, OptionalDouble shortBurn, boolean firing) {}

  /**
   * The tier an SLO is in: the firing condition with the largest factor, if any, and every condition's state.
   *
   * @param states every condition's state, in the order of the windows evaluated
   */
  public record Tier(List<AlertState> states) {
    public Tier {
      states = List.copyOf(states);
    }

    /** The firing condition with the largest factor; empty when none fires. */
    public Optional<AlertState> firing() {
      return states.stream().filter(AlertState::firing).max(Comparator.comparingDouble(s -> s.window().factor()));
    }

    /** The factor of {@link #firing()} (14.4, 6, 3 or 1 with the workbook's tiers); 0 when none fires. */
    public double factor() {
      return firing().map(s -> s.window().factor()).orElse(0.0);
    }

    /** True when at least one long window had events, so that "no tier" means "not burning fast", not "no data". */
    public boolean hasData() {
      return states.stream().anyMatch(s -> s.longBurn().isPresent());
    }
  }

  /**
   * Evaluates {@code windows} from buckets: a window covers the buckets whose start lies in {@code [at − window, at)}.
   * Buckets must be no longer than the shortest window.
   */
  public static List<AlertState> evaluate(List<SliBucket> buckets, Instant at, double target, List<BurnRateWindow> windows) {
    Slo.checkTarget(target);
    return evaluate(windows, length -> counts(buckets, at, length, target));
  }

  /**
   * Evaluates {@code windows} from the SLO over a window of a given length ending at the instant of evaluation; each
   * distinct length is asked for once.
   */
  public static List<AlertState> evaluate(List<BurnRateWindow> windows, Function<Duration, SloResult> over) {
    Map<Duration, OptionalDouble> burns = new LinkedHashMap<>();
    Function<Duration, OptionalDouble> burn = d -> burns.computeIfAbsent(d, x -> over.apply(x).burnRate());
    List<AlertState> out = new ArrayList<>();
    for (BurnRateWindow w : windows) {
      OptionalDouble longBurn = burn.apply(w.longWindow());
      OptionalDouble shortBurn = burn.apply(w.shortWindow());
      boolean firing = longBurn.isPresent() && shortBurn.isPresent()
          && longBurn.getAsDouble() > w.factor() && shortBurn.getAsDouble() > w.factor();
      out.add(new AlertState(w, longBurn, shortBurn, firing));
    }
    return out;
  }

  /** The tier of the workbook's four conditions ({@link BurnRateWindow#sreWorkbookDefaults()}). */
  public static Tier tier(Function<Duration, SloResult> over) {
    return new Tier(evaluate(BurnRateWindow.sreWorkbookDefaults(), over));
  }

  /** Burn rate over {@code [at − length, at)}. */
  public static OptionalDouble burn(List<SliBucket> buckets, Instant at, Duration length, double target) {
    return counts(buckets, at, length, target).burnRate();
  }

  private static SloResult counts(List<SliBucket> buckets, Instant at, Duration length, double target) {
    Instant from = at.minus(length);
    long total = 0;
    long bad = 0;
    for (SliBucket b : buckets) {
      if (!b.start().isBefore(from) && b.start().isBefore(at)) {
        total += b.total();
        bad += b.bad();
      }
    }
    return Slo.ofCounts(target, total, bad);
  }
}
