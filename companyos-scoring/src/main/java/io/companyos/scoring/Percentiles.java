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
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return OptionalDouble.of(sortedCont(sorted, p));
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
