package io.companyos.render.internal;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Small shared computations over source rows: window lengths, per-label sums, date formatting. */
final class Rows {
  /** How far back "currently open" things (incidents, vulnerabilities, pull requests) are looked for. */
  static final Duration OPEN_HISTORY = Duration.ofDays(365);

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Rows() {}

  /** Length of {@code w} in days (fractional). */
  static double days(TimeWindow w) {
    return w.length().toSeconds() / 86400.0;
  }

  /** The window of {@link #OPEN_HISTORY} ending at {@code end}. */
  static TimeWindow history(Instant end) {
    return TimeWindow.ending(end, OPEN_HISTORY);
  }

  /** {@code t} as "yyyy-MM-dd HH:mm" in {@code zone}. */
  static String dateTime(Instant t, ZoneId zone) {
    return DATE_TIME.format(t.atZone(zone));
  }

  /** {@code t} as an ISO date in {@code zone}. */
  static String date(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalDate().toString();
  }

  /**
   * Sum of every point of each series, keyed by the value of {@code label} (sorted). The finite values are added as exact
   * decimals (each its shortest decimal; {@code ExactSum}) and turned into a double once, so the sum does not depend on the order of the
   * series or points, and equals the sum the scoring library's {@code MetricPointSlos} and the Spark module compute; a
   * value that is not finite (NaN, ±∞) is added as a double, as it always was.
   */
  static Map<String, Double> sumBy(Dataset<Series> data, String label) {
    Map<String, io.companyos.scoring.series.ExactSum> sums = new TreeMap<>();
    for (Series s : data.rows()) {
      io.companyos.scoring.series.ExactSum sum = sums.computeIfAbsent(s.labels().getOrDefault(label, ""),
          k -> new io.companyos.scoring.series.ExactSum());
      for (Series.Point p : s.points()) {
        sum.add(p.value());
      }
    }
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((key, sum) -> out.put(key, sum.doubleValue()));
    return out;
  }

  /** The latest point of each series, keyed by the value of {@code label} (sorted). */
  static Map<String, Double> lastBy(Dataset<Series> data, String label) {
    Map<String, Double> out = new TreeMap<>();
    for (Series s : data.rows()) {
      if (!s.points().isEmpty()) {
        out.put(s.labels().getOrDefault(label, ""), s.points().get(s.points().size() - 1).value());
      }
    }
    return out;
  }

  /** The latest point over all series, or null when there is none. */
  static Double last(Dataset<Series> data) {
    Series.Point best = null;
    for (Series s : data.rows()) {
      for (Series.Point p : s.points()) {
        if (best == null || !p.timestamp().isBefore(best.timestamp())) {
          best = p;
        }
      }
    }
    return best == null ? null : best.value();
  }

  /**
   * Per-day totals of {@code weight} over the rows, one entry per calendar day of {@code w} in
   * {@code zone} (days without rows are 0), oldest first; for sparklines.
   */
  static <T> java.util.List<Double> daily(java.util.List<T> rows, java.util.function.Function<T, Instant> time,
      java.util.function.ToDoubleFunction<T> weight, TimeWindow w, ZoneId zone) {
    java.time.LocalDate first = w.start().atZone(zone).toLocalDate();
    java.time.LocalDate last = w.end().minusNanos(1).atZone(zone).toLocalDate();
    int n = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
    if (w.isEmpty() || n > 400) {
      return java.util.List.of();
    }
    double[] sums = new double[n];
    for (T r : rows) {
      int i = (int) java.time.temporal.ChronoUnit.DAYS.between(first, time.apply(r).atZone(zone).toLocalDate());
      if (i >= 0 && i < n) {
        sums[i] += weight.applyAsDouble(r);
      }
    }
    java.util.List<Double> out = new java.util.ArrayList<>(n);
    for (double d : sums) {
      out.add(d);
    }
    return out;
  }
}
