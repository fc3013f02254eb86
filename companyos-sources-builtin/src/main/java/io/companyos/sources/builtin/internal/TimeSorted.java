package io.companyos.sources.builtin.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Binary search over rows sorted by time: the rows of a window are found in O(log n + k) instead of a
 * scan of the whole history.
 */
public final class TimeSorted {
  private TimeSorted() {}

  /** The rows with {@code from <= time < to}, as a view of {@code sorted}. */
  public static <T> List<T> between(List<T> sorted, Function<? super T, Instant> time, Instant from, Instant to) {
    int lo = firstAtOrAfter(sorted, time, from);
    int hi = firstAtOrAfter(sorted, time, to);
    return sorted.subList(lo, Math.max(lo, hi));
  }

  /** The rows with {@code from <= time <= to}, as a view of {@code sorted}. */
  public static <T> List<T> betweenInclusive(List<T> sorted, Function<? super T, Instant> time, Instant from, Instant to) {
    int lo = firstAtOrAfter(sorted, time, from);
    int hi = firstAfter(sorted, time, to);
    return sorted.subList(lo, Math.max(lo, hi));
  }

  /** The index of the first row whose time is not before {@code t} (the size when there is none). */
  static <T> int firstAtOrAfter(List<T> sorted, Function<? super T, Instant> time, Instant t) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time.apply(sorted.get(mid)).isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the first row whose time is after {@code t} (the size when there is none). */
  static <T> int firstAfter(List<T> sorted, Function<? super T, Instant> time, Instant t) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time.apply(sorted.get(mid)).isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
