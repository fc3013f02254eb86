package io.companyos.sources.files;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The points of a big {@code metrics.csv}, kept in columns per metric: times (nanoseconds since the epoch) and values in
 * primitive arrays sorted by time, and each point's label set as an index into the file's distinct label sets. Read
 * once with the byte scanner of {@link DoraScan} and {@link IsoTimes}, without a record per row; a query touches only
 * its metric's points, found by binary search on time. It answers exactly what {@link MetricPoint} records of the same
 * file answer ({@code MetricPointQueries}): a file that is not plain (quotes, non-ASCII text, a value or time the record
 * path would refuse or read differently) is not read here, and the caller reads records instead, which reports the bad
 * row as before.
 */
final class MetricColumns {
  private static final double TWO_53 = 0x1p53;
  /** Bytes of the file held at once (plus the rest of the last record). */
  static final int CHUNK = 8 << 20;
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** One metric's points, sorted by time, ties in file order. */
  static final class Points {
    final String metric;
    long[] nanos = new long[64];
    double[] values = new double[64];
    int[] labels = new int[64];
    int size;

    Points(String metric) {
      this.metric = metric;
    }

    void add(long t, double v, int l) {
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
        values = Arrays.copyOf(values, size * 2);
        labels = Arrays.copyOf(labels, size * 2);
      }
      nanos[size] = t;
      values[size] = v;
      labels[size] = l;
      size++;
    }

    /** Adds {@code other}'s points after these, in their order. */
    void addAll(Points other) {
      if (size + other.size > nanos.length) {
        int capacity = Math.max(size + other.size, nanos.length * 2);
        nanos = Arrays.copyOf(nanos, capacity);
        values = Arrays.copyOf(values, capacity);
        labels = Arrays.copyOf(labels, capacity);
      }
      System.arraycopy(other.nanos, 0, nanos, size, other.size);
      System.arraycopy(other.values, 0, values, size, other.size);
      System.arraycopy(other.labels, 0, labels, size, other.size);
      size += other.size;
    }

    /** Sorts by time, ties in file order, unless the file was in time order already. */
    void sort() {
      boolean sorted = true;
      for (int i = 1; i < size && sorted; i++) {
        sorted = nanos[i - 1] <= nanos[i];
      }
      if (sorted) {
        return;
      }
      // A stable radix sort of the indexes by time: equal times keep file order.
      int[] idx = TimeOrder.orderOfNanos(nanos, size);
      long[] n = new long[size];
      double[] v = new double[size];
      int[] l = new int[size];
      for (int i = 0; i < size; i++) {
        n[i] = nanos[idx[i]];
        v[i] = values[idx[i]];
        l[i] = labels[idx[i]];
      }
      nanos = n;
      values = v;
      labels = l;
    }

    /** The first index whose time is at or after {@code t}. */
    int lowerBound(long t) {
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
  }

  private final Map<String, Points> byMetric;
  private final List<Map<String, String>> labelSets;

  private MetricColumns(Map<String, Points> byMetric, List<Map<String, String>> labelSets) {
    this.byMetric = byMetric;
    this.labelSets = labelSets;
  }

  /** The metric names, sorted. */
  List<String> metrics() {
    return new ArrayList<>(new TreeMap<>(byMetric).keySet());
  }

  /** The span of one metric's points (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  Optional<Provenance.Coverage> coverage(String metric) {
    Points p = byMetric.get(metric);
    if (p == null || p.size == 0) {
      return Optional.empty();
    }
    long distinct = 1;
    for (int i = 1; i < p.size; i++) {
      if (p.nanos[i] != p.nanos[i - 1]) {
        distinct++;
      }
    }
    return Optional.of(new Provenance.Coverage(instant(p.nanos[0]), instant(p.nanos[p.size - 1]), distinct, null));
  }

  /** Per matching series, its latest point in {@code [at - lookback, at]} (as {@code MetricPointQueries.instant}). */
  List<Series> instant(MetricSelector selector, Instant at, java.time.Duration lookback) {
    Points p = byMetric.get(selector.metric());
    Map<Map<String, String>, Integer> latest = new LinkedHashMap<>();
    if (p != null) {
      int from = p.lowerBound(nanos(at.minus(lookback)));
      int to = p.lowerBound(nanos(at) + 1);
      Map<Integer, Boolean> matches = new HashMap<>();
      for (int i = from; i < to; i++) {
        int l = p.labels[i];
        if (matches.computeIfAbsent(l, k -> selector.matches(selector.metric(), labelSets.get(k)))) {
          latest.put(labelSets.get(l), i);
        }
      }
    }
    List<Series> out = new ArrayList<>();
    MetricPointQueries.sortedByLabels(latest).forEach((labels, i) ->
        out.add(new Series(selector.metric(), labels, List.of(new Series.Point(instant(p.nanos[i]), p.values[i])))));
    return out;
  }

  /** Per matching series, its points in the window, in time order (as {@code MetricPointQueries.range}). */
  List<Series> range(MetricSelector selector, TimeWindow window) {
    Points p = byMetric.get(selector.metric());
    Map<Map<String, String>, List<Series.Point>> points = new LinkedHashMap<>();
    if (p != null) {
      int from = p.lowerBound(nanos(window.start()));
      int to = p.lowerBound(nanos(window.end()));
      Map<Integer, Boolean> matches = new HashMap<>();
      for (int i = from; i < to; i++) {
        int l = p.labels[i];
        if (matches.computeIfAbsent(l, k -> selector.matches(selector.metric(), labelSets.get(k)))) {
          points.computeIfAbsent(labelSets.get(l), k -> new ArrayList<>()).add(new Series.Point(instant(p.nanos[i]), p.values[i]));
        }
      }
    }
    List<Series> out = new ArrayList<>();
    MetricPointQueries.sortedByLabels(points).forEach((labels, pts) -> out.add(new Series(selector.metric(), labels, pts)));
    return out;
  }

  private static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Files of this size or more are scanned in two parts, on two threads. */
  static final long PARALLEL_BYTES = 16L << 20;

  /**
   * Reads {@code file} (uncompressed CSV) in columns; empty when it is not plain enough, and the record path must read it.
   *
   * @param file metrics.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<MetricColumns> scan(Path file) throws IOException {
    return scan(file, Runtime.getRuntime().availableProcessors() > 1 ? PARALLEL_BYTES : Long.MAX_VALUE);
  }

  /**
   * {@link #scan(Path)}, in two parts on two threads when the file has {@code parallelBytes} or more: the second part
   * starts at the first record start after the middle, the first reads up to it, and their points and label sets are
   * joined in file order, so the columns are those of one pass. A middle inside a quoted line break is seen when the
   * first part ends elsewhere; the second part is then read again from where the first ended.
   */
  static Optional<MetricColumns> scan(Path file, long parallelBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      DoraScan.Text t = new DoraScan.Text(ch, size, 0, (int) Math.min(size, CHUNK + (1 << 16)));
      DoraScan.Fields f = new DoraScan.Fields();
      int p = 0;
      if (t.len >= 3 && (t.b[0] & 0xFF) == 0xEF && (t.b[1] & 0xFF) == 0xBB && (t.b[2] & 0xFF) == 0xBF) {
        p = 3; // a UTF-8 byte-order mark, as the record path skips it
      }
      if (p >= t.len) {
        return Optional.empty();
      }
      p = f.record(t, p);
      Map<String, Integer> header = new HashMap<>();
      for (int i = 0; i < f.count; i++) {
        // As the record path: the name stripped, byte-order marks removed, a repeated name's last column.
        header.put(new String(t.b, f.from[i], f.to[i] - f.from[i], StandardCharsets.UTF_8).strip().replace("\uFEFF", ""), i);
      }
      Integer ts = header.get("timestamp");
      Integer mc = header.get("metric");
      Integer vc = header.get("value");
      int lc = header.getOrDefault("labels", -1);
      if (ts == null || mc == null || vc == null) {
        return Optional.empty();
      }
      Columns cols = new Columns(ts, mc, vc, lc);
      long split = size >= parallelBytes ? recordStartAfter(ch, size, p + (size - p) / 2) : size;
      java.util.concurrent.FutureTask<Part> second = null;
      if (split < size) {
        second = new java.util.concurrent.FutureTask<>(() -> Part.scan(ch, size, null, 0, split, size, cols));
        Thread thread = new Thread(second, "metrics-scan");
        thread.setDaemon(true);
        thread.start();
      }
      Part first = Part.scan(ch, size, t, p, 0, split, cols);
      Part rest = second == null ? null : await(second); // always waited for: the channel is closed after it
      if (first.notPlain) {
        return Optional.empty();
      }
      if (rest != null && first.end != split) {
        rest = Part.scan(ch, size, null, 0, first.end, size, cols); // the middle fell inside a record
      }
      if (rest != null && rest.notPlain) {
        return Optional.empty();
      }
      return Optional.of(join(rest == null ? List.of(first) : List.of(first, rest)));
    } catch (DoraScan.NotScannable | IsoTimes.BadTime | CsvRow.BadValue | NotPlain e) {
      return Optional.empty();
    }
  }

  private static Part await(java.util.concurrent.FutureTask<Part> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading metrics.csv");
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
   * The parts' points joined in file order: each part's label sets take the ids of the sets read before them (a part
   * numbers its own in order of first use, as one pass would), then each metric's points are sorted by time.
   */
  private static MetricColumns join(List<Part> parts) {
    Map<String, Points> byMetric = new HashMap<>();
    List<Map<String, String>> labelSets = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (Part part : parts) {
      int[] remap = new int[part.labelTexts.size()];
      for (int i = 0; i < remap.length; i++) {
        String text = part.labelTexts.get(i);
        Integer id = ids.get(text);
        if (id == null) {
          id = labelSets.size();
          labelSets.add(labels(text));
          ids.put(text, id);
        }
        remap[i] = id;
      }
      part.byMetric.forEach((metric, points) -> {
        for (int i = 0; i < points.size; i++) {
          points.labels[i] = remap[points.labels[i]];
        }
        Points into = byMetric.get(metric);
        if (into == null) {
          byMetric.put(metric, points);
        } else {
          into.addAll(points);
        }
      });
    }
    byMetric.values().forEach(Points::sort);
    return new MetricColumns(byMetric, labelSets);
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

  /** The columns of the file's header the scan reads. */
  private record Columns(int time, int metric, int value, int labels) {}

  /** The points of one part of the file, their label sets numbered by the part (as text), and where the part ended. */
  private static final class Part {
    final Map<String, Points> byMetric = new HashMap<>();
    final List<String> labelTexts = new ArrayList<>();
    /** The first record start at or after the part's limit (the file's size at its end). */
    long end;
    boolean notPlain;

    /**
     * Scans the records that start in {@code [base + p, to)} (the last one may run past {@code to}), from {@code t}
     * (the file from {@code base}) or, when it is null, from a new buffer at {@code base}.
     */
    static Part scan(FileChannel ch, long size, DoraScan.@org.jspecify.annotations.Nullable Text t, int p, long base, long to,
        Columns cols) throws IOException {
      Part part = new Part();
      try {
        part.read(ch, size, t == null ? new DoraScan.Text(ch, size, base, bufferSize(size, base, to)) : t, p, base, to, cols);
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

    private void read(FileChannel ch, long size, DoraScan.Text t, int p, long base, long to, Columns cols) throws IOException {
      DoraScan.Fields f = new DoraScan.Fields();
      Names names = new Names();
      Names labelNames = new Names();
      Map<String, Integer> labelIds = new HashMap<>();
      while (true) {
        if (p >= CHUNK) {
          // Start a new buffer at this record's start, so the file is never held whole.
          base += p;
          t = new DoraScan.Text(ch, size, base, bufferSize(size, base, to));
          p = 0;
        }
        if (p >= t.len && !t.more()) {
          end = size;
          return;
        }
        if (DoraScan.Fields.isLineEnd(t.b[p])) {
          p++; // an empty line (skipped by the record path too), or the LF of a CRLF
          continue;
        }
        if (base + p >= to) {
          end = base + p; // the next part's first record
          return;
        }
        p = f.record(t, p);
        byte[] b = t.b;
        int s = f.start(b, cols.time());
        int e = f.end(b, cols.time());
        if (s == e) {
          throw new NotPlain();
        }
        Instant at = IsoTimes.instant(b, s, e);
        String metric = names.name(b, f.start(b, cols.metric()), f.end(b, cols.metric()));
        if (metric == null) {
          throw new NotPlain();
        }
        double value = value(b, f.start(b, cols.value()), f.end(b, cols.value()), FileFormats.isCounter(metric));
        String labelText = "";
        if (cols.labels() >= 0) {
          int ls = f.start(b, cols.labels());
          int le = f.end(b, cols.labels());
          String text = labelNames.name(b, ls, le);
          if (text == null && ls != le) {
            throw new NotPlain(); // not ASCII
          }
          labelText = text == null ? "" : text;
        }
        Integer l = labelIds.get(labelText);
        if (l == null) {
          l = labelTexts.size();
          labelTexts.add(labelText);
          labelIds.put(labelText, l);
        }
        long n = nanos(at);
        if (n == Long.MIN_VALUE || n == Long.MAX_VALUE) {
          throw new NotPlain();
        }
        byMetric.computeIfAbsent(metric, Points::new).add(n, value, l);
      }
    }
  }

  /** A cell the scan does not read; the record path decides about it. */
  private static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  /** The label set of a {@code labels} cell, by the record path's own rule. */
  private static Map<String, String> labels(String text) {
    Map<String, Integer> index = Map.of("labels", 0);
    return new CsvRow(index, List.of(text)).labels("labels");
  }

  /**
   * A value in plain decimal syntax, read to the same double as {@link Double#parseDouble} (exactly, by the fast path
   * for at most 15 significant digits and a power of ten up to 22, else by parseDouble itself), within 10^15, not
   * negative for a counter (-0 reads as 0); anything else is not plain.
   */
  static double value(byte[] b, int from, int to, boolean counter) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int scale = 0;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      if (significant > 0 || b[i] != '0') {
        significant++;
      }
      if (significant <= 18) {
        mantissa = mantissa * 10 + (b[i] - '0');
      }
      i++;
      digits++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (significant > 0 || b[i] != '0') {
          significant++;
        }
        if (significant <= 18) {
          mantissa = mantissa * 10 + (b[i] - '0');
          scale++;
        }
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw new NotPlain();
    }
    int exponent = 0;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean minus = false;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        minus = b[i] == '-';
        i++;
      }
      int e = 0;
      int n = 0;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        e = e * 10 + (b[i] - '0');
        i++;
        n++;
      }
      if (n == 0 || n > 4) {
        throw new NotPlain();
      }
      exponent = minus ? -e : e;
    }
    if (i != to) {
      throw new NotPlain();
    }
    double d;
    int power = exponent - scale;
    if (significant <= 15 && mantissa < TWO_53 && Math.abs(power) <= 22) {
      d = power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
      d = negative ? -d : d;
    } else {
      d = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }
    if (!(Math.abs(d) <= CsvRow.LIMIT) || (counter && d < 0)) {
      throw new NotPlain();
    }
    return counter && d == 0 ? 0 : d; // a counter's -0 reads as 0, as the record path's count()
  }

  /** Text interned from its bytes (ASCII only; null for other bytes or none), so a repeated cell costs no String. */
  private static final class Names {
    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int size;

    String name(byte[] b, int from, int to) {
      if (from == to) {
        return null;
      }
      int h = 0;
      for (int i = from; i < to; i++) {
        if (b[i] < 0) {
          return null;
        }
        h = 31 * h + b[i];
      }
      int mask = keys.length - 1;
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        byte[] k = keys[slot];
        if (k == null) {
          String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
          keys[slot] = Arrays.copyOfRange(b, from, to);
          values[slot] = s;
          if (++size * 2 > keys.length) {
            grow();
          }
          return s;
        }
        if (Arrays.equals(k, 0, k.length, b, from, to)) {
          return values[slot];
        }
      }
    }

    private void grow() {
      byte[][] oldKeys = keys;
      String[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new String[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          name(oldKeys[i], 0, oldKeys[i].length);
        }
      }
    }
  }
}
