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

  /**
   * The state of one alert condition at an instant.
   *
   * @param window the condition
   * @param longBurn the burn rate over its long window; empty when that window had no events
   * @param shortBurn the burn rate over its short window; empty when that window had no events
   * @param firing whether both burn rates are present and exceed the condition's factor
   */
  public record AlertState(BurnRateWindow window, OptionalDouble longBurn, OptionalDouble shortBurn, boolean firing) {}

  /**
   * The tier an SLO is in: the firing condition with the largest factor, if any, and every condition's state.
   *
   * @param states every condition's state, in the order of the windows evaluated
   */
  public record Tier(List<AlertState> states) {
    /**
     * Copies the states, which are unmodifiable afterwards.
     *
     * @param states every condition's state
     */
    public Tier {
      states = List.copyOf(states);
    }

    /**
     * The firing condition with the largest factor.
     *
     * @return that condition's state; empty when none fires
     */
    public Optional<AlertState> firing() {
      return states.stream().filter(AlertState::firing).max(Comparator.comparingDouble(s -> s.window().factor()));
    }

    /**
     * The factor of {@link #firing()}.
     *
     * @return 14.4, 6, 3 or 1 with the workbook's tiers; 0 when none fires
     */
    public double factor() {
      return firing().map(s -> s.window().factor()).orElse(0.0);
    }

    /**
     * Whether there was data, so that "no tier" means "not burning fast", not "no data".
     *
     * @return true when at least one long window had events
     */
    public boolean hasData() {
      return states.stream().anyMatch(s -> s.longBurn().isPresent());
    }
  }

  /**
   * Evaluates {@code windows} from buckets: a window covers the buckets whose start lies in {@code [at − window, at)}.
   * Buckets must be no longer than the shortest window.
   *
   * @param buckets the SLI buckets, in any order
   * @param at the instant of evaluation, the exclusive end of every window
   * @param target the SLO's objective in (0, 1)
   * @param windows the conditions to evaluate
   * @return one state per condition, in the order of {@code windows}
   * @throws IllegalArgumentException if {@code target} is outside (0, 1)
   */
  public static List<AlertState> evaluate(List<SliBucket> buckets, Instant at, double target, List<BurnRateWindow> windows) {
    Slo.checkTarget(target);
    return evaluate(windows, length -> counts(buckets, at, length, target));
  }

  /**
   * Evaluates {@code windows} from the SLO over a window of a given length ending at the instant of evaluation; each
   * distinct length is asked for once.
   *
   * @param windows the conditions to evaluate
   * @param over the SLO over the window of the given length ending at the instant of evaluation
   * @return one state per condition, in the order of {@code windows}
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

  /**
   * The tier of the workbook's four conditions ({@link BurnRateWindow#sreWorkbookDefaults()}).
   *
   * @param over the SLO over the window of the given length ending at the instant of evaluation
   * @return the state of the four conditions
   */
  public static Tier tier(Function<Duration, SloResult> over) {
    return new Tier(evaluate(BurnRateWindow.sreWorkbookDefaults(), over));
  }

  /**
   * Burn rate over {@code [at − length, at)}: the buckets whose start lies in that half-open window.
   *
   * @param buckets the SLI buckets, in any order
   * @param at the exclusive end of the window
   * @param length the window's length
   * @param target the SLO's objective in (0, 1)
   * @return the burn rate, or empty when the window had no events
   * @throws IllegalArgumentException if {@code target} is outside (0, 1)
   */
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
