package io.companyos.scoring.anomaly;

import java.util.Arrays;

/**
 * A frozen copy of {@link RobustZScoreDetector} as it was before its sorted window was replaced by a blocked one
 * (one array shift per point, MAD by a binary search over the two sides of the median). The tests compare the
 * current detector's scores with this one's, bit for bit; never change it.
 */
final class ReferenceRobustZScoreDetector implements AnomalyDetector {
  private static final double C = 3.0;

  private final RobustZScoreDetector.Parameters p;

  /**
   * A detector with the given parameters.
   *
   * @param parameters the parameters, checked when they were made
   */
  ReferenceRobustZScoreDetector(RobustZScoreDetector.Parameters parameters) {
    this.p = parameters;
  }

  /**
   * The detector with {@link RobustZScoreDetector#DEFAULTS}.
   *
   * @return a new detector
   */
  static ReferenceRobustZScoreDetector defaults() {
    return new ReferenceRobustZScoreDetector(RobustZScoreDetector.DEFAULTS);
  }

  @Override
  public double[] scores(double[] values) {
    double[] out = new double[values.length];
    Stream stream = stream();
    for (int i = 0; i < values.length; i++) {
      out[i] = stream.next(values[i]);
    }
    return out;
  }

  /**
   * A detector for values that arrive one at a time (a live metric): {@link Stream#next} gives each value's
   * score as it comes, equal to the score {@link #scores} gives the same value in the whole series. Memory is
   * two windows of {@code window} values, whatever the length of the series.
   *
   * @return a new stream that has read no value
   */
  public Stream stream() {
    return new Stream(p);
  }

  /** The detector's state over a series read so far; not thread-safe. */
  public static final class Stream {
    private final RobustZScoreDetector.Parameters p;
    private final SlidingWindow level;
    private final SlidingWindow change;
    private final double[] recent;
    private long count;
    private double previous;
    private double alarm;
    private int alarmLeft;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private double shortSum;

    Stream(RobustZScoreDetector.Parameters p) {
      this.p = p;
      this.level = new SlidingWindow(p.window());
      this.change = new SlidingWindow(p.window());
      this.recent = new double[p.shortWindow()];
    }

    /**
     * Reads the next value of the series.
     *
     * @param x the value
     * @return its score in [0, 1): 0 for the first {@code minHistory} values and while an alarm is suppressed
     */
    public double next(double x) {
      int k = p.shortWindow();
      int slot = (int) (count % k);
      shortSum += x - (count >= k ? recent[slot] : 0);
      recent[slot] = x;
      double raw = 0;
      if (level.size() >= p.minHistory()) {
        double z = level.distance(x);
        if (change.size() >= p.minHistory()) {
          z = Math.max(z, change.distance(x - previous));
        }
        if (k > 1 && count >= k) {
          // The mean of k values varies √k less than one value; half of that gain keeps it conservative.
          z = Math.max(z, level.distance(shortSum / k) * Math.sqrt(k) / 2);
        }
        double range = hi - lo;
        if (range > 0 && (x > hi + p.extremeMargin() * range || x < lo - p.extremeMargin() * range)) {
          z = Math.max(z, p.extremeZ());
        }
        raw = z * z / (z * z + C * C);
      }
      double s = raw;
      if (alarmLeft > 0) {
        alarmLeft--;
        if (raw <= alarm) {
          s = 0;
        }
      }
      if (s >= p.suppressAbove()) {
        alarm = s;
        alarmLeft = p.suppressFor();
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      level.add(x);
      if (count > 0) {
        change.add(x - previous);
      }
      previous = x;
      count++;
      return s;
    }
  }

  /**
   * The last {@code capacity} values, kept sorted for medians. Each new value replaces the oldest with one
   * shift of the values between their two places; the robust spread of a window state is computed once, in
   * O(log n), and reused for every distance asked of that state.
   */
  static final class SlidingWindow {
    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int head;
    private double sum;
    private double sumSq;
    private boolean fresh;
    private double median;
    private double spread;

    SlidingWindow(int capacity) {
      ring = new double[capacity];
      sorted = new double[capacity];
    }

    int size() {
      return size;
    }

    void add(double x) {
      fresh = false;
      if (size == ring.length) {
        double old = ring[head];
        sum -= old;
        sumSq -= old * old;
        ring[head] = x;
        head = (head + 1) % ring.length;
        sum += x;
        sumSq += x * x;
        replace(Arrays.binarySearch(sorted, 0, size, old), x);
        return;
      }
      ring[head] = x;
      head = (head + 1) % ring.length;
      int at = insertionPoint(x);
      System.arraycopy(sorted, at, sorted, at + 1, size - at);
      sorted[at] = x;
      size++;
      sum += x;
      sumSq += x * x;
    }

    /** Puts {@code x} in place of the value at {@code out}, shifting only the values between the two places. */
    private void replace(int out, double x) {
      int at = insertionPoint(x);
      if (at > out) {
        // x goes after the removed value: the values in between move one place down.
        System.arraycopy(sorted, out + 1, sorted, out, at - out - 1);
        sorted[at - 1] = x;
      } else {
        System.arraycopy(sorted, at, sorted, at + 1, out - at);
        sorted[at] = x;
      }
    }

    private int insertionPoint(double x) {
      int at = Arrays.binarySearch(sorted, 0, size, x);
      return at < 0 ? -at - 1 : at;
    }

    /** |x − median| in units of the floored robust spread. */
    double distance(double x) {
      if (!fresh) {
        median = median(sorted, size);
        double mad = medianAbsoluteDeviation(median) * 1.4826;
        double mean = sum / size;
        double sd = Math.sqrt(Math.max(0, sumSq / size - mean * mean));
        spread = Math.max(Math.max(mad, sd), Math.max(0.01 * Math.abs(median), 1e-9));
        fresh = true;
      }
      return Math.abs(x - median) / spread;
    }

    /**
     * The median of |v − median| without sorting: the deviations below the median (read downwards from it)
     * and above it (read upwards) are two ascending sequences, and the k-th smallest of two sorted sequences
     * is found by a binary search over how many come from the first (O(log n)).
     */
    private double medianAbsoluteDeviation(double median) {
      int up = firstAtLeast(median);
      int need = size / 2 + 1;
      double cur = smallest(need, median, up);
      return size % 2 == 1 ? cur : (smallest(need - 1, median, up) + cur) / 2;
    }

    /** The first index whose value is at least {@code v}. */
    private int firstAtLeast(double v) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /**
     * The k-th smallest (from 1) of the deviations {@code below(t) = median − sorted[up − 1 − t]} and
     * {@code above(t) = sorted[up + t] − median}: the smallest count {@code i} taken from below such that
     * {@code below(i) ≥ above(k − i − 1)}; the answer is the larger of the last value taken from each side.
     */
    private double smallest(int k, double median, int up) {
      int belowCount = up;
      int aboveCount = size - up;
      int lo = Math.max(0, k - aboveCount);
      int hi = Math.min(k, belowCount);
      while (lo < hi) {
        int i = (lo + hi) >>> 1;
        double below = median - sorted[up - 1 - i];
        double above = sorted[up + k - i - 1] - median;
        if (below < above) {
          lo = i + 1;
        } else {
          hi = i;
        }
      }
      double fromBelow = lo > 0 ? median - sorted[up - lo] : Double.NEGATIVE_INFINITY;
      double fromAbove = k - lo > 0 ? sorted[up + k - lo - 1] - median : Double.NEGATIVE_INFINITY;
      return Math.max(fromBelow, fromAbove);
    }

    private static double median(double[] a, int n) {
      return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
  }
}
