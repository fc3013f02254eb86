package io.companyos.scoring.recommend;

import io.companyos.scoring.Direction;
import io.companyos.scoring.Percentiles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Wins ranked by evidence: key results achieved or ahead of plan, KPIs that moved beyond their noise band in the good
 * direction, SLOs met with error budget to spare. Each qualifying fact gets a strength in (0, 1], how far past its bar
 * it is on a common scale, and the top ones are shown: up to a limit, never padded with facts that do not qualify.
 * <ul>
 *   <li>Key result: achieved (progress ≥ 1) has strength 1; ahead of plan means progress − elapsed share of the quarter
 *       ≥ {@link #KR_AHEAD_MARGIN}, with strength (progress − elapsed) / (1 − elapsed), the share of the remaining plan
 *       already done.
 *   <li>KPI: robust z = (current − median(history)) / (1.4826 × MAD(history)) (the MAD scaled to a standard deviation
 *       for normal data; Rousseeuw and Croux 1993). Beyond the noise band when z ≥ {@link #NOISE_BAND_Z} in the good
 *       direction; strength 1 − k / |z|. A history without spread (MAD 0) or shorter than {@link #MIN_HISTORY} has no
 *       noise band and makes no win.
 *   <li>SLO: attainment ≥ target and error budget remaining ≥ {@link #SLO_BUDGET_SPARE}; strength is the remaining share.
 * </ul>
 */
public final class Wins {
  /** Progress ahead of the elapsed share of the quarter that makes a key result a win. */
  public static final double KR_AHEAD_MARGIN = 0.1;
  /** Robust z-score beyond which a KPI move is more than noise. */
  public static final double NOISE_BAND_Z = 2;
  /** Earlier values a KPI needs for a noise band. */
  public static final int MIN_HISTORY = 4;
  /** Error budget left (share) that makes a met SLO a win. */
  public static final double SLO_BUDGET_SPARE = 0.5;

  private Wins() {}

  /**
   * One qualifying fact: its sentence and its strength.
   *
   * @param kind {@code key result}, {@code kpi} or {@code slo}
   * @param text the sentence a pack shows
   * @param strength how strong the win is, in (0, 1]
   */
  public record Win(String kind, String text, double strength) {}

  /**
   * A key result win: achieved, or ahead of plan by at least {@link #KR_AHEAD_MARGIN}.
   *
   * @param id the key result's id
   * @param title the key result as written
   * @param progress its progress, 1 = target reached
   * @param elapsed share of the quarter that has passed, in [0, 1] (clamped)
   * @return the win, or empty
   */
  public static Optional<Win> keyResult(String id, String title, double progress, double elapsed) {
    double e = Math.max(0, Math.min(1, elapsed));
    if (progress >= 1) {
      return Optional.of(new Win("key result", String.format(java.util.Locale.ROOT, "%s achieved: %s (%.0f%% of target)", id, title,
          progress * 100), 1));
    }
    if (progress - e >= KR_AHEAD_MARGIN && e < 1) {
      return Optional.of(new Win("key result", String.format(java.util.Locale.ROOT,
          "%s ahead of plan: %s (%.0f%% of target with %.0f%% of the quarter gone)", id, title, progress * 100, e * 100),
          (progress - e) / (1 - e)));
    }
    return Optional.empty();
  }

  /**
   * A KPI that moved beyond its noise band in the good direction.
   *
   * @param name the KPI's name, as packs show it
   * @param current its value in the current period
   * @param history its values in earlier periods, at least {@link #MIN_HISTORY} of them
   * @param good which direction is good; a neutral KPI makes no win
   * @param unitText the unit written after each value, e.g. {@code %}
   * @return the win, or empty
   */
  public static Optional<Win> kpi(String name, double current, double[] history, Direction good, String unitText) {
    if (good == Direction.NEUTRAL || history.length < MIN_HISTORY) {
      return Optional.empty();
    }
    double median = Percentiles.median(history).orElseThrow();
    double[] dev = new double[history.length];
    for (int i = 0; i < history.length; i++) {
      dev[i] = Math.abs(history[i] - median);
    }
    double sd = 1.4826 * Percentiles.median(dev).orElseThrow();
    if (!(sd > 0)) {
      return Optional.empty();
    }
    double z = (current - median) / sd;
    double goodZ = good == Direction.HIGHER_IS_BETTER ? z : -z;
    if (goodZ < NOISE_BAND_Z) {
      return Optional.empty();
    }
    return Optional.of(new Win("kpi", String.format(java.util.Locale.ROOT,
        "%s %s to %s%s, %.1f noise bands beyond its usual %s%s (robust z over the %d periods before)", name,
        current > median ? "up" : "down", ReliabilityRules.fmt(current), unitText, goodZ, ReliabilityRules.fmt(median), unitText,
        history.length), 1 - NOISE_BAND_Z / goodZ));
  }

  /**
   * An SLO met with at least {@link #SLO_BUDGET_SPARE} of its error budget to spare.
   *
   * @param service the service
   * @param attainment its attainment, ratio
   * @param target its objective, ratio
   * @param budgetRemaining the share of the error budget left
   * @return the win, or empty
   */
  public static Optional<Win> slo(String service, double attainment, double target, double budgetRemaining) {
    if (attainment < target || budgetRemaining < SLO_BUDGET_SPARE) {
      return Optional.empty();
    }
    return Optional.of(new Win("slo", String.format(java.util.Locale.ROOT,
        "%s met its %s%% SLO (%s%%) with %.0f%% of its error budget to spare", service, ReliabilityRules.fmt(target * 100),
        ReliabilityRules.fmt(attainment * 100), budgetRemaining * 100), Math.min(1, budgetRemaining)));
  }

  /**
   * The strongest wins.
   *
   * @param candidates the wins found
   * @param limit how many at most
   * @return strongest first (ties: key results, then KPIs, then SLOs, then by text), at most {@code limit}
   */
  public static List<Win> top(List<Win> candidates, int limit) {
    List<String> order = List.of("key result", "kpi", "slo");
    return candidates.stream().sorted(Comparator.comparingDouble((Win w) -> -w.strength())
        .thenComparing(w -> order.indexOf(w.kind())).thenComparing(Win::text)).limit(limit).toList();
  }
}
