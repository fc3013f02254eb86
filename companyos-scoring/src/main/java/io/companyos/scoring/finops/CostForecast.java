package io.companyos.scoring.finops;

import io.companyos.model.data.CostRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Next-period cost forecast: an ordinary least-squares line through daily cost plus a weekly
 * seasonal term (the mean residual of each weekday), summed over the forecast days. The 95% prediction
 * interval is {@code ± 1.96 × σ × √h}, with σ the standard deviation of the residuals after the weekly
 * term and h the number of forecast days (residuals treated as independent: a simple, stated method).
 *
 * <p>The input series ({@link #dailyTotals}) is the FOCUS {@code EffectiveCost} per calendar day of
 * {@code ChargePeriodStart} in the company's zone. The trend ({@link #forecast(List, ZoneId, YearMonth)}) reads
 * it from the first to the last day with rows, a day without rows counting as 0; the average
 * ({@link #average}) is the mean of the days with rows times the days of the forecast month.
 */
public final class CostForecast {
  private CostForecast() {}

  /** A forecast total with its 95% interval. */
  public record Forecast(double total, double low, double high, int historyDays, int horizonDays) {}

  /** An average forecast: {@code dailyMean × horizonDays}, from {@code historyDays} days with cost. */
  public record Average(double total, double dailyMean, int historyDays, int horizonDays) {}

  /** The month to forecast as of {@code day}: the calendar month after it. */
  public static YearMonth nextMonth(LocalDate day) {
    return YearMonth.from(day).plusMonths(1);
  }

  /**
   * Effective cost per day of {@code ChargePeriodStart} in {@code zone}, days in order; only days with rows. Each
   * day's amounts are added in row order.
   */
  public static SortedMap<LocalDate, Double> dailyTotals(List<CostRow> rows, ZoneId zone) {
    SortedMap<LocalDate, Double> daily = new TreeMap<>();
    rows.forEach(r -> daily.merge(r.chargePeriodStart().atZone(zone).toLocalDate(), r.effectiveCost().doubleValue(), Double::sum));
    return daily;
  }

  /**
   * The trend forecast ({@link #forecast(double[], LocalDate, LocalDate, LocalDate)}) of {@code month} from the
   * daily totals of {@code rows}, from their first to their last day, days without rows as 0. Empty with fewer
   * than 14 such days (and for no rows).
   */
  public static Optional<Forecast> forecast(List<CostRow> rows, ZoneId zone, YearMonth month) {
    SortedMap<LocalDate, Double> daily = dailyTotals(rows, zone);
    if (daily.isEmpty()) {
      return Optional.empty();
    }
    LocalDate first = daily.firstKey();
    int n = (int) ChronoUnit.DAYS.between(first, daily.lastKey()) + 1;
    double[] values = new double[n];
    for (Map.Entry<LocalDate, Double> e : daily.entrySet()) {
      values[(int) ChronoUnit.DAYS.between(first, e.getKey())] = e.getValue();
    }
    return forecast(values, first, month.atDay(1), month.atEndOfMonth());
  }

  /**
   * The average forecast of {@code month}: the mean of the daily totals of {@code rows} (days with rows only)
   * times the days of {@code month}. Empty for no rows.
   */
  public static Optional<Average> average(List<CostRow> rows, ZoneId zone, YearMonth month) {
    double[] values = dailyTotals(rows, zone).values().stream().mapToDouble(Double::doubleValue).toArray();
    if (values.length == 0) {
      return Optional.empty();
    }
    double mean = io.companyos.scoring.Percentiles.mean(values).getAsDouble();
    return Optional.of(new Average(mean * month.lengthOfMonth(), mean, values.length, month.lengthOfMonth()));
  }

  /**
   * Forecasts the days from {@code horizonStart} to {@code horizonEnd} from the daily history.
   *
   * @param daily cost per day, oldest first, with {@code daily[i]} the cost of {@code firstDay + i}
   * @param firstDay the day of {@code daily[0]}
   * @param horizonStart first day to forecast (inclusive), after the history
   * @param horizonEnd last day to forecast (inclusive)
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
