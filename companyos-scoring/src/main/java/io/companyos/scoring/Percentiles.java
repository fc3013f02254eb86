package io.companyos.scoring;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Percentiles with linear interpolation between closest ranks, as SQL's {@code PERCENTILE_CONT}:
 * for sorted values {@code x[0..n-1]} and fraction {@code p}, the rank is {@code r = p × (n − 1)} and
 * the result {@code x[floor r] + (r − floor r) × (x[ceil r] − x[floor r])}. Empty input has no percentile.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The median ({@code p = 0.5}); the input array is not modified.
   *
   * @param values the values, in any order
   * @return the median, or empty for no values
   */
  public static OptionalDouble median(double[] values) {
    return cont(values, 0.5);
  }

  /**
   * The {@code p}-th percentile, {@code p} in [0, 1]; the input array is not modified.
   *
   * @param values the values, in any order
   * @param p the fraction, 0 = minimum, 0.5 = median, 1 = maximum
   * @return the interpolated percentile, or empty for no values
   * @throws IllegalArgumentException if {@code p} is NaN or outside [0, 1]
   */
  public static OptionalDouble cont(double[] values, double p) {
    if (p < 0 || p > 1 || Double.isNaN(p)) {
      throw new IllegalArgumentException("p must be in [0, 1], was " + p);
    }
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double[] a = values.clone();
    if (!ordinary(a)) {
      Arrays.sort(a); // NaN and -0.0 in Arrays.sort's order
      return OptionalDouble.of(sortedCont(a, p));
    }
    // The two values around the rank by selection, not a sort: the same result (each is the value a sort would put
    // there), in linear expected time.
    double rank = p * (a.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    double low = select(a, lo);
    double high = low;
    if (hi != lo) {
      high = a[hi];
      for (int i = hi + 1; i < a.length; i++) {
        high = Math.min(high, a[i]);
      }
    }
    return OptionalDouble.of(low + (rank - lo) * (high - low));
  }

  /** No NaN and no -0.0: values that {@code <} orders as {@link Arrays#sort(double[])} does. */
  private static boolean ordinary(double[] a) {
    for (double v : a) {
      if (v != v || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Rearranges {@code a} so that {@code a[k]} holds the value a sort would put there, every value before it is not
   * greater and every value after it is not smaller, and returns it (quickselect with a median-of-three pivot; a range
   * that does not shrink fast enough is sorted instead, so the worst case is a sort's).
   */
  private static double select(double[] a, int k) {
    int from = 0;
    int to = a.length - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
    while (to - from > 16) {
      if (budget-- == 0) {
        Arrays.sort(a, from, to + 1);
        return a[k];
      }
      int mid = (from + to) >>> 1;
      if (a[mid] < a[from]) {
        swap(a, mid, from);
      }
      if (a[to] < a[from]) {
        swap(a, to, from);
      }
      if (a[to] < a[mid]) {
        swap(a, to, mid);
      }
      double pivot = a[mid];
      int i = from;
      int j = to;
      while (i <= j) { // Hoare's partition: a[from..j] ≤ pivot ≤ a[i..to]
        while (a[i] < pivot) {
          i++;
        }
        while (pivot < a[j]) {
          j--;
        }
        if (i <= j) {
          swap(a, i++, j--);
        }
      }
      if (k <= j) {
        to = j;
      } else if (k >= i) {
        from = i;
      } else {
        return a[k]; // between the two parts: equal to the pivot
      }
    }
    Arrays.sort(a, from, to + 1);
    return a[k];
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * Like {@link #cont} for an already sorted array (no copy, no check of {@code p}).
   *
   * @param sorted the values in ascending order; must not be empty
   * @param p the fraction in [0, 1]
   * @return the interpolated percentile
   * @throws ArrayIndexOutOfBoundsException if {@code sorted} is empty
   */
  public static double sortedCont(double[] sorted, double p) {
    double rank = p * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The arithmetic mean.
   *
   * @param values the values
   * @return the mean, or empty for no values
   */
  public static OptionalDouble mean(double[] values) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return OptionalDouble.of(sum / values.length);
  }
}
