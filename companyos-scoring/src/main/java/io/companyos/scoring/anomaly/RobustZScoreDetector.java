package io.companyos.scoring.anomaly;

import java.util.Arrays;

/**
 * A causal robust z-score detector. For each point it measures, against the trailing {@code window}
 * points, how far from their median lie (a) the value, (b) its change from the previous value and (c)
 * the mean of the last {@code shortWindow} values — in units of a floored spread
 * {@code max(1.4826 × MAD, standard deviation, 1% of |median|, ε)}; the floors keep constant and count
 * series from flagging every small change. A value beyond every value seen so far by more than
 * {@code extremeMargin} of the historical range counts as at least {@code extremeZ} (a new extreme is
 * what operators most want to hear about). The largest distance {@code z} maps to the score
 * {@code z² / (z² + 9)}: 0.5 at 3 robust standard deviations, 0.8 at 6, 0.9 at 9 — so the seed's
 * {@code threshold: 0.8} means "six robust standard deviations from recent behaviour". The first
 * {@code minHistory} points score 0.
 *
 * <p>Alarm suppression: after a point scores at least {@code suppressAbove}, the next {@code suppressFor}
 * points score 0 unless they exceed that score, so one event is reported once, not fifty times.
 */
public final class RobustZScoreDetector implements AnomalyDetector {
  private static final double C = 3.0;

  /** The detector's parameters. */
  public record Parameters(int window, int minHistory, int shortWindow, double extremeZ, double extremeMargin,
      double suppressAbove, int suppressFor) {
    public Parameters {
      if (window < 3 || minHistory < 3 || minHistory > window || shortWindow < 1 || suppressFor < 0 || extremeZ < 0
          || extremeMargin < 0 || !(suppressAbove > 0 && suppressAbove <= 1)) {
        throw new IllegalArgumentException("invalid detector parameters: " + this);
      }
    }
  }

  /**
   * The one parameter set used for every file of the NAB evaluation (docs/anomaly-detection.md) and for
   * packs: 1500-point window, 30 points of history, a 12-point short mean, new extremes beyond 2% of the
   * range count as z = 15, suppression of 120 points after a score of 0.5.
   */
  public static final Parameters DEFAULTS = new Parameters(1500, 30, 12, 15, 0.02, 0.5, 120);

  private final Parameters p;

  public RobustZScoreDetector(Parameters parameters) {
    this.p = parameters;
  }

  public static RobustZScoreDetector defaults() {
    return new RobustZScoreDetector(DEFAULTS);
  }

  @Override
  public double[] scores(double[] values) {
    int n = values.length;
    double[] out = new double[n];
    SlidingWindow level = new SlidingWindow(p.window());
    SlidingWindow change = new SlidingWindow(p.window());
    double alarm = 0;
    int alarmLeft = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double shortSum = 0;
    for (int i = 0; i < n; i++) {
      double x = values[i];
      shortSum += x - (i >= p.shortWindow() ? values[i - p.shortWindow()] : 0);
      double raw = 0;
      if (level.size() >= p.minHistory()) {
        double z = level.distance(x);
        if (change.size() >= p.minHistory()) {
          z = Math.max(z, change.distance(x - values[i - 1]));
        }
        if (p.shortWindow() > 1 && i >= p.shortWindow()) {
          // The mean of k values varies √k less than one value; half of that gain keeps it conservative.
          z = Math.max(z, level.distance(shortSum / p.shortWindow()) * Math.sqrt(p.shortWindow()) / 2);
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
      out[i] = s;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      level.add(x);
      if (i > 0) {
        change.add(x - values[i - 1]);
      }
    }
    return out;
  }

  /** The last {@code capacity} values, kept sorted for medians. */
  static final class SlidingWindow {
    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int head;
    private double sum;
    private double sumSq;

    SlidingWindow(int capacity) {
      ring = new double[capacity];
      sorted = new double[capacity];
    }

    int size() {
      return size;
    }

    void add(double x) {
      if (size == ring.length) {
        double old = ring[head];
        int at = Arrays.binarySearch(sorted, 0, size, old);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
        sum -= old;
        sumSq -= old * old;
      }
      ring[head] = x;
      head = (head + 1) % ring.length;
      int at = Arrays.binarySearch(sorted, 0, size, x);
      if (at < 0) {
        at = -at - 1;
      }
      System.arraycopy(sorted, at, sorted, at + 1, size - at);
      sorted[at] = x;
      size++;
      sum += x;
      sumSq += x * x;
    }

    /** |x − median| in units of the floored robust spread. */
    double distance(double x) {
      double median = median(sorted, size);
      double mad = medianAbsoluteDeviation(median) * 1.4826;
      double mean = sum / size;
      double sd = Math.sqrt(Math.max(0, sumSq / size - mean * mean));
      double spread = Math.max(Math.max(mad, sd), Math.max(0.01 * Math.abs(median), 1e-9));
      return Math.abs(x - median) / spread;
    }

    /**
     * The median of |v − median| without sorting: the deviations below the median (walking down from it)
     * and above it (walking up) are each already in ascending order, so a two-pointer merge reaches the
     * middle one(s) in O(n).
     */
    private double medianAbsoluteDeviation(double median) {
      // First index with a value >= median (binary search; the window is sorted).
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < median) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int up = lo;
      int down = up - 1;
      int need = size / 2 + 1;
      double prev = 0;
      double cur = 0;
      for (int k = 0; k < need; k++) {
        prev = cur;
        double left = down >= 0 ? median - sorted[down] : Double.POSITIVE_INFINITY;
        double right = up < size ? sorted[up] - median : Double.POSITIVE_INFINITY;
        if (left <= right) {
          cur = left;
          down--;
        } else {
          cur = right;
          up++;
        }
      }
      return size % 2 == 1 ? cur : (prev + cur) / 2;
    }

    private static double median(double[] a, int n) {
      return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
  }
}
