package io.companyos.scoring.dora;

import java.util.Locale;

/**
 * The performance bands of one DORA report year. Since 2023 the fourth key is <em>failed deployment recovery
 * time</em>; 2024 added <em>deployment rework rate</em> (no bands published). The bands below are those of the
 * Accelerate State of DevOps reports 2023 and 2024 (the report PDFs are the primary source; the thresholds
 * were taken from a sponsor's summary of them).
 *
 * <ul>
 *   <li><b>Lead time</b> and <b>deployment frequency</b>: the same bounds both years (elite &lt; 1 day and on
 *       demand; high &lt; 1 week and daily to weekly; medium &lt; 1 month and weekly to monthly).
 *   <li><b>Change fail rate</b>: 2023 elite ≤ 5 %, high ≤ 10 %, medium ≤ 15 %, low above (low's cluster sat at
 *       64 %). 2024 published cluster values, not bounds, with high and medium inverted (elite 5 %, high 20 %,
 *       medium 10 %, low 40 %): a rate gets the level of the nearest cluster value, ties to the better level.
 *   <li><b>Recovery</b>: 2023 elite &lt; 1 hour, high &lt; 1 day, medium &lt; 1 week, low above. 2024 gave high
 *       and medium both "&lt; 1 day" and low "1 week to 1 month"; we keep medium up to 1 week so that a recovery
 *       between a day and a week is not called low, and say so in docs/scoring.md.
 * </ul>
 */
public enum DoraBenchmark {
  /** Accelerate State of DevOps 2023. */
  Y2023,
  /** Accelerate State of DevOps 2024 (the default: the newest). */
  Y2024;

  private static final double DAY = 24.0;

  /**
   * The newest benchmark, used when none is chosen.
   *
   * @return {@link #Y2024}
   */
  public static DoraBenchmark newest() {
    return Y2024;
  }

  /**
   * The report year.
   *
   * @return 2023 or 2024
   */
  public int year() {
    return this == Y2023 ? 2023 : 2024;
  }

  /**
   * The benchmark of a report year.
   *
   * @param year "2023" or "2024", surrounding blanks ignored
   * @return that year's benchmark
   * @throws IllegalArgumentException for any other year
   */
  public static DoraBenchmark ofYear(String year) {
    return switch (year.trim()) {
      case "2023" -> Y2023;
      case "2024" -> Y2024;
      default -> throw new IllegalArgumentException("no DORA benchmark for year '" + year + "' (2023 or 2024)");
    };
  }

  /**
   * Level by change fail rate: 2023 by its bounds, 2024 by the nearest cluster value (ties to the better level).
   *
   * @param rate the change fail rate in [0, 1]
   * @return the level
   */
  public DoraLevel changeFailureLevel(double rate) {
    if (this == Y2023) {
      return rate <= 0.05 ? DoraLevel.ELITE : rate <= 0.10 ? DoraLevel.HIGH : rate <= 0.15 ? DoraLevel.MEDIUM : DoraLevel.LOW;
    }
    DoraLevel best = DoraLevel.ELITE;
    double bestDistance = Math.abs(rate - 0.05);
    for (DoraLevel l : new DoraLevel[] {DoraLevel.HIGH, DoraLevel.MEDIUM, DoraLevel.LOW}) {
      double centroid = l == DoraLevel.HIGH ? 0.20 : l == DoraLevel.MEDIUM ? 0.10 : 0.40;
      double d = Math.abs(rate - centroid);
      if (d < bestDistance || (d == bestDistance && l.compareTo(best) > 0)) {
        best = l;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * Level by median failed deployment recovery time (or, for pooled MTTR, time to restore); the same bands both
   * years: elite &lt; 1 hour, high &lt; 1 day, medium &lt; 1 week, low otherwise.
   *
   * @param hours the median in hours
   * @return the level
   */
  public DoraLevel recoveryLevel(double hours) {
    if (hours < 1) {
      return DoraLevel.ELITE;
    }
    if (hours < DAY) {
      return DoraLevel.HIGH;
    }
    return hours < 7 * DAY ? DoraLevel.MEDIUM : DoraLevel.LOW;
  }

  @Override
  public String toString() {
    return "DORA " + year() + " benchmarks";
  }

  /**
   * The year as written in settings and reports.
   *
   * @return "2023" or "2024"
   */
  public String label() {
    return String.valueOf(year()).toLowerCase(Locale.ROOT);
  }
}
