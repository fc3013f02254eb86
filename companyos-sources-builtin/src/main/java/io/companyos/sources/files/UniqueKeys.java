package io.companyos.sources.files;

/**
 * The row keys (ids) read so far with the line each was first read on, to refuse a repeated id: an open-addressing
 * table of the keys and a parallel array of lines, so a file of a million ids adds no entry object and no boxed line
 * per row (a {@code HashMap<Object, Long>} made two objects per row for the collector to copy). Keys are compared with
 * {@code equals}; not thread-safe.
 */
final class UniqueKeys {
  private Object[] keys = new Object[1 << 10];
  /** Each key's hash, so that a probe passes over other keys without reading them. */
  private int[] hashes = new int[1 << 10];
  private long[] lines = new long[1 << 10];
  private int size;

  /**
   * Records {@code key} as first read on {@code line}, unless it was read before.
   *
   * @return -1 when the key is new, else the line it was first read on
   */
  long putIfAbsent(Object key, long line) {
    int h = key.hashCode();
    int mask = keys.length - 1;
    for (int i = slot(h, mask); ; i = (i + 1) & mask) {
      Object k = keys[i];
      if (k == null) {
        keys[i] = key;
        hashes[i] = h;
        lines[i] = line;
        if (++size > keys.length >>> 1) {
          grow();
        }
        return -1;
      }
      if (hashes[i] == h && k.equals(key)) {
        return lines[i];
      }
    }
  }

  int size() {
    return size;
  }

  /**
   * The key's hash with its high half folded into its low half, as {@code HashMap} spreads it: ids numbered in order
   * (as most exports write them) land in neighbouring slots, so the table is swept instead of read at random. Mixing
   * the hash with a multiplication spread them over the whole table and made the check 2-3 times slower on a
   * million change ids. Such ids do crowd together (15-33 further slots probed per id for two million decimal or
   * prefixed numbers, against about one for UUIDs), which is why a probe compares the stored hash first.
   */
  private static int slot(int h, int mask) {
    return (h ^ (h >>> 16)) & mask;
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    long[] oldLines = lines;
    keys = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    lines = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      Object k = oldKeys[j];
      if (k != null) {
        int i = slot(oldHashes[j], mask);
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        hashes[i] = oldHashes[j];
        lines[i] = oldLines[j];
      }
    }
  }
}
