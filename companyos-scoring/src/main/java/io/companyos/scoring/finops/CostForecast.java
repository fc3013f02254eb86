package io.companyos.scoring.finops;

import java.time.LocalDate;

/**
 * Next-period cost forecast: an ordinary least-squares line through daily cost plus a weekly
 * seasonal term (the mean residual of each weekday), summed over the forecast days. The 95% prediction
 * interval is {@code ± 1.96 × σ × √h}, with σ the standard deviation of the residuals after the weekly
 * term and h the number of forecast days (residuals treated as independent: a simple, stated method).
 */
public final class CostForecast {
  private CostForecast() {}

  /** A forecast total with its 95% interval. */
  public record Forecast(double total, double low, double high, int historyDays, int horizonDays) {}

  /**
   * @param daily cost per day, oldest first, with {@code daily[i]} the cost of {@code firstDay + i}
   * @param horizon first and last day (inclusive) to forecast, after the history
   * @return empty with fewer than 14 days of history
   */
  public static java.util.Optional<Forecast> forecast(double[] daily, LocalDate firstDay, LocalDate horizonStart, LocalDate horizonEnd) {
    int n = daily.length;
    if (n < 14 || horizonEnd.isBefore(horizonStart)) {
      return java.util.Optional.empty();
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += i;
      sy += daily[i];
      sxx += (double) i * i;
      sxy += i * daily[i];
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    double[] season = new double[7];
    int[] counts = new int[7];
    for (int i = 0; i < n; i++) {
      int dow = firstDay.plusDays(i).getDayOfWeek().getValue() - 1;
      season[dow] += daily[i] - (intercept + slope * i);
      counts[dow]++;
    }
    for (int d = 0; d < 7; d++) {
      season[d] = counts[d] == 0 ? 0 : season[d] / counts[d];
    }
    double ss = 0;
    for (int i = 0; i < n; i++) {
      int dow = firstDay.plusDays(i).getDayOfWeek().getValue() - 1;
      double r = daily[i] - (intercept + slope * i + season[dow]);
      ss += r * r;
    }
    double sigma = Math.sqrt(ss / Math.max(1, n - 2));
    double total = 0;
    int h = 0;
    for (LocalDate d = horizonStart; !d.isAfter(horizonEnd); d = d.plusDays(1), h++) {
      long x = java.time.temporal.ChronoUnit.DAYS.between(firstDay, d);
      total += Math.max(0, intercept + slope * x + season[d.getDayOfWeek().getValue() - 1]);
    }
    double half = 1.96 * sigma * Math.sqrt(h);
    return java.util.Optional.of(new Forecast(total, Math.max(0, total - half), total + half, n, h));
  }
}
