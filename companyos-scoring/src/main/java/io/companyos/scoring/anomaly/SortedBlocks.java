package io.companyos.scoring.anomaly;

/**
 * A sorted sequence of at most {@code capacity} doubles with O(1) access by rank and cheap replacement of one value
 * by another: a "tiered vector". The sequence is cut into blocks of {@value #BLOCK} values; rank {@code r} lies in
 * block {@code r / BLOCK} at offset {@code r % BLOCK}, and every block but the last is full. Each block's values lie
 * side by side in a region of four times that size, from {@code first[b]} (in the region's first half), so a value
 * can pass from one block to the next in O(1): the block drops its largest value and takes a new smallest one just
 * before its first (or the other way round). When a block's start reaches an end of the region's first half, its
 * values move back to the middle of that half, which a random series of replacements rarely needs. A value's place is
 * found by two branch-free binary searches: over the blocks' smallest values, then over all {@value #BLOCK} places
 * of one block (the places after the last block's values hold +∞).
 *
 * <p>Moving the values between a removed rank and an inserted one by one place thus copies one block at each end and
 * moves one value of each block in between — O(BLOCK + n / BLOCK) instead of the O(n) of one sorted array. A full end
 * block is copied with a whole block's length whatever the offset (the part written beyond the block falls in the
 * rest of its region), so the copies' lengths do not vary from one replacement to the next. The sequence is the same,
 * value for value, as that of a sorted array updated by the same insertions and removals. Comparisons use {@code <},
 * so -0.0 and 0.0 count as equal.
 */
final class SortedBlocks {
  private static final int SHIFT = 6;
  /** The values per block. */
  static final int BLOCK = 1 << SHIFT;
  private static final int MASK = BLOCK - 1;
  private static final int REGION = 4 * BLOCK;
  /** The highest start of a block within its region: a copy of a whole block's length from any place of it stays inside. */
  private static final int LAST_FIRST = 2 * BLOCK - 1;
  /** Where a block's values start in a new region and after a move back to the middle. */
  private static final int MIDDLE = BLOCK;

  /** Block {@code b}'s values are {@code data[first[b], first[b] + BLOCK)}, within {@code [b * REGION, (b + 1) * REGION)}. */
  private final double[] data;
  private final int[] first;
  /** Each block's smallest value, side by side for the search of a value's block. */
  private final double[] smallest;
  private int size;

  /**
   * An empty sequence.
   *
   * @param capacity the most values it will hold
   */
  SortedBlocks(int capacity) {
    int blocks = (capacity + MASK) >>> SHIFT;
    data = new double[blocks * REGION];
    first = new int[blocks];
    smallest = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      first[b] = b * REGION + MIDDLE;
    }
    // The last block's places beyond the sequence stay +∞ (the searches read all of a block's places).
    java.util.Arrays.fill(data, Double.POSITIVE_INFINITY);
  }

  int size() {
    return size;
  }

  /** The value of rank {@code r} (from 0), for {@code r < size}. */
  double get(int r) {
    return data[first[r >>> SHIFT] + (r & MASK)];
  }

  /** The first rank whose value is not below {@code x} ({@code size} if none). */
  int lowerBound(double x) {
    if (size == 0) {
      return 0;
    }
    int block = 0;
    for (int n = (size + MASK) >>> SHIFT; n > 1; ) {
      int half = n >>> 1;
      block = smallest[block + half] < x ? block + half : block;
      n -= half;
    }
    return inBlock(block, x);
  }

  /**
   * The first rank whose value is not below {@code x}, given the last block whose smallest value is below it (or
   * block 0): the answer lies in that block or just after it. A branch-free binary search over all {@value #BLOCK}
   * places of the block, as the last block's places beyond the sequence hold +∞.
   */
  private int inBlock(int b, double x) {
    int from = first[b];
    int at = 0;
    for (int half = BLOCK >>> 1; half > 0; half >>>= 1) {
      at = data[from + at + half] < x ? at + half : at;
    }
    return (b << SHIFT) + at + (data[from + at] < x ? 1 : 0);
  }

  /**
   * Inserts {@code x} at its place (any place among equal values gives the same sequence).
   *
   * @param x the value, for a sequence below its capacity
   */
  void insert(double x) {
    int at = lowerBound(x);
    // Rank size is a free slot: the values from at on move up one place into it.
    size++;
    moveUp(at, size - 1, x);
  }

  /**
   * Replaces one value equal to {@code old} by {@code x}.
   *
   * @param old a value of the sequence
   * @param x its replacement
   */
  void replace(double old, double x) {
    // Both blocks by one branch-free binary search over the blocks' smallest values.
    int oldBlock = 0;
    int newBlock = 0;
    for (int n = (size + MASK) >>> SHIFT; n > 1; ) {
      int half = n >>> 1;
      oldBlock = smallest[oldBlock + half] < old ? oldBlock + half : oldBlock;
      newBlock = smallest[newBlock + half] < x ? newBlock + half : newBlock;
      n -= half;
    }
    move(inBlock(oldBlock, old), inBlock(newBlock, x), x);
  }

  /**
   * Replaces one value equal to {@code oldS} by {@code xS} in {@code s} and one equal to {@code oldT} by {@code xT}
   * in {@code t}, two sequences of the same size: the same as {@code s.replace(oldS, xS); t.replace(oldT, xT)}, with
   * the four searches done side by side so that their chains of dependent reads overlap.
   */
  static void replace(SortedBlocks s, double oldS, double xS, SortedBlocks t, double oldT, double xT) {
    double[] ss = s.smallest;
    double[] ts = t.smallest;
    int a = 0;
    int b = 0;
    int c = 0;
    int d = 0;
    for (int n = (s.size + MASK) >>> SHIFT; n > 1; ) {
      int half = n >>> 1;
      a = ss[a + half] < oldS ? a + half : a;
      b = ss[b + half] < xS ? b + half : b;
      c = ts[c + half] < oldT ? c + half : c;
      d = ts[d + half] < xT ? d + half : d;
      n -= half;
    }
    double[] sd = s.data;
    double[] td = t.data;
    int fa = s.first[a];
    int fb = s.first[b];
    int fc = t.first[c];
    int fd = t.first[d];
    int ia = 0;
    int ib = 0;
    int ic = 0;
    int id = 0;
    for (int half = BLOCK >>> 1; half > 0; half >>>= 1) {
      ia = sd[fa + ia + half] < oldS ? ia + half : ia;
      ib = sd[fb + ib + half] < xS ? ib + half : ib;
      ic = td[fc + ic + half] < oldT ? ic + half : ic;
      id = td[fd + id + half] < xT ? id + half : id;
    }
    int outS = (a << SHIFT) + ia + (sd[fa + ia] < oldS ? 1 : 0);
    int atS = (b << SHIFT) + ib + (sd[fb + ib] < xS ? 1 : 0);
    int outT = (c << SHIFT) + ic + (td[fc + ic] < oldT ? 1 : 0);
    int atT = (d << SHIFT) + id + (td[fd + id] < xT ? 1 : 0);
    s.move(outS, atS, xS);
    t.move(outT, atT, xT);
  }

  /** Drops rank {@code out} and puts {@code x} at its place, the first rank {@code at} whose value is not below it. */
  private void move(int out, int at, double x) {
    if (at > out) {
      // x goes after the removed value: the values in between move one place down.
      moveDown(out, at - 1, x);
    } else {
      moveUp(at, out, x);
    }
  }

  /** Whether block {@code b} holds {@value #BLOCK} values (every block but a last one that is not). */
  private boolean full(int b) {
    return (b + 1) << SHIFT <= size;
  }

  /** The values of ranks [at, out) move up one place (rank out's is dropped) and x takes rank at. */
  private void moveUp(int at, int out, double x) {
    int ba = at >>> SHIFT;
    int bo = out >>> SHIFT;
    int j = at & MASK;
    int from = first[ba];
    if (ba == bo) {
      System.arraycopy(data, from + j, data, from + j + 1, (out & MASK) - j);
      data[from + j] = x;
      smallest[ba] = data[from];
      return;
    }
    // Block ba (full) drops its largest value and takes x at offset j: its values from offset j move up, by a
    // copy of a whole block's length whose part beyond the block is of no account.
    double carry = data[from + MASK];
    System.arraycopy(data, from + j, data, from + j + 1, BLOCK);
    data[from + j] = x;
    smallest[ba] = data[from];
    for (int b = ba + 1; b < bo; b++) {
      // The largest value leaves, carry becomes the smallest.
      int f = first[b];
      double largest = data[f + MASK];
      if (f == b * REGION) {
        f = recentre(b);
      }
      f--;
      data[f] = carry;
      first[b] = f;
      smallest[b] = carry;
      carry = largest;
    }
    // Block bo loses offset out % BLOCK and takes carry as its smallest value.
    from = first[bo];
    int o = out & MASK;
    if (full(bo)) {
      // Its values above offset o move down (a whole block's length again) and the block starts one place lower.
      if (from == bo * REGION) {
        from = recentre(bo);
      }
      System.arraycopy(data, from + o + 1, data, from + o, BLOCK);
      from--;
      first[bo] = from;
    } else {
      // The last block does not move: the places after its values must stay +∞.
      System.arraycopy(data, from, data, from + 1, o);
    }
    data[from] = carry;
    smallest[bo] = carry;
  }

  /** The values of ranks (out, at] move down one place (rank out's is dropped) and x takes rank at. */
  private void moveDown(int out, int at, double x) {
    int bo = out >>> SHIFT;
    int ba = at >>> SHIFT;
    int j = at & MASK;
    int from = first[ba];
    if (ba == bo) {
      int o = out & MASK;
      System.arraycopy(data, from + o + 1, data, from + o, j - o);
      data[from + j] = x;
      smallest[ba] = data[from];
      return;
    }
    // Block ba drops its smallest value and takes x at offset j.
    double carry;
    if (full(ba)) {
      // The block starts one place higher; its values above offset j move up (a whole block's length).
      if (from == ba * REGION + LAST_FIRST) {
        from = recentre(ba);
      }
      carry = data[from];
      System.arraycopy(data, from + j + 1, data, from + j + 2, BLOCK);
      from++;
      first[ba] = from;
    } else {
      // The last block does not move: the places after its values must stay +∞.
      carry = data[from];
      System.arraycopy(data, from + 1, data, from, j);
    }
    data[from + j] = x;
    smallest[ba] = data[from];
    for (int b = ba - 1; b > bo; b--) {
      // The smallest value leaves, carry becomes the largest.
      int f = first[b];
      double least = data[f];
      if (f == b * REGION + LAST_FIRST) {
        f = recentre(b);
      }
      f++;
      data[f + MASK] = carry;
      first[b] = f;
      smallest[b] = data[f];
      carry = least;
    }
    // Block bo (full) loses offset out % BLOCK and takes carry as its largest value.
    from = first[bo];
    int o = out & MASK;
    System.arraycopy(data, from + o + 1, data, from + o, BLOCK);
    data[from + MASK] = carry;
    smallest[bo] = data[from];
  }

  /** Moves block b's values to the middle of its region (from one of its ends); returns their new first index. */
  private int recentre(int b) {
    int middle = b * REGION + MIDDLE;
    System.arraycopy(data, first[b], data, middle, BLOCK);
    first[b] = middle;
    return middle;
  }
}
