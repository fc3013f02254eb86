package io.companyos.scoring.slo;

import java.util.OptionalDouble;

/**
 * Service-level objective arithmetic after the Google SRE workbook, chapter 2 ("Implementing SLOs")
 * and chapter 5 ("Alerting on SLOs"): attainment = good/total, error budget = 1 − target,
 * budget remaining = (budget − bad/total) / budget, burn rate = error ratio / budget.
 */
public final class Slo {
  private Slo() {}

  /**
   * The SLO from event counts (the "occurrences" method).
   *
   * @param target objective in (0, 1), e.g. 0.999
   * @param total events, ≥ 0
   * @param bad bad events, 0 ≤ bad ≤ total
   * @return attainment, error ratio, budget remaining and burn rate; all four empty when {@code total} is 0
   * @throws IllegalArgumentException if {@code target} is outside (0, 1) or not {@code 0 ≤ bad ≤ total}
   */
  public static SloResult ofCounts(double target, long total, long bad) {
    checkTarget(target);
    if (total < 0 || bad < 0 || bad > total) {
      throw new IllegalArgumentException("need 0 <= bad <= total, got bad=" + bad + " total=" + total);
    }
    if (total == 0) {
      OptionalDouble none = OptionalDouble.empty();
      return new SloResult(target, 0, 0, none, none, none, none);
    }
    double errorRatio = (double) bad / total;
    double budget = 1 - target;
    return new SloResult(target, total, bad, OptionalDouble.of(1 - errorRatio), OptionalDouble.of(errorRatio),
        OptionalDouble.of((budget - errorRatio) / budget), OptionalDouble.of(errorRatio / budget));
  }

  /**
   * The SLO from an error ratio the metric source computed itself (a raw ratio SLI), without event counts: the same
   * attainment, budget remaining and burn rate as {@link #ofCounts} would give for those counts, but {@code total} and
   * {@code bad} are 0, so the SLO adds nothing to {@link #pooledAttainment} (a ratio cannot be weighed by its events).
   *
   * @param target objective in (0, 1), e.g. 0.999
   * @param errorRatio the share of bad events in [0, 1]; NaN when the query had no data
   * @return attainment, error ratio, budget remaining and burn rate; all four empty when {@code errorRatio} is NaN
   * @throws IllegalArgumentException if {@code target} is outside (0, 1) or the ratio is outside [0, 1]
   */
  public static SloResult ofErrorRatio(double target, double errorRatio) {
    checkTarget(target);
    if (Double.isNaN(errorRatio)) {
      OptionalDouble none = OptionalDouble.empty();
      return new SloResult(target, 0, 0, none, none, none, none);
    }
    if (errorRatio < 0 || errorRatio > 1) {
      throw new IllegalArgumentException("an error ratio must be in [0, 1], was " + errorRatio);
    }
    double budget = 1 - target;
    return new SloResult(target, 0, 0, OptionalDouble.of(1 - errorRatio), OptionalDouble.of(errorRatio),
        OptionalDouble.of((budget - errorRatio) / budget), OptionalDouble.of(errorRatio / budget));
  }

  /**
   * Time-slice attainment: the share of slices (e.g. minutes or hours) whose own good ratio meets the
   * target. Slices without events are skipped, not counted as good.
   *
   * @param target objective in (0, 1) each slice's good ratio must meet
   * @param totals events per slice
   * @param bads bad events per slice, same length
   * @return the share of slices with events that meet the target, in [0, 1]; empty when no slice has events
   * @throws IllegalArgumentException if {@code target} is outside (0, 1) or the arrays differ in length
   */
  public static OptionalDouble timeSliceAttainment(double target, long[] totals, long[] bads) {
    checkTarget(target);
    if (totals.length != bads.length) {
      throw new IllegalArgumentException("totals and bads differ in length");
    }
    int slices = 0;
    int good = 0;
    for (int i = 0; i < totals.length; i++) {
      if (totals[i] == 0) {
        continue;
      }
      slices++;
      if (1 - (double) bads[i] / totals[i] >= target) {
        good++;
      }
    }
    return slices == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) good / slices);
  }

  /**
   * How many of {@code results} have data and meet their own target ({@link SloResult#met()}).
   *
   * @param results the SLO results
   * @return the number of results that meet their target
   */
  public static long met(java.util.List<SloResult> results) {
    return results.stream().filter(SloResult::met).count();
  }

  /**
   * Attainment pooled over several SLOs: Σ (events − bad events) / Σ events, summed first, then divided (not a mean
   * of the per-SLO ratios, which would weigh a service with ten requests like one with ten million). Empty when no
   * SLO has events. Each SLO's own target is not part of this number; {@link #met} counts against the targets.
   *
   * @param results the SLO results to pool
   * @return the pooled good ratio in [0, 1], or empty when the results hold no events
   * @throws ArithmeticException if the summed event counts overflow a {@code long}
   */
  public static OptionalDouble pooledAttainment(java.util.List<SloResult> results) {
    long total = 0;
    long bad = 0;
    for (SloResult r : results) {
      total = Math.addExact(total, r.total());
      bad = Math.addExact(bad, r.bad());
    }
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (total - bad) / total);
  }

  /**
   * The evidence line of an SLO: "name: N events, M bad, target T%", the counts it was computed from; for an SLO from
   * a ratio ({@link #ofErrorRatio}), "name: error ratio R% (a ratio query, no event counts), target T%".
   *
   * @param name the SLO's name, printed first
   * @param r the SLO's result
   * @return the line, formatted with {@link java.util.Locale#ROOT}
   */
  public static String evidence(String name, SloResult r) {
    if (r.total() == 0 && r.errorRatio().isPresent()) {
      return String.format(java.util.Locale.ROOT, "%s: error ratio %s%% (a ratio query, no event counts), target %s%%",
          name, io.companyos.model.slo.SloSpec.percent(r.errorRatio().getAsDouble()),
          io.companyos.model.slo.SloSpec.percent(r.target()));
    }
    return String.format(java.util.Locale.ROOT, "%s: %d events, %d bad, target %s%%", name, r.total(), r.bad(),
        io.companyos.model.slo.SloSpec.percent(r.target()));
  }

  static void checkTarget(double target) {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("SLO target must be in (0, 1), was " + target);
    }
  }
}
