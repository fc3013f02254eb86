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
 * seasonal term (the mean residual of each weekday), fitted without one-off days, summed over the forecast days, with
 * a 95% interval from a residual bootstrap that includes the trend's own uncertainty
 * ({@link #forecast(double[], LocalDate, LocalDate, LocalDate)}); {@link #backtest} measures both on a history.
 *
 * <p>The input series ({@link #dailyTotals}) is the FOCUS {@code EffectiveCost} per calendar day of
 * {@code ChargePeriodStart} in the company's zone. The trend ({@link #forecast(List, ZoneId, YearMonth)}) reads
 * it from the first to the last day with rows, a day without rows counting as 0; the average
 * ({@link #average}) is the mean of the days with rows times the days of the forecast month.
 */
public final class CostForecast {
  private CostForecast() {}

  /**
   * A forecast total with its 95% interval, in the currency of the costs.
   *
   * @param total the forecast total over the horizon, each day's forecast at least 0
   * @param low the interval's lower bound (2.5th percentile of the bootstrap totals, at most {@code total}, ≥ 0)
   * @param high the interval's upper bound (97.5th percentile, at least {@code total})
   * @param historyDays the days of history the line was fitted to
   * @param horizonDays the days forecast
   * @param excludedDays the one-off days left out of the fit, oldest first
   */
  public record Forecast(double total, double low, double high, int historyDays, int horizonDays, List<LocalDate> excludedDays) {
    /**
     * Copies the excluded days, which are unmodifiable afterwards.
     *
     * @param total the forecast total over the horizon, each day's forecast at least 0
     * @param low the interval's lower bound (2.5th percentile of the bootstrap totals, at most {@code total}, ≥ 0)
     * @param high the interval's upper bound (97.5th percentile, at least {@code total})
     * @param historyDays the days of history the line was fitted to
     * @param horizonDays the days forecast
     * @param excludedDays the one-off days left out of the fit
     */
    public Forecast {
      excludedDays = List.copyOf(excludedDays);
    }

    /**
     * A forecast that left no day out.
     *
     * @param total the forecast total over the horizon, each day's forecast at least 0
     * @param low the interval's lower bound (2.5th percentile of the bootstrap totals, at most {@code total}, ≥ 0)
     * @param high the interval's upper bound (97.5th percentile, at least {@code total})
     * @param historyDays the days of history the line was fitted to
     * @param horizonDays the days forecast
     */
    public Forecast(double total, double low, double high, int historyDays, int horizonDays) {
      this(total, low, high, historyDays, horizonDays, List.of());
    }
  }

  /**
   * An average forecast: {@code dailyMean × horizonDays}, from {@code historyDays} days with cost.
   *
   * @param total {@code dailyMean × horizonDays}
   * @param dailyMean the mean cost of the days with rows
   * @param historyDays the days with rows
   * @param horizonDays the days forecast
   */
  public record Average(double total, double dailyMean, int historyDays, int horizonDays) {}

  /**
   * The month to forecast as of {@code day}.
   *
   * @param day the day the forecast is made on
   * @return the calendar month after it
   */
  public static YearMonth nextMonth(LocalDate day) {
    return YearMonth.from(day).plusMonths(1);
  }

  /**
   * Effective cost per day of {@code ChargePeriodStart} in {@code zone}, days in order; only days with rows. Each
   * day's amounts are added in row order.
   *
   * @param rows the FOCUS cost rows
   * @param zone the time zone of the calendar days
   * @return day → summed {@code EffectiveCost}, days in order
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
   *
   * @param rows the FOCUS cost rows of the history
   * @param zone the time zone of the calendar days
   * @param month the month to forecast, after the history
   * @return the forecast of the month's cost, or empty
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
   *
   * @param rows the FOCUS cost rows of the history
   * @param zone the time zone of the calendar days
   * @param month the month to forecast
   * @return the average forecast, or empty for no rows
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
   * One month of a backtest: the forecast made at the month's start against what was spent.
   *
   * @param month the month forecast
   * @param forecast the trend forecast, with its interval {@code low} to {@code high}
   * @param low the interval's lower bound
   * @param high the interval's upper bound
   * @param actual the month's effective cost
   */
  public record BacktestMonth(YearMonth month, double forecast, double low, double high, double actual) {
    /**
     * Whether the actual spend lies in the 95% interval.
     *
     * @return true when {@code low ≤ actual ≤ high}
     */
    public boolean covered() {
      return actual >= low && actual <= high;
    }

    /**
     * The forecast's absolute error relative to the actual spend.
     *
     * @return {@code |forecast − actual| / actual × 100}, in percent
     */
    public double absolutePercentError() {
      return Math.abs(forecast - actual) / actual * 100;
    }
  }

  /**
   * A backtest: the months, their mean absolute percentage error (MAPE) and the share of months whose spend the 95%
   * interval held (coverage; 0.95 is the goal).
   *
   * @param months the months tested, oldest first
   * @param mape the mean of their absolute percentage errors, in percent
   * @param coverage the share of months whose spend lay in the interval, in [0, 1]
   */
  public record Backtest(List<BacktestMonth> months, double mape, double coverage) {
    /**
     * Copies the months, which are unmodifiable afterwards.
     *
     * @param months the months tested
     * @param mape the mean absolute percentage error
     * @param coverage the share of months covered
     */
    public Backtest {
      months = List.copyOf(months);
    }
  }

  /**
   * A rolling-origin backtest of the trend forecast: for every calendar month of the rows' history that is complete and
   * has {@code historyDays} of history before it, the forecast from those days (as the FinOps review makes it on the
   * month's first day) against the month's spend. Empty when no month qualifies.
   *
   * @param rows the FOCUS cost rows of the history
   * @param zone the time zone of the calendar days
   * @param historyDays the days of history each forecast is made from
   * @return the backtest; empty when no month qualifies (months without spend are skipped)
   */
  public static Optional<Backtest> backtest(List<CostRow> rows, ZoneId zone, int historyDays) {
    SortedMap<LocalDate, Double> daily = dailyTotals(rows, zone);
    if (daily.isEmpty()) {
      return Optional.empty();
    }
    LocalDate first = daily.firstKey();
    LocalDate last = daily.lastKey();
    List<BacktestMonth> months = new java.util.ArrayList<>();
    for (YearMonth m = YearMonth.from(first.plusDays(historyDays)); !m.atEndOfMonth().isAfter(last); m = m.plusMonths(1)) {
      LocalDate start = m.atDay(1);
      LocalDate from = start.minusDays(historyDays);
      if (from.isBefore(first)) {
        continue;
      }
      double[] history = new double[historyDays];
      for (int i = 0; i < historyDays; i++) {
        history[i] = daily.getOrDefault(from.plusDays(i), 0.0);
      }
      double actual = daily.subMap(start, m.atEndOfMonth().plusDays(1)).values().stream().mapToDouble(Double::doubleValue).sum();
      if (actual <= 0) {
        continue;
      }
      YearMonth month = m;
      forecast(history, from, start, m.atEndOfMonth())
          .ifPresent(f -> months.add(new BacktestMonth(month, f.total(), f.low(), f.high(), actual)));
    }
    if (months.isEmpty()) {
      return Optional.empty();
    }
    double mape = months.stream().mapToDouble(BacktestMonth::absolutePercentError).average().orElseThrow();
    double coverage = (double) months.stream().filter(BacktestMonth::covered).count() / months.size();
    return Optional.of(new Backtest(months, mape, coverage));
  }

  /** Robust z-score above which a day is a one-off, left out of the fit: 5 scaled median absolute deviations. */
  public static final double ONE_OFF_Z = 5;
  /** Bootstrap resamples behind the interval. */
  public static final int RESAMPLES = 999;
  /** The seed of the bootstrap's draws: the same history always gives the same interval. */
  private static final long SEED = 0x5EED_C057L;

  /**
   * Forecasts the days from {@code horizonStart} to {@code horizonEnd} from the daily history: a least-squares line plus
   * the mean residual of each weekday, fitted once, then again without the one-off days (residual more than
   * {@link #ONE_OFF_Z} scaled MADs from the median residual, either direction: a spike or an outage is not the trend),
   * which are named in the result. The 95% interval comes from a residual bootstrap (Efron and Tibshirani, "An
   * Introduction to the Bootstrap", 1993, ch. 9; Hyndman and Athanasopoulos, "Forecasting: Principles and Practice",
   * 3rd ed., 5.5): {@link #RESAMPLES} series of fitted values plus resampled residuals are refitted and forecast, each
   * with resampled residuals added to the forecast days, so the interval holds both the day-to-day noise and the
   * uncertainty of the trend itself; it is the 2.5th to 97.5th percentile of those totals. Draws are seeded, so the
   * same history gives the same interval.
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
    int[] dow = new int[n];
    for (int i = 0; i < n; i++) {
      dow[i] = firstDay.plusDays(i).getDayOfWeek().getValue() - 1;
    }
    boolean[] kept = new boolean[n];
    java.util.Arrays.fill(kept, true);
    // One day at a time, the most extreme first, refitting after each: a spike left in would pull the weekday term of its
    // weekday, making the other days of that weekday look odd too.
    List<LocalDate> excluded = new java.util.ArrayList<>();
    Fit fit = Fit.of(daily, dow, kept);
    while (excluded.size() < n / 10) {
      double[] r = fit.residuals(daily, dow);
      double[] keptResiduals = new double[n - excluded.size()];
      for (int i = 0, k = 0; i < n; i++) {
        if (kept[i]) {
          keptResiduals[k++] = r[i];
        }
      }
      double median = io.companyos.scoring.Percentiles.median(keptResiduals).orElse(0);
      double[] dev = new double[keptResiduals.length];
      int worst = -1;
      for (int i = 0, k = 0; i < n; i++) {
        if (kept[i]) {
          dev[k++] = Math.abs(r[i] - median);
          if (worst < 0 || Math.abs(r[i] - median) > Math.abs(r[worst] - median)) {
            worst = i;
          }
        }
      }
      double mad = 1.4826 * io.companyos.scoring.Percentiles.median(dev).orElse(0);
      if (mad <= 0 || Math.abs(r[worst] - median) <= ONE_OFF_Z * mad) {
        break;
      }
      kept[worst] = false;
      excluded.add(firstDay.plusDays(worst));
      fit = Fit.of(daily, dow, kept);
    }
    java.util.Collections.sort(excluded);
    int h = (int) ChronoUnit.DAYS.between(horizonStart, horizonEnd) + 1;
    long x0 = ChronoUnit.DAYS.between(firstDay, horizonStart);
    int dow0 = horizonStart.getDayOfWeek().getValue() - 1;
    double total = fit.total(x0, dow0, h);
    // The residuals of the kept days, and the fitted values the resampled series are built on.
    double[] fitted = new double[n];
    double[] pool = new double[n - excluded.size()];
    double[] resid = fit.residuals(daily, dow);
    for (int i = 0, k = 0; i < n; i++) {
      fitted[i] = fit.at(i, dow[i]);
      if (kept[i]) {
        pool[k++] = resid[i];
      }
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
    double[] totals = new double[RESAMPLES];
    double[] series = new double[n];
    for (int b = 0; b < RESAMPLES; b++) {
      for (int i = 0; i < n; i++) {
        series[i] = fitted[i] + pool[random.nextInt(pool.length)];
      }
      Fit again = Fit.of(series, dow, kept);
      double sum = 0;
      for (int d = 0; d < h; d++) {
        sum += Math.max(0, again.at(x0 + d, (dow0 + d) % 7) + pool[random.nextInt(pool.length)]);
      }
      totals[b] = sum;
    }
    java.util.Arrays.sort(totals);
    double low = Math.min(total, totals[(int) Math.floor(0.025 * (RESAMPLES + 1)) - 1]);
    double high = Math.max(total, totals[(int) Math.ceil(0.975 * (RESAMPLES + 1)) - 1]);
    return java.util.Optional.of(new Forecast(total, Math.max(0, low), high, n, h, List.copyOf(excluded)));
  }

  /** A line plus a weekday term fitted to the kept days. */
  private record Fit(double intercept, double slope, double[] season) {
    static Fit of(double[] y, int[] dow, boolean[] kept) {
      double m = 0;
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      for (int i = 0; i < y.length; i++) {
        if (kept[i]) {
          m++;
          sx += i;
          sy += y[i];
          sxx += (double) i * i;
          sxy += i * y[i];
        }
      }
      double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
      double intercept = (sy - slope * sx) / m;
      double[] season = new double[7];
      int[] counts = new int[7];
      for (int i = 0; i < y.length; i++) {
        if (kept[i]) {
          season[dow[i]] += y[i] - (intercept + slope * i);
          counts[dow[i]]++;
        }
      }
      for (int d = 0; d < 7; d++) {
        season[d] = counts[d] == 0 ? 0 : season[d] / counts[d];
      }
      return new Fit(intercept, slope, season);
    }

    double at(long x, int dow) {
      return intercept + slope * x + season[dow];
    }

    double[] residuals(double[] y, int[] dow) {
      double[] r = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        r[i] = y[i] - at(i, dow[i]);
      }
      return r;
    }

    /** The forecast of {@code h} days from day {@code x0} (weekday {@code dow0}), each day at least 0. */
    double total(long x0, int dow0, int h) {
      double total = 0;
      for (int d = 0; d < h; d++) {
        total += Math.max(0, at(x0 + d, (dow0 + d) % 7));
      }
      return total;
    }
  }
}
