package io.companyos.scoring.anomaly;

/**
 * The detector's window for a whole series known in advance ({@link RobustZScoreDetector#scores}): the same distances
 * as {@link RobustZScoreDetector.SlidingWindow}, to the bit, with no values moved in memory (a median of zero may be
 * 0.0 where the sliding window has -0.0, which no distance or spread shows).
 *
 * <p>The values are ranked a block at a time: before the first value of a block of {@code 4 × capacity} values, every
 * value the window holds or will take or drop during the block is given its rank among their distinct values (one radix
 * sort; -0.0 and 0.0 share a rank, as {@code <} finds them equal). The window is then a count per rank and a bitmap of
 * the ranks it holds (with a second bitmap of the non-empty words, so the next or previous rank held is found in a few
 * word reads however far it lies). Taking a value and dropping the oldest change two counts. Ranking by block keeps the
 * ranks few (at most five times the window) however long the series, so the ranks held lie close together and the
 * counts stay in the processor's nearest caches; at a block's start the counts are made again for the new ranks, and
 * the cursors (below) keep their places in the sorted order.
 *
 * <p>Three cursors name values of the window by their place in its sorted order (a rank and which of its equal
 * values): the lower middle value, and the first and last of {@code k = size / 2 + 1} values in a row whose largest
 * deviation from the median bounds the MAD (the k-th smallest deviation) from above. A cursor's place moves by at most
 * one when a value comes or goes, so each is stepped back to where it belongs, over runs of equal values in one step.
 * When the bound decides the spread (the MAD cannot exceed the standard deviation and the other floors), the MAD is
 * not needed; otherwise the k values in a row slide towards the median while the value beyond one end lies nearer to
 * it than the value at the other end, and then hold the k smallest deviations: the MAD is the larger end's deviation
 * (with the second largest of the k for an even size). Each deviation is computed as the sliding window computes it
 * ({@code median − v} below the median, {@code v − median} from it up), so the MAD is the same number.
 *
 * <p>Memory: the values a window takes (for the detector, the series' finite values and their changes: two arrays as
 * long as the series) and O(window) besides.
 */
final class RankedWindow extends RobustZScoreDetector.Window {
  /** Cursor offsets in {@link #cursors}: rank, index among the rank's equal values, place in the sorted order. */
  private static final int RANK = 0;
  private static final int INDEX = 1;
  private static final int PLACE = 2;
  /** The cursors: the lower middle value, and the first and last of the k values that bound the MAD. */
  private static final int MIDDLE = 0;
  private static final int FIRST = 3;
  private static final int LAST = 6;

  /** The values the window will take, in order. */
  private final double[] values;
  private final int capacity;
  /** The values ranked together, at most: the block's, and the window's before it. */
  private final int block;
  private final Ranking ranking;
  /** The rank of each value from {@link #base} to {@link #blockEnd}, in the current block's ranking. */
  private final int[] ranks;
  /** The value of each rank (0.0 for the rank of both zeros). */
  private final double[] valueOf;
  private int distinct;
  private int base;
  private int blockEnd;
  private int taken;
  /** The place in {@link #values} of each value held, oldest at {@link #head} once full. */
  private final int[] ring;
  private int head;
  private int size;
  /** How many of the window's values have each rank. */
  private final int[] count;
  /** Bit r set when the window holds a value of rank r. */
  private final long[] held;
  /** Bit w set when word w of {@link #held} is not 0. */
  private final long[] words;
  private final int[] cursors = new int[9];
  private boolean fresh;
  private double median;
  private double spread;

  private RankedWindow(double[] values, int capacity) {
    this.values = values;
    this.capacity = capacity;
    this.block = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(4L * capacity, 1024));
    int most = (int) Math.min(values.length, (long) block + capacity);
    this.ranking = new Ranking(most);
    this.ranks = new int[most];
    this.valueOf = new double[most];
    this.ring = new int[capacity];
    this.count = new int[most];
    this.held = new long[(most + 63) >>> 6];
    this.words = new long[(held.length + 63) >>> 6];
  }

  /**
   * A detector stream over {@code values}, the whole series it will be given (in order, gaps included), with windows
   * that know every value in advance.
   */
  static RobustZScoreDetector.Stream stream(RobustZScoreDetector.Parameters p, double[] values) {
    int n = 0;
    for (double x : values) {
      if (Double.isFinite(x)) {
        n++;
      }
    }
    // The values the two windows will take: each finite value, and its change from the finite value before it.
    double[] level = new double[n];
    double[] change = new double[Math.max(0, n - 1)];
    int t = 0;
    double previous = 0;
    for (double x : values) {
      if (Double.isFinite(x)) {
        level[t] = x;
        if (t > 0) {
          change[t - 1] = x - previous;
        }
        previous = x;
        t++;
      }
    }
    return new RobustZScoreDetector.Stream(p, of(level, p.window()), of(change, p.window()));
  }

  /** A window of {@code capacity} values that will take {@code values} in order (it keeps the array). */
  static RankedWindow of(double[] values, int capacity) {
    return new RankedWindow(values, capacity);
  }

  /** Ranks the values of the block that starts with the next value, and makes the counts and cursors again for them. */
  private void nextBlock() {
    int start = taken;
    int previous = distinct;
    base = Math.max(0, start - capacity);
    blockEnd = (int) Math.min(values.length, (long) start + block);
    distinct = ranking.rank(values, base, blockEnd, ranks, valueOf);
    java.util.Arrays.fill(count, 0, previous, 0);
    java.util.Arrays.fill(held, 0, (previous + 63) >>> 6, 0L);
    java.util.Arrays.fill(words, 0, (((previous + 63) >>> 6) + 63) >>> 6, 0L);
    for (int t = start - size; t < start; t++) {
      int q = ranks[t - base];
      if (count[q]++ == 0) {
        hold(q);
      }
    }
    if (size == 0) {
      return;
    }
    // Each cursor keeps its place; its rank and index are found again in the new ranks.
    int[] c = cursors;
    int found = 0;
    int before = 0;
    for (int r = nextHeld(0); found < 3; r = nextHeld(r + 1)) {
      int n = count[r];
      for (int i = 0; i < 9; i += 3) {
        int place = c[i + PLACE];
        if (place >= before && place < before + n) {
          c[i + RANK] = r;
          c[i + INDEX] = place - before;
          found++;
        }
      }
      before += n;
    }
  }

  private void hold(int q) {
    held[q >>> 6] |= 1L << q;
    words[q >>> 12] |= 1L << (q >>> 6);
  }

  /**
   * Ranks {@code values} among their distinct values ({@link Ranking#rank}).
   *
   * @param values the values, each finite or infinite, none NaN
   * @param ranks receives each value's rank, from 0 for the smallest; -0.0 and 0.0 share one
   * @param valueOf receives each rank's value
   * @return the number of distinct values
   */
  static int rank(double[] values, int[] ranks, double[] valueOf) {
    return new Ranking(values.length).rank(values, 0, values.length, ranks, valueOf);
  }

  /** A radix sort's working arrays, for ranking up to a given number of values at a time. */
  static final class Ranking {
    /** The digits: six of 11 bits (the last of 9) cover a double's 64. */
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    private static final int DIGITS = 6;

    private long[] keys;
    private long[] keysTo;
    private int[] order;
    private int[] orderTo;
    private final int[] histogram = new int[DIGITS << DIGIT_BITS];

    Ranking(int most) {
      keys = new long[most];
      keysTo = new long[most];
      order = new int[most];
      orderTo = new int[most];
    }

    /**
     * Ranks {@code values[from, to)} among their distinct values by one least-significant-digit radix sort of their
     * bits (11 bits a pass; a pass whose digit is the same for every value is skipped).
     *
     * @param values the values, each finite or infinite, none NaN
     * @param from the first value ranked
     * @param to the end of the values ranked, at most {@code from} plus the most this ranking was made for
     * @param ranks receives the rank of {@code values[from + i]} at {@code i}, from 0 for the smallest; -0.0 and 0.0
     *     share one
     * @param valueOf receives each rank's value
     * @return the number of distinct values
     */
    int rank(double[] values, int from, int to, int[] ranks, double[] valueOf) {
      int n = to - from;
      long[] k = keys;
      int[] o = order;
      int[] h = histogram;
      java.util.Arrays.fill(h, 0);
      for (int i = 0; i < n; i++) {
        // + 0.0 makes -0.0 into 0.0; the bits of a double ordered as unsigned longs follow its value.
        long bits = Double.doubleToRawLongBits(values[from + i] + 0.0);
        long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        k[i] = key;
        o[i] = i;
        for (int d = 0; d < DIGITS; d++) {
          h[(d << DIGIT_BITS) + (int) ((key >>> (d * DIGIT_BITS)) & DIGIT_MASK)]++;
        }
      }
      long[] kTo = keysTo;
      int[] oTo = orderTo;
      for (int d = 0; d < DIGITS && n > 0; d++) {
        int base = d << DIGIT_BITS;
        int shift = d * DIGIT_BITS;
        if (h[base + (int) ((k[0] >>> shift) & DIGIT_MASK)] == n) {
          continue; // every value has this digit: the pass would leave the order as it is
        }
        int at = 0;
        for (int b = 0; b <= DIGIT_MASK; b++) {
          int c = h[base + b];
          h[base + b] = at;
          at += c;
        }
        for (int i = 0; i < n; i++) {
          long key = k[i];
          int t = h[base + (int) ((key >>> shift) & DIGIT_MASK)]++;
          kTo[t] = key;
          oTo[t] = o[i];
        }
        long[] swapKeys = k;
        k = kTo;
        kTo = swapKeys;
        int[] swapOrder = o;
        o = oTo;
        oTo = swapOrder;
      }
      keys = k;
      keysTo = kTo;
      order = o;
      orderTo = oTo;
      int r = -1;
      long last = 0;
      for (int i = 0; i < n; i++) {
        long key = k[i];
        if (r < 0 || key != last) {
          r++;
          valueOf[r] = values[from + o[i]] + 0.0;
          last = key;
        }
        ranks[o[i]] = r;
      }
      return r + 1;
    }
  }

  @Override
  int size() {
    return size;
  }

  /** Takes the next value of the series this window was made for ({@code x} is that value). */
  @Override
  void add(double x) {
    fresh = false;
    if (taken == blockEnd) {
      nextBlock();
    }
    int t = taken++;
    int q = ranks[t - base];
    if (size == capacity) {
      int oldest = ring[head];
      ring[head] = t;
      head = head + 1 == capacity ? 0 : head + 1;
      replaceInSums(values[oldest], x);
      remove(ranks[oldest - base]);
      insert(q);
      return;
    }
    ring[head] = t;
    head = head + 1 == capacity ? 0 : head + 1;
    insert(q);
    addToSums(x);
  }

  /** Adds a value of rank q after the values of its rank already held; the cursors keep their values. */
  private void insert(int q) {
    int[] c = cursors;
    if (size == 0) {
      for (int i = 0; i < 9; i += 3) {
        c[i + RANK] = q;
        c[i + INDEX] = 0;
        c[i + PLACE] = 0;
      }
    } else {
      // One place up for each cursor above the new value, without a branch: (q − r) >>> 31 is 1 when q < r.
      c[MIDDLE + PLACE] += (q - c[MIDDLE + RANK]) >>> 31;
      c[FIRST + PLACE] += (q - c[FIRST + RANK]) >>> 31;
      c[LAST + PLACE] += (q - c[LAST + RANK]) >>> 31;
    }
    if (count[q]++ == 0) {
      hold(q);
    }
    size++;
  }

  /** Drops the last held value of rank q; a cursor on it moves to the value before it (or after it, for the first). */
  private void remove(int q) {
    int[] c = cursors;
    int n = count[q];
    for (int i = 0; i < 9; i += 3) {
      int r = c[i + RANK];
      c[i + PLACE] -= (q - r) >>> 31;
      if (q == r && c[i + INDEX] == n - 1) {
        if (n > 1) {
          c[i + INDEX]--;
          c[i + PLACE]--;
        } else {
          int before = previousHeld(q - 1);
          if (before >= 0) {
            c[i + RANK] = before;
            c[i + INDEX] = count[before] - 1;
            c[i + PLACE]--;
          } else {
            c[i + RANK] = nextHeld(q + 1); // the value after it takes its place
            c[i + INDEX] = 0;
          }
        }
      }
    }
    if (--count[q] == 0) {
      int w = q >>> 6;
      held[w] &= ~(1L << q);
      if (held[w] == 0) {
        words[w >>> 6] &= ~(1L << w);
      }
    }
    size--;
  }

  /** The first rank held at or after {@code from}, or -1. */
  private int nextHeld(int from) {
    int w = from >>> 6;
    if (w >= held.length) {
      return -1;
    }
    long bits = held[w] & (-1L << from);
    if (bits != 0) {
      return (w << 6) + Long.numberOfTrailingZeros(bits);
    }
    int s = (w + 1) >>> 6;
    if (s >= words.length) {
      return -1;
    }
    long m = words[s] & (-1L << (w + 1)); // the shift counts modulo 64: from word w + 1 on
    while (m == 0) {
      if (++s == words.length) {
        return -1;
      }
      m = words[s];
    }
    int next = (s << 6) + Long.numberOfTrailingZeros(m);
    return (next << 6) + Long.numberOfTrailingZeros(held[next]);
  }

  /** The last rank held at or before {@code from}, or -1. */
  private int previousHeld(int from) {
    if (from < 0) {
      return -1;
    }
    int w = from >>> 6;
    long bits = held[w] & (-1L >>> (63 - (from & 63)));
    if (bits != 0) {
      return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }
    if (w == 0) {
      return -1;
    }
    int s = (w - 1) >>> 6;
    long m = words[s] & (-1L >>> (63 - ((w - 1) & 63)));
    while (m == 0) {
      if (--s < 0) {
        return -1;
      }
      m = words[s];
    }
    int before = (s << 6) + 63 - Long.numberOfLeadingZeros(m);
    return (before << 6) + 63 - Long.numberOfLeadingZeros(held[before]);
  }

  /** Moves cursor {@code i} to place {@code target}, a run of equal values at a time. */
  private void moveTo(int i, int target) {
    int[] c = cursors;
    int d = target - c[i + PLACE];
    int r = c[i + RANK];
    int j = c[i + INDEX];
    if (d > 0) {
      while (d > count[r] - 1 - j) {
        d -= count[r] - j;
        r = nextHeld(r + 1);
        j = 0;
      }
      j += d;
    } else if (d < 0) {
      d = -d;
      while (d > j) {
        d -= j + 1;
        r = previousHeld(r - 1);
        j = count[r] - 1;
      }
      j -= d;
    } else {
      return;
    }
    c[i + RANK] = r;
    c[i + INDEX] = j;
    c[i + PLACE] = target;
  }

  @Override
  double distance(double x) {
    if (!fresh) {
      int[] c = cursors;
      moveTo(MIDDLE, (size - 1) / 2);
      int r = c[MIDDLE + RANK];
      double lower = valueOf[r];
      if (size % 2 == 1) {
        median = lower;
      } else {
        double upper = c[MIDDLE + INDEX] + 1 < count[r] ? lower : valueOf[nextHeld(r + 1)];
        median = (lower + upper) / 2;
      }
      double floor = floor(median, size);
      // k values in a row lie within the larger of their two end deviations of the median, which so bounds the MAD
      // from above; when even the bound loses to the floors, so does the MAD (rounding is monotone).
      int k = size / 2 + 1;
      if (c[FIRST + PLACE] > size - k) {
        moveTo(FIRST, size - k);
      }
      moveTo(LAST, c[FIRST + PLACE] + k - 1);
      double bound = Math.max(median - valueOf[c[FIRST + RANK]], valueOf[c[LAST + RANK]] - median);
      spread = bound * 1.4826 <= floor ? floor : Math.max(medianAbsoluteDeviation() * 1.4826, floor);
      fresh = true;
    }
    return Math.abs(x - median) / spread;
  }

  /** |v − median| as the sliding window computes it: {@code median − v} below the median, {@code v − median} from it up. */
  private double deviation(double v) {
    return v < median ? median - v : v - median;
  }

  /**
   * The MAD: the k values in a row slide towards the median until neither value beyond an end lies nearer to it than
   * the value at the other end; they then hold the k smallest deviations.
   */
  private double medianAbsoluteDeviation() {
    int[] c = cursors;
    boolean slid = false;
    while (c[LAST + PLACE] + 1 < size) {
      int r = c[LAST + RANK];
      int j = c[LAST + INDEX];
      int nextRank = j + 1 < count[r] ? r : nextHeld(r + 1);
      int nextIndex = j + 1 < count[r] ? j + 1 : 0;
      if (!(deviation(valueOf[nextRank]) < deviation(valueOf[c[FIRST + RANK]]))) {
        break;
      }
      // Every step while the first value stays among its equals and the next among its own compares the same values.
      int steps = Math.min(count[c[FIRST + RANK]] - c[FIRST + INDEX], count[nextRank] - nextIndex);
      moveTo(FIRST, c[FIRST + PLACE] + steps);
      c[LAST + RANK] = nextRank;
      c[LAST + INDEX] = nextIndex + steps - 1;
      c[LAST + PLACE] += steps;
      slid = true;
    }
    while (!slid && c[FIRST + PLACE] > 0) {
      int r = c[FIRST + RANK];
      int j = c[FIRST + INDEX];
      int beforeRank = j > 0 ? r : previousHeld(r - 1);
      int beforeIndex = j > 0 ? j - 1 : count[beforeRank] - 1;
      if (!(deviation(valueOf[beforeRank]) < deviation(valueOf[c[LAST + RANK]]))) {
        break;
      }
      int steps = Math.min(c[LAST + INDEX] + 1, beforeIndex + 1);
      moveTo(LAST, c[LAST + PLACE] - steps);
      c[FIRST + RANK] = beforeRank;
      c[FIRST + INDEX] = beforeIndex - steps + 1;
      c[FIRST + PLACE] -= steps;
    }
    double first = deviation(valueOf[c[FIRST + RANK]]);
    double last = deviation(valueOf[c[LAST + RANK]]);
    double kth = Math.max(first, last);
    if (size % 2 == 1) {
      return kth;
    }
    // The second largest of the k: the smaller end, or the value next to the larger end.
    double second;
    if (first >= last) {
      int r = c[FIRST + RANK];
      double after = c[FIRST + INDEX] + 1 < count[r] ? valueOf[r] : valueOf[nextHeld(r + 1)];
      second = Math.max(deviation(after), last);
    } else {
      int r = c[LAST + RANK];
      double before = c[LAST + INDEX] > 0 ? valueOf[r] : valueOf[previousHeld(r - 1)];
      second = Math.max(first, deviation(before));
    }
    return (second + kth) / 2;
  }
}
