package io.companyos.scoring.series;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates a series by reporting period (day, ISO week, sprint, month, quarter in a time zone) and
 * over rolling windows. One pass; a point's local date is computed only when it leaves the current day.
 * Periods without points are not emitted (no data is not 0).
 */
public final class PeriodAggregator {
  private PeriodAggregator() {}

  /**
   * One period's aggregate.
   *
   * @param period the reporting period
   * @param value the aggregate of its points
   * @param count the number of its points, ≥ 1
   */
  public record Bucket(Period period, double value, int count) {}

  /**
   * The aggregate of every period that has points.
   *
   * @param s the series
   * @param kind the kind of reporting period
   * @param zone the time zone that decides each point's local date
   * @param sprints the sprint calendar, used when {@code kind} is a sprint
   * @param agg how a period's points become one value
   * @return one bucket per period with points, in time order
   */
  public static List<Bucket> byPeriod(TimeSeries s, PeriodKind kind, ZoneId zone, SprintCalendar sprints, Aggregation agg) {
    List<Bucket> out = new ArrayList<>();
    long[] t = s.times();
    double[] v = s.values();
    Period current = null;
    long dayStart = Long.MAX_VALUE;
    long dayEnd = Long.MIN_VALUE;
    double acc = 0;
    int n = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] < dayStart || t[i] >= dayEnd) {
        // A new local day: find its bounds once, so the points of one day compare two longs only.
        LocalDate date = Instant.ofEpochMilli(t[i]).atZone(zone).toLocalDate();
        dayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (current == null || !current.contains(date)) {
          if (current != null) {
            out.add(new Bucket(current, finish(agg, acc, n), n));
          }
          current = Period.containing(kind, date, sprints);
          acc = start(agg);
          n = 0;
        }
      }
      acc = step(agg, acc, v[i]);
      n++;
    }
    if (current != null) {
      out.add(new Bucket(current, finish(agg, acc, n), n));
    }
    return out;
  }

  /**
   * The aggregate over {@code (t − window, t]} at every point {@code t}: O(n) for every aggregation
   * (two pointers; a monotonic deque for MIN and MAX).
   *
   * @param s the series
   * @param window the length of the window that ends at, and includes, each point
   * @param agg how the window's points become one value
   * @return one aggregate per point, in the order of the series
   */
  public static double[] rolling(TimeSeries s, Duration window, Aggregation agg) {
    long w = window.toMillis();
    long[] t = s.times();
    double[] v = s.values();
    double[] out = new double[t.length];
    int left = 0;
    double sum = 0;
    ArrayDeque<Integer> deque = new ArrayDeque<>();
    for (int i = 0; i < t.length; i++) {
      sum += v[i];
      if (agg == Aggregation.MIN || agg == Aggregation.MAX) {
        while (!deque.isEmpty() && (agg == Aggregation.MAX ? v[deque.peekLast()] <= v[i] : v[deque.peekLast()] >= v[i])) {
          deque.pollLast();
        }
        deque.addLast(i);
      }
      while (t[left] <= t[i] - w) {
        sum -= v[left];
        if (!deque.isEmpty() && deque.peekFirst() == left) {
          deque.pollFirst();
        }
        left++;
      }
      int count = i - left + 1;
      out[i] = switch (agg) {
        case SUM -> sum;
        case MEAN -> sum / count;
        case COUNT -> count;
        case LAST -> v[i];
        case MIN, MAX -> v[deque.peekFirst()];
      };
    }
    return out;
  }

  private static double start(Aggregation agg) {
    return switch (agg) {
      case MIN -> Double.POSITIVE_INFINITY;
      case MAX -> Double.NEGATIVE_INFINITY;
      default -> 0;
    };
  }

  private static double step(Aggregation agg, double acc, double x) {
    return switch (agg) {
      case SUM, MEAN -> acc + x;
      case MIN -> Math.min(acc, x);
      case MAX -> Math.max(acc, x);
      case COUNT -> acc + 1;
      case LAST -> x;
    };
  }

  private static double finish(Aggregation agg, double acc, int n) {
    return agg == Aggregation.MEAN ? acc / n : acc;
  }
}
