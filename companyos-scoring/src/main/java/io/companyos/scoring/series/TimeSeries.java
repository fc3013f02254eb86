package io.companyos.scoring.series;

import java.util.Arrays;

/**
 * Values over time on primitive arrays (epoch milliseconds, ascending), the allocation-light form the
 * aggregations work on. The arrays are kept, not copied.
 *
 * @param times the points' times in epoch milliseconds, ascending
 * @param values the points' values, one per time
 */
public record TimeSeries(long[] times, double[] values) {
  /**
   * Checks the arrays.
   *
   * @param times the points' times in epoch milliseconds
   * @param values the points' values
   * @throws IllegalArgumentException if the lengths differ or the times are not ascending
   */
  public TimeSeries {
    if (times.length != values.length) {
      throw new IllegalArgumentException("times and values differ in length");
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException("times must be ascending (index " + i + ")");
      }
    }
  }

  /**
   * The number of points.
   *
   * @return the length of the arrays
   */
  public int size() {
    return times.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries t && Arrays.equals(times, t.times) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TimeSeries[" + times.length + " points]";
  }
}
