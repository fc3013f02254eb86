package io.companyos.sources.files;

import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts rows by their time, keeping rows of the same time in their order (as {@code List.sort} with a comparator of
 * times does): rows made of a few runs in time order (files appended one after another) by merging the runs, others by
 * a least-significant-digit radix sort of the times as nanoseconds since the epoch: a few passes over
 * two primitive arrays instead of a comparison sort that reads two rows' {@code Instant}s for each of its n log n
 * comparisons (most of the time of reading an export that is not in time order). The times are counted in the
 * coarsest unit they are all whole numbers of (seconds, milliseconds, microseconds or nanoseconds) from the earliest,
 * and sorted on only as many bits as the latest needs. Rows with a time that does not fit in a long of nanoseconds
 * (more than about 292 years from 1970) are sorted by the comparator instead.
 */
final class TimeOrder {
  /** The widest digit: 2,048 counters (8 KB) stay in the first-level cache. */
  private static final int MAX_DIGIT = 11;

  private TimeOrder() {}

  /** Sorts {@code rows} in place by {@link RecordKind#timeOf}, stable. */
  static <T> void sort(List<T> rows, RecordKind<T> kind) {
    int n = rows.size();
    long[] nanos = new long[n];
    try {
      for (int i = 0; i < n; i++) {
        Instant t = kind.timeOf(rows.get(i));
        nanos[i] = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
      }
    } catch (ArithmeticException e) {
      rows.sort(Comparator.comparing(kind::timeOf)); // beyond about 292 years from 1970 in nanoseconds
      return;
    }
    int[] order = orderOfNanos(nanos, n);
    List<T> before = new ArrayList<>(rows);
    for (int i = 0; i < n; i++) {
      rows.set(i, before.get(order[i]));
    }
  }

  /**
   * The positions of the first {@code size} times of {@code nanos} (nanoseconds since the epoch) in ascending order,
   * equal times in their order; counted in the coarsest unit they are all whole numbers of, from the earliest.
   */
  static int[] orderOfNanos(long[] nanos, int size) {
    int[] runs = runs(nanos, size);
    if (runs != null) {
      return mergeRuns(nanos, size, runs);
    }
    long unit = 1;
    for (long u : new long[] {1_000_000_000L, 1_000_000L, 1_000L}) {
      boolean whole = true;
      for (int i = 0; i < size && whole; i++) {
        whole = Math.floorMod(nanos[i], u) == 0;
      }
      if (whole) {
        unit = u;
        break;
      }
    }
    long[] keys = new long[size];
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      keys[i] = Math.floorDiv(nanos[i], unit);
      min = Math.min(min, keys[i]);
    }
    long range = 0;
    for (int i = 0; i < size; i++) {
      keys[i] -= min;
      range |= keys[i];
    }
    return order(keys, Long.SIZE - Long.numberOfLeadingZeros(range));
  }

  /** The most runs in time order that are merged rather than radix sorted: five passes of merges at most. */
  static final int MAX_RUNS = 32;

  /**
   * The starts of the runs of non-decreasing times in {@code nanos[0, size)}, then {@code size}; null when there are more
   * than {@link #MAX_RUNS} (an export made of a few files each in time order, one after another, has a run per file).
   */
  private static int @org.jspecify.annotations.Nullable [] runs(long[] nanos, int size) {
    int[] starts = new int[MAX_RUNS + 1];
    int count = 1;
    for (int i = 1; i < size; i++) {
      if (nanos[i] < nanos[i - 1]) {
        if (count == MAX_RUNS) {
          return null;
        }
        starts[count++] = i;
      }
    }
    starts[count] = size;
    return java.util.Arrays.copyOf(starts, count + 1);
  }

  /**
   * The positions of {@code nanos[0, size)} in ascending order, equal times in their order, by merging its runs two by
   * two (a stable merge: of equal times, the earlier run's first) until one is left; each pass reads and writes the
   * arrays in order, where a radix pass scatters.
   */
  private static int[] mergeRuns(long[] nanos, int size, int[] runs) {
    Passes p = new Passes(java.util.Arrays.copyOf(nanos, size));
    int count = runs.length - 1;
    while (count > 1) {
      long[] keys = p.keys; // locals: the loops below read no field
      long[] keysTo = p.keysTo;
      int[] order = p.order;
      int[] orderTo = p.orderTo;
      int[] merged = new int[(count + 1) / 2 + 1];
      int m = 0;
      for (int r = 0; r < count; r += 2) {
        int lo = runs[r];
        int mid = runs[r + 1];
        int hi = r + 2 <= count ? runs[r + 2] : mid;
        merged[m++] = lo;
        int i = lo;
        int j = mid;
        int at = lo;
        while (i < mid && j < hi) {
          if (keys[j] < keys[i]) {
            keysTo[at] = keys[j];
            orderTo[at++] = order[j++];
          } else {
            keysTo[at] = keys[i];
            orderTo[at++] = order[i++];
          }
        }
        System.arraycopy(keys, i, keysTo, at, mid - i);
        System.arraycopy(order, i, orderTo, at, mid - i);
        at += mid - i;
        System.arraycopy(keys, j, keysTo, at, hi - j);
        System.arraycopy(order, j, orderTo, at, hi - j);
      }
      merged[m] = size;
      runs = merged;
      count = m;
      p.swap();
    }
    return p.order;
  }

  /** Keys and their positions, and the arrays a pass writes them to; a pass ends by swapping the two. */
  private static final class Passes {
    long[] keys;
    long[] keysTo;
    int[] order;
    int[] orderTo;

    /** {@code keys} at their own positions. */
    Passes(long[] keys) {
      int n = keys.length;
      this.keys = keys;
      this.keysTo = new long[n];
      this.order = new int[n];
      this.orderTo = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
    }

    void swap() {
      long[] k = keys;
      keys = keysTo;
      keysTo = k;
      int[] o = order;
      order = orderTo;
      orderTo = o;
    }
  }

  /**
   * The positions of {@code keys} (unsigned, below 2<sup>bits</sup>) in ascending order, equal keys in their order,
   * by digits of at most {@value #MAX_DIGIT} bits from the lowest. {@code keys} is used as scratch space.
   */
  static int[] order(long[] keys, int bits) {
    Passes p = new Passes(keys);
    if (bits == 0) {
      return p.order;
    }
    int n = keys.length;
    int passes = (bits + MAX_DIGIT - 1) / MAX_DIGIT;
    int digit = (bits + passes - 1) / passes;
    int mask = (1 << digit) - 1;
    int[] counts = new int[1 << digit];
    for (int shift = 0; shift < bits; shift += digit) {
      long[] keysFrom = p.keys; // locals: the loops below read no field
      long[] keysTo = p.keysTo;
      int[] orderFrom = p.order;
      int[] orderTo = p.orderTo;
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) (keysFrom[i] >>> shift) & mask]++;
      }
      int start = 0;
      for (int b = 0; b < counts.length; b++) {
        int c = counts[b];
        counts[b] = start;
        start += c;
      }
      for (int i = 0; i < n; i++) {
        int at = counts[(int) (keysFrom[i] >>> shift) & mask]++;
        keysTo[at] = keysFrom[i];
        orderTo[at] = orderFrom[i];
      }
      p.swap();
    }
    return p.order;
  }
}
