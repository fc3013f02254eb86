package io.companyos.sources.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A column of ASCII texts that rarely repeat (ids, sessions) kept as bytes: all of them side by side in one array, with
 * an offset and a length per row, so a million rows are three arrays, not a million Strings. A row's String is made
 * when it is read.
 */
final class TextColumn {
  byte[] bytes;
  int byteSize;
  int[] from;
  int[] length;
  int size;

  TextColumn(int rows, int bytes) {
    this.bytes = new byte[Math.max(16, bytes)];
    this.from = new int[Math.max(16, rows)];
    this.length = new int[Math.max(16, rows)];
  }

  private TextColumn(byte[] bytes, int[] from, int[] length) {
    this.bytes = bytes;
    this.byteSize = bytes.length;
    this.from = from;
    this.length = length;
    this.size = from.length;
  }

  /**
   * A column of the given bytes and rows, checked: each row within the bytes.
   *
   * @throws IllegalStateException when a row lies outside the bytes or the arrays differ in length
   */
  static TextColumn of(byte[] bytes, int[] from, int[] length) {
    if (from.length != length.length) {
      throw new IllegalStateException("columns of unequal length");
    }
    for (int i = 0; i < from.length; i++) {
      if (from[i] < 0 || length[i] < 0 || from[i] > bytes.length - length[i]) {
        throw new IllegalStateException("a text beyond the column's bytes");
      }
    }
    return new TextColumn(bytes, from, length);
  }

  /** Adds the text of {@code b[s, e)}: not plain when it is empty or not ASCII, or more than one array holds. */
  void add(byte[] b, int s, int e) {
    if (s == e) {
      throw new ColumnScan.NotPlain(); // a required cell (the record path says so)
    }
    addOptional(b, s, e);
  }

  /** Adds the text of {@code b[s, e)}, which may be empty: not plain when it is not ASCII, or more than one array holds. */
  void addOptional(byte[] b, int s, int e) {
    int n = e - s;
    if (n > Integer.MAX_VALUE - 16 - byteSize) {
      throw new ColumnScan.NotPlain(); // more text than one array holds
    }
    if (size == from.length) {
      from = Arrays.copyOf(from, size * 2);
      length = Arrays.copyOf(length, size * 2);
    }
    if (byteSize + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(byteSize + (long) n, 2L * bytes.length)));
    }
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c < 0) {
        throw new ColumnScan.NotPlain(); // not ASCII
      }
      bytes[byteSize + i - s] = c;
    }
    from[size] = byteSize;
    length[size] = n;
    byteSize += n;
    size++;
  }

  /** The text of row {@code i}. */
  String text(int i) {
    return new String(bytes, from[i], length[i], StandardCharsets.ISO_8859_1);
  }

  /** The parts' texts one after another, in their order. */
  static TextColumn join(List<TextColumn> parts) {
    long bytes = 0;
    int rows = 0;
    for (TextColumn p : parts) {
      bytes += p.byteSize;
      rows += p.size;
    }
    if (bytes > Integer.MAX_VALUE - 16) {
      throw new ColumnScan.NotPlain();
    }
    byte[] all = new byte[(int) bytes];
    int[] from = new int[rows];
    int[] length = new int[rows];
    int at = 0;
    int byteAt = 0;
    for (TextColumn p : parts) {
      System.arraycopy(p.bytes, 0, all, byteAt, p.byteSize);
      for (int i = 0; i < p.size; i++) {
        from[at + i] = byteAt + p.from[i];
      }
      System.arraycopy(p.length, 0, length, at, p.size);
      at += p.size;
      byteAt += p.byteSize;
    }
    return new TextColumn(all, from, length);
  }

  /** This column's rows in {@code order} (the texts stay where they are). */
  TextColumn permute(int[] order) {
    int[] f = new int[order.length];
    int[] l = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      f[i] = from[order[i]];
      l[i] = length[order[i]];
    }
    return new TextColumn(bytes, f, l);
  }

  /**
   * The first row whose text repeats an earlier row's, or -1 when every text is distinct: an open-addressing table of
   * row numbers, each slot beside its text's hash (compared first), the hash folded as {@code HashMap} folds it.
   */
  int firstRepeat() {
    int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
    int[] rows = new int[capacity];
    int[] hashes = new int[capacity];
    int mask = capacity - 1;
    for (int r = 0; r < size; r++) {
      int h = 0;
      int f = from[r];
      int n = length[r];
      for (int i = f; i < f + n; i++) {
        h = 31 * h + bytes[i];
      }
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        int known = rows[slot] - 1;
        if (known < 0) {
          rows[slot] = r + 1;
          hashes[slot] = h;
          break;
        }
        if (hashes[slot] == h && Arrays.equals(bytes, f, f + n, bytes, from[known], from[known] + length[known])) {
          return r;
        }
      }
    }
    return -1;
  }
}
