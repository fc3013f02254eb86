package io.companyos.sources.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The byte scan behind the files source's columns ({@link MetricColumns}, {@link EventColumns}): an uncompressed CSV
 * file read a chunk at a time with the field splitter of {@link DoraScan}, its header as the record path reads it, and
 * a big file in two parts on two threads joined in file order. A part gives up on the first row it cannot read the way
 * the record path would ({@link NotPlain}, {@link DoraScan.NotScannable}, {@link IsoTimes.BadTime},
 * {@link CsvRow.BadValue}); then the whole file goes to the record path, which reports the row as always.
 */
final class ColumnScan {
  /** Bytes of the file held at once (plus the rest of the last record). */
  static final int CHUNK = 8 << 20;
  /** Files of this size or more are scanned in two parts, on two threads. */
  static final long PARALLEL_BYTES = 16L << 20;

  private ColumnScan() {}

  /** The size from which a file is scanned in two parts here: {@link #PARALLEL_BYTES}, or never on one processor. */
  static long parallelBytes() {
    return Runtime.getRuntime().availableProcessors() > 1 ? PARALLEL_BYTES : Long.MAX_VALUE;
  }

  /** What one part of a file gathers from its records. */
  abstract static class Part {
    /** The first record start at or after the part's limit (the file's size at its end). */
    long end;
    boolean notPlain;

    /** Reads one record, whose fields {@code f} holds as ranges of {@code b}. */
    abstract void record(byte[] b, DoraScan.Fields f);

    /** Told, before its first record, about how many bytes of the file the part will read (to size its columns). */
    void expect(long bytes) {}
  }

  /** Reads the records of a part of the file into a new part. */
  interface Parts<P extends Part> {
    P create();
  }

  /** A cell the scan does not read; the record path decides about it. */
  static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  /**
   * Scans {@code file}: its header (a byte-order mark skipped, names stripped as the record path strips them, a repeated
   * name's last column), then its records into one part, or into two parts on two threads when the file has
   * {@code parallelBytes} or more. The second part starts at the first record start after the middle and the first reads
   * up to it; a middle inside a quoted line break is seen when the first part ends elsewhere, and the second part is then
   * read again from where the first ended. Empty when the file or a part is not plain.
   *
   * @param file an uncompressed CSV file
   * @param parallelBytes the size from which two threads read it
   * @param thread the name of the second part's thread
   * @param parts makes a part once the header is known (the column positions), empty when it lacks a column
   * @return the parts in file order, or empty
   * @throws IOException when the file cannot be read
   */
  static <P extends Part> Optional<List<P>> scan(Path file, long parallelBytes, String thread,
      java.util.function.Function<Map<String, Integer>, Optional<Parts<P>>> parts) throws IOException {
    return scan(file, 0, parallelBytes, thread, parts);
  }

  /**
   * {@link #scan(Path, long, String, java.util.function.Function)} of the records from byte {@code from} on (0 for all of
   * them; else a record start, just after a line feed, as the end of the file a {@link ColumnCache} copy was made from):
   * the header is read from the file's start as always, and only the records from {@code from} go into the parts.
   *
   * @param from 0, or the offset of the first record to read
   */
  static <P extends Part> Optional<List<P>> scan(Path file, long from, long parallelBytes, String thread,
      java.util.function.Function<Map<String, Integer>, Optional<Parts<P>>> parts) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      DoraScan.@org.jspecify.annotations.Nullable Text t = new DoraScan.Text(ch, size, 0, (int) Math.min(size, CHUNK + (1 << 16)));
      DoraScan.Fields f = new DoraScan.Fields();
      int p = 0;
      if (t.len >= 3 && (t.b[0] & 0xFF) == 0xEF && (t.b[1] & 0xFF) == 0xBB && (t.b[2] & 0xFF) == 0xBF) {
        p = 3; // a UTF-8 byte-order mark, as the record path skips it
      }
      if (p >= t.len) {
        return Optional.empty();
      }
      int headerStart = p;
      p = f.record(t, p);
      requireUtf8(t.b, headerStart, p, f);
      Map<String, Integer> header = new HashMap<>();
      for (int i = 0; i < f.count; i++) {
        header.put(new String(t.b, f.from[i], f.to[i] - f.from[i], StandardCharsets.UTF_8).strip().replace("\uFEFF", ""), i);
      }
      Optional<Parts<P>> made = parts.apply(header);
      if (made.isEmpty()) {
        return Optional.empty();
      }
      Parts<P> factory = made.get();
      if (from > p) {
        if (from > size) {
          return Optional.empty();
        }
        t = null; // the records start at from, past the header's buffer
      }
      long start = Math.max(from, p);
      long split = (t == null ? size - start : size) >= parallelBytes ? recordStartAfter(ch, size, start + (size - start) / 2) : size;
      java.util.concurrent.FutureTask<P> second = null;
      if (split < size) {
        second = new java.util.concurrent.FutureTask<>(() -> read(factory.create(), ch, size, null, 0, split, size));
        Thread worker = new Thread(second, thread);
        worker.setDaemon(true);
        worker.start();
      }
      P first = t == null ? read(factory.create(), ch, size, null, 0, start, split) : read(factory.create(), ch, size, t, p, 0, split);
      P rest = second == null ? null : await(second, file); // always waited for: the channel is closed after it
      if (first.notPlain) {
        return Optional.empty();
      }
      if (rest != null && first.end != split) {
        rest = read(factory.create(), ch, size, null, 0, first.end, size); // the middle fell inside a record
      }
      if (rest != null && rest.notPlain) {
        return Optional.empty();
      }
      return Optional.of(rest == null ? List.of(first) : List.of(first, rest));
    } catch (DoraScan.NotScannable | IsoTimes.BadTime | CsvRow.BadValue | NotPlain e) {
      return Optional.empty();
    }
  }

  private static <P> P await(java.util.concurrent.FutureTask<P> task, Path file) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + file.getFileName());
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Reads into {@code part} the records that start in {@code [base + p, to)} (the last one may run past {@code to}),
   * from {@code t} (the file from {@code base}) or, when it is null, from a new buffer at {@code base}.
   */
  private static <P extends Part> P read(P part, FileChannel ch, long size, DoraScan.@org.jspecify.annotations.Nullable Text t,
      int p, long base, long to) throws IOException {
    part.expect(Math.min(to, size) - base - p);
    try {
      records(part, ch, size, t == null ? new DoraScan.Text(ch, size, base, bufferSize(size, base, to)) : t, p, base, to);
    } catch (DoraScan.NotScannable | IsoTimes.BadTime | CsvRow.BadValue | NotPlain e) {
      part.notPlain = true;
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return part;
  }

  /** A buffer of a chunk, or of what is left before the part's limit (and a little past it, for its last record). */
  private static int bufferSize(long size, long base, long to) {
    return (int) Math.min(Math.min(size, to + (1 << 16)) - base, CHUNK + (1 << 16));
  }

  private static void records(Part part, FileChannel ch, long size, DoraScan.Text t, int p, long base, long to)
      throws IOException {
    DoraScan.Fields f = new DoraScan.Fields();
    while (true) {
      if (p >= CHUNK) {
        // Go on at this record's start in the same buffer (read into again: the parts copy what they keep), so the
        // file is never held whole and a chunk costs no new 8 MiB array.
        base += p;
        t = new DoraScan.Text(ch, size, base, bufferSize(size, base, to), t.b);
        p = 0;
      }
      if (p >= t.len && !t.more()) {
        part.end = size;
        return;
      }
      if (DoraScan.Fields.isLineEnd(t.b[p])) {
        p++; // an empty line (skipped by the record path too), or the LF of a CRLF
        continue;
      }
      if (base + p >= to) {
        part.end = base + p; // the next part's first record
        return;
      }
      int start = p;
      p = f.record(t, p);
      requireUtf8(t.b, start, p, f);
      part.record(t.b, f);
    }
  }

  /**
   * Not plain when the record in {@code b[from, to)} is not UTF-8 text, which the record path refuses for the whole file
   * (even in a column the scan does not read); a record of ASCII bytes, nearly every one, needs no second look.
   */
  private static void requireUtf8(byte[] b, int from, int to, DoraScan.Fields f) {
    if (f.ascii()) {
      return;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, from, to - from));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new NotPlain();
    }
  }

  /** The first record start after {@code from}: past the next line feed and any line ends after it ({@code size} if none). */
  private static long recordStartAfter(FileChannel ch, long size, long from) throws IOException {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
    boolean afterLineFeed = false;
    for (long at = from; at < size; ) {
      buf.clear();
      int n = ch.read(buf, at);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        byte c = buf.get(i);
        if (afterLineFeed && !DoraScan.Fields.isLineEnd(c)) {
          return at + i;
        }
        afterLineFeed |= c == '\n';
      }
      at += n;
    }
    return size;
  }

  /** Nanoseconds since the epoch of the time in {@code b[from, to)}, as the record path reads it; not plain beyond a long. */
  static long nanos(byte[] b, int from, int to) {
    if (from == to) {
      throw new NotPlain();
    }
    long nanos = IsoTimes.epochNanos(b, from, to);
    if (nanos == Long.MIN_VALUE) {
      throw new NotPlain();
    }
    return nanos;
  }

  /** Nanoseconds since the epoch of {@code t}, clamped to a long (a window may reach beyond any point). */
  static long clampedNanos(java.time.Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The instant {@code nanos} nanoseconds after the epoch. */
  static java.time.Instant instant(long nanos) {
    return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** The first index of {@code nanos[0, size)} (sorted) whose time is at or after {@code t}. */
  static int lowerBound(long[] nanos, int size, long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (nanos[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The rows of {@code window} among rows kept sorted by {@code nanos}, as records {@code row} makes from their places
   * when they are read.
   */
  static <T> List<T> window(long[] nanos, io.companyos.model.time.TimeWindow window, java.util.function.IntFunction<T> row) {
    int from = lowerBound(nanos, nanos.length, clampedNanos(window.start()));
    int to = lowerBound(nanos, nanos.length, clampedNanos(window.end()));
    return new io.companyos.sources.ComputedRows<>() {
      @Override
      public T get(int i) {
        java.util.Objects.checkIndex(i, to - from);
        return row.apply(from + i);
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  /** The places of {@code nanos} in time order (stable), or null when they are in time order already. */
  static int @org.jspecify.annotations.Nullable [] orderIfUnsorted(long[] nanos) {
    for (int i = 1; i < nanos.length; i++) {
      if (nanos[i] < nanos[i - 1]) {
        return TimeOrder.orderOfNanos(nanos, nanos.length);
      }
    }
    return null;
  }

  /** {@code values} in {@code order}. */
  static long[] permute(long[] values, int[] order) {
    long[] out = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /** {@code values} in {@code order}. */
  static byte[] permute(byte[] values, int[] order) {
    byte[] out = new byte[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /** {@code values} in {@code order}. */
  static int[] permute(int[] values, int[] order) {
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /** The span of the sorted times {@code nanos[0, size)} and its distinct instants, as {@code Coverage.of} gives it. */
  static Optional<io.companyos.sources.Provenance.Coverage> coverage(long[] nanos, int size) {
    if (size == 0) {
      return Optional.empty();
    }
    long distinct = 1;
    for (int i = 1; i < size; i++) {
      if (nanos[i] != nanos[i - 1]) {
        distinct++;
      }
    }
    return Optional.of(new io.companyos.sources.Provenance.Coverage(instant(nanos[0]), instant(nanos[size - 1]), distinct, null));
  }

  /**
   * The numbers of a column's texts across the parts of a file, as one pass over the whole file numbers them: in order
   * of first use. Each part numbers its own texts so ({@link Names}); joined in file order, a part's texts already known
   * keep their numbers and new ones follow.
   *
   * @param <V> the value kept for each text (the text itself, or what it reads as)
   */
  static final class Numbering<V> {
    private final Map<String, Integer> ids = new HashMap<>();
    /** The value of each number. */
    final List<V> values = new java.util.ArrayList<>();

    /** Numbers {@code text} (with {@code value}) when it is new: the texts of rows before any part's, kept with their numbers. */
    void known(String text, V value) {
      ids.putIfAbsent(text, values.size());
      values.add(value);
    }

    /**
     * A part's numbers turned into the file's: its texts {@code own} (numbered by the part in order of first use), a new
     * one taking the next number and its value {@code value.apply(i)}.
     */
    int[] renumber(String[] own, java.util.function.IntFunction<V> value) {
      int[] remap = new int[own.length];
      for (int i = 0; i < own.length; i++) {
        Integer id = ids.get(own[i]);
        if (id == null) {
          id = values.size();
          ids.put(own[i], id);
          values.add(value.apply(i));
        }
        remap[i] = id;
      }
      return remap;
    }

    /** Copies a part's {@code n} numbers into {@code to} from {@code at}, renumbered by {@code remap} (-1, none, kept). */
    static void copy(int[] from, int n, int[] remap, int[] to, int at) {
      for (int i = 0; i < n; i++) {
        to[at + i] = from[i] < 0 ? -1 : remap[from[i]];
      }
    }
  }

  /**
   * Text interned from its bytes (ASCII only), each distinct text numbered in order of first use, so a repeated cell
   * costs no String and a column can be kept as numbers.
   */
  static final class Names {
    /** Per slot: the text's number + 1, 0 when free. */
    private int[] slots = new int[64];
    private byte[][] keys = new byte[32][];
    private String[] values = new String[32];
    private int size;

    /**
     * The text of {@code b[from, to)}, the same String for the same bytes.
     *
     * @return the text, or null when it is empty or not ASCII
     */
    String name(byte[] b, int from, int to) {
      int id = id(b, from, to);
      return id < 0 ? null : values[id];
    }

    /**
     * The number of the text of {@code b[from, to)}, from 0 in order of first use.
     *
     * @return the number, or -1 when the text is empty or not ASCII
     */
    int id(byte[] b, int from, int to) {
      if (from == to) {
        return -1;
      }
      int h = 0;
      for (int i = from; i < to; i++) {
        if (b[i] < 0) {
          return -1;
        }
        h = 31 * h + b[i];
      }
      int mask = slots.length - 1;
      for (int slot = slot(h) & mask; ; slot = (slot + 1) & mask) {
        int known = slots[slot] - 1;
        if (known < 0) {
          if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
          }
          keys[size] = java.util.Arrays.copyOfRange(b, from, to);
          values[size] = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
          slots[slot] = ++size;
          if (size * 2 > slots.length) {
            grow();
          }
          return size - 1;
        }
        byte[] k = keys[known];
        if (java.util.Arrays.equals(k, 0, k.length, b, from, to)) {
          return known;
        }
      }
    }

    /** The texts, by number. */
    String[] values() {
      return java.util.Arrays.copyOf(values, size);
    }

    /** The text numbered {@code id}. */
    String value(int id) {
      return values[id];
    }

    /**
     * A text's first slot: its hash mixed (a multiplicative step, then the high bits folded in), as texts numbered in
     * order ("s-235-0-1", "s-235-0-2") have hashes close together that would crowd one run of slots.
     */
    private static int slot(int h) {
      h *= 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    /** Twice the slots. */
    private void grow() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int id = 0; id < size; id++) {
        int h = 0;
        for (byte c : keys[id]) {
          h = 31 * h + c;
        }
        int slot = slot(h) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
      }
    }
  }
}
