package io.companyos.scoring.anomaly;

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

  /**
   * The detector's parameters.
   *
   * @param window the trailing points the medians and spreads are taken over, ≥ 3
   * @param minHistory the points seen before any score other than 0, in [3, window]
   * @param shortWindow the points whose mean is compared to the window's median, ≥ 1 (1 turns that test off)
   * @param extremeZ the distance at least given to a new extreme, ≥ 0
   * @param extremeMargin the share of the historical range a new extreme must exceed it by, ≥ 0
   * @param suppressAbove the score in (0, 1] that starts a suppression
   * @param suppressFor the points after it that score 0 unless they exceed it, ≥ 0
   */
  public record Parameters(int window, int minHistory, int shortWindow, double extremeZ, double extremeMargin,
      double suppressAbove, int suppressFor) {
    /**
     * Checks the parameters.
     *
     * @param window the trailing points the medians and spreads are taken over, ≥ 3
     * @param minHistory the points seen before any score other than 0, in [3, window]
     * @param shortWindow the points whose mean is compared to the window's median, ≥ 1 (1 turns that test off)
     * @param extremeZ the distance at least given to a new extreme, ≥ 0
     * @param extremeMargin the share of the historical range a new extreme must exceed it by, ≥ 0
     * @param suppressAbove the score in (0, 1] that starts a suppression
     * @param suppressFor the points after it that score 0 unless they exceed it, ≥ 0
     * @throws IllegalArgumentException if any is outside its range
     */
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

  /**
   * A detector with the given parameters.
   *
   * @param parameters the parameters, checked when they were made
   */
  public RobustZScoreDetector(Parameters parameters) {
    this.p = parameters;
  }

  /**
   * The detector with {@link #DEFAULTS}.
   *
   * @return a new detector
   */
  public static RobustZScoreDetector defaults() {
    return new RobustZScoreDetector(DEFAULTS);
  }

  @Override
  public double[] scores(double[] values) {
    double[] out = new double[values.length];
    // The whole series is known: windows over its values' ranks give the same scores with less work (RankedWindow).
    Stream stream = RankedWindow.stream(p, values);
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
    private final Parameters p;
    private final Window level;
    private final Window change;
    private final double[] recent;
    private long count;
    private double previous;
    private double alarm;
    private int alarmLeft;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private double shortSum;
    /** The slot of {@code recent} the next value goes to. */
    private int slot;
    private final double rootShort;

    Stream(Parameters p) {
      this(p, new SlidingWindow(p.window()), new SlidingWindow(p.window()));
    }

    /** A stream whose windows are {@code level} (the values) and {@code change} (each value's change from the last). */
    Stream(Parameters p, Window level, Window change) {
      this.p = p;
      this.level = level;
      this.change = change;
      this.recent = new double[p.shortWindow()];
      this.rootShort = Math.sqrt(p.shortWindow());
    }

    /**
     * Reads the next value of the series.
     *
     * @param x the value; one that is not finite (NaN, as a monitoring system reports 0/0, or an infinity) is a gap:
     *     it scores 0 and leaves the state as it was, so the later scores are those of the series without it
     * @return its score in [0, 1): 0 for the first {@code minHistory} values, for a gap and while an alarm is
     *     suppressed
     */
    public double next(double x) {
      if (!Double.isFinite(x)) {
        return 0;
      }
      int k = p.shortWindow();
      shortSum += x - (count >= k ? recent[slot] : 0);
      recent[slot] = x;
      slot = slot + 1 == k ? 0 : slot + 1;
      double raw = 0;
      if (level.size() >= p.minHistory()) {
        double z = level.distance(x);
        if (change.size() >= p.minHistory()) {
          z = Math.max(z, change.distance(x - previous));
        }
        if (k > 1 && count >= k) {
          // The mean of k values varies √k less than one value; half of that gain keeps it conservative.
          z = Math.max(z, level.distance(shortSum / k) * rootShort / 2);
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
      if (count > 0) {
        if (level instanceof SlidingWindow a && change instanceof SlidingWindow b) {
          SlidingWindow.add(a, x, b, x - previous);
        } else {
          level.add(x);
          change.add(x - previous);
        }
      } else {
        level.add(x);
      }
      previous = x;
      count++;
      return s;
    }
  }

  /**
   * The trailing values the medians and spreads are taken over, with their running sums (their order of additions is
   * part of the scores: every window makes the same ones).
   */
  abstract static class Window {
    private double sum;
    private double sumSq;

    /** The running sums with {@code old} dropped and {@code x} taken, in that order. */
    final void replaceInSums(double old, double x) {
      sum -= old;
      sumSq -= old * old;
      sum += x;
      sumSq += x * x;
    }

    /** The running sums with {@code x} taken. */
    final void addToSums(double x) {
      sum += x;
      sumSq += x * x;
    }

    /** The spread's floors over the {@code size} values held: {@code max(standard deviation, 1% of |median|, ε)}. */
    final double floor(double median, int size) {
      double mean = sum / size;
      double sd = Math.sqrt(Math.max(0, sumSq / size - mean * mean));
      return Math.max(sd, Math.max(0.01 * Math.abs(median), 1e-9));
    }

    /** The values held. */
    abstract int size();

    /** Takes a value, dropping the oldest when full. */
    abstract void add(double x);

    /** |x − median| in units of the floored robust spread. */
    abstract double distance(double x);
  }

  /**
   * The last {@code capacity} values, kept sorted for medians in {@link SortedBlocks}: each new value replaces the
   * oldest by copying a block at each end and rotating the blocks in between; the detector's two windows make their
   * replacements side by side ({@link #add(SlidingWindow, double, SlidingWindow, double)}). The robust spread of a
   * window state is computed once and reused for every distance asked of that state. The MAD is only searched for when
   * it could exceed the standard deviation and the other floors: the k ranks the last search took bound it from above
   * in two reads, and on operational series (NAB's) that bound settles about nine spreads in ten. The searches start from where
   * the previous state's ended (the median and MAD move little from one point to the next): four independent tests
   * around the last answer usually settle the MAD, and otherwise the search widens by doubling steps, never more than
   * O(log n).
   */
  static final class SlidingWindow extends Window {
    private final double[] ring;
    private final SortedBlocks sorted;
    private int size;
    private int head;
    private boolean fresh;
    private double median;
    private double spread;
    /** Where the last search for the MAD ended: the count of deviations taken from below the median. */
    private int split;
    /** The lowest rank the last search for the MAD took: the first of the ranks that bound the next MAD. */
    private int taken;

    SlidingWindow(int capacity) {
      ring = new double[capacity];
      sorted = new SortedBlocks(capacity);
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void add(double x) {
      fresh = false;
      if (size == ring.length) {
        double old = ring[head];
        ring[head] = x;
        head = head + 1 == ring.length ? 0 : head + 1;
        replaceInSums(old, x);
        sorted.replace(old, x);
        return;
      }
      ring[head] = x;
      head = head + 1 == ring.length ? 0 : head + 1;
      sorted.insert(x);
      size++;
      addToSums(x);
    }

    /**
     * Adds {@code x} to {@code a} and {@code y} to {@code b}: the same as {@code a.add(x); b.add(y)}, with the two
     * replacements done side by side when both windows are full.
     */
    static void add(SlidingWindow a, double x, SlidingWindow b, double y) {
      if (a.size != a.ring.length || b.size != b.ring.length || a.ring.length != b.ring.length) {
        a.add(x);
        b.add(y);
        return;
      }
      a.fresh = false;
      b.fresh = false;
      int h = a.head;
      double oldA = a.ring[h];
      double oldB = b.ring[b.head];
      a.ring[h] = x;
      a.head = h + 1 == a.ring.length ? 0 : h + 1;
      a.replaceInSums(oldA, x);
      h = b.head;
      b.ring[h] = y;
      b.head = h + 1 == b.ring.length ? 0 : h + 1;
      b.replaceInSums(oldB, y);
      SortedBlocks.replace(a.sorted, oldA, x, b.sorted, oldB, y);
    }

    @Override
    double distance(double x) {
      if (!fresh) {
        median = size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
        double floor = floor(median, size);
        // Any k = size / 2 + 1 ranks in a row lie within the larger of their two end deviations of the median, so
        // that bounds the MAD (the k-th smallest deviation) from above. When even the bound loses to the floors, so
        // does the MAD, and its search is skipped: the spread is the same to the bit (rounding is monotone).
        int k = size / 2 + 1;
        int from = Math.min(Math.max(taken, 0), size - k);
        double bound = Math.max(median - sorted.get(from), sorted.get(from + k - 1) - median);
        spread = bound * 1.4826 <= floor ? floor : Math.max(medianAbsoluteDeviation(median) * 1.4826, floor);
        fresh = true;
      }
      return Math.abs(x - median) / spread;
    }

    /**
     * The median of |v − median| without sorting: the deviations below the median (read downwards from it)
     * and above it (read upwards) are two ascending sequences, and the k-th smallest of two sorted sequences
     * is found by a search over how many come from the first. For an even size the (k − 1)-th smallest is the
     * second largest of the k taken, found next to the last value taken from each side.
     */
    private double medianAbsoluteDeviation(double median) {
      int up = firstAtLeast(median);
      int k = size / 2 + 1;
      int below = split(k, median, up);
      int above = k - below;
      taken = up - below;
      double lastBelow = below > 0 ? median - sorted.get(up - below) : Double.NEGATIVE_INFINITY;
      double lastAbove = above > 0 ? sorted.get(up + above - 1) - median : Double.NEGATIVE_INFINITY;
      double kth = Math.max(lastBelow, lastAbove);
      if (size % 2 == 1) {
        return kth;
      }
      // The second largest of the four: the two last taken and the one before each (not above it).
      double beforeBelow = below > 1 ? median - sorted.get(up - below + 1) : Double.NEGATIVE_INFINITY;
      double beforeAbove = above > 1 ? sorted.get(up + above - 2) - median : Double.NEGATIVE_INFINITY;
      double previous = Math.max(Math.min(lastBelow, lastAbove), Math.max(beforeBelow, beforeAbove));
      return (previous + kth) / 2;
    }

    /** The first rank whose value is at least {@code v} (the median: searched from the middle). */
    private int firstAtLeast(double v) {
      int g = (size - 1) / 2;
      // The answer lies in (lo, hi].
      int lo;
      int hi;
      if (sorted.get(g) < v) {
        lo = g;
        hi = size;
        for (int step = 1; lo + step < size; step <<= 1) {
          if (!(sorted.get(lo + step) < v)) {
            hi = lo + step;
            break;
          }
          lo += step;
        }
      } else {
        hi = g;
        lo = -1;
        for (int step = 1; hi - step >= 0; step <<= 1) {
          if (sorted.get(hi - step) < v) {
            lo = hi - step;
            break;
          }
          hi -= step;
        }
      }
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (sorted.get(mid) < v) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return hi;
    }

    /**
     * How many of the k smallest (k from 1) of the deviations {@code below(t) = median − sorted[up − 1 − t]} and
     * {@code above(t) = sorted[up + t] − median} come from below: the smallest count {@code i} such that
     * {@code below(i) ≥ above(k − i − 1)}. That condition only turns from false to true as {@code i} grows, so the
     * search first tests the four counts around the previous window state's answer (which usually holds it), then
     * starts there and doubles its steps outwards before it halves them.
     */
    private int split(int k, double median, int up) {
      int first = Math.max(0, k - (size - up));
      int last = Math.min(k, up);
      int g = Math.min(Math.max(split, first), last);
      if (g - 2 >= first && g + 1 < last) {
        // The answer usually lies within one of the previous one: four independent tests, no search, when the
        // condition fails at g − 2 and holds at g + 1 (the answer is then g − 2 plus the count of failures).
        int f0 = below(g - 2, k, median, up);
        int f3 = below(g + 1, k, median, up);
        int fails = f0 + below(g - 1, k, median, up) + below(g, k, median, up) + f3;
        if (f0 == 1 && f3 == 0) {
          split = g - 2 + fails;
          return split;
        }
      }
      // The answer lies in (lo, hi]; the condition holds at last by definition.
      int lo;
      int hi;
      if (g < last && median - sorted.get(up - 1 - g) < sorted.get(up + k - g - 1) - median) {
        lo = g;
        hi = last;
        for (int step = 1; lo + step < last; step <<= 1) {
          int i = lo + step;
          if (!(median - sorted.get(up - 1 - i) < sorted.get(up + k - i - 1) - median)) {
            hi = i;
            break;
          }
          lo = i;
        }
      } else {
        hi = g;
        lo = first - 1;
        for (int step = 1; hi - step >= first; step <<= 1) {
          int i = hi - step;
          if (median - sorted.get(up - 1 - i) < sorted.get(up + k - i - 1) - median) {
            lo = i;
            break;
          }
          hi = i;
        }
      }
      while (hi - lo > 1) {
        int i = (lo + hi) >>> 1;
        if (median - sorted.get(up - 1 - i) < sorted.get(up + k - i - 1) - median) {
          lo = i;
        } else {
          hi = i;
        }
      }
      split = hi;
      return hi;
    }

    /** 1 if the search condition of {@link #split} fails at {@code i}: {@code below(i) < above(k − i − 1)}, else 0. */
    private int below(int i, int k, double median, int up) {
      return median - sorted.get(up - 1 - i) < sorted.get(up + k - i - 1) - median ? 1 : 0;
    }
  }
}
