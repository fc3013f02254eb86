package io.companyos.sources.files;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The points of a big {@code metrics.csv}, kept in columns per metric: times (nanoseconds since the epoch) and values in
 * primitive arrays sorted by time, and each point's label set as an index into the file's distinct label sets. Read
 * once by {@link ColumnScan} (the byte scanner of {@link DoraScan} and {@link IsoTimes}), without a record per row; a query touches only
 * its metric's points, found by binary search on time. It answers exactly what {@link MetricPoint} records of the same
 * file answer ({@code MetricPointQueries}): a file that is not plain (quotes, non-ASCII text, a value or time the record
 * path would refuse or read differently) is not read here, and the caller reads records instead, which reports the bad
 * row as before.
 */
final class MetricColumns {
  private static final double TWO_53 = 0x1p53;
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
    long[] nanos;
    double[] values;
    int[] labels;
    int size;

    Points(String metric) {
      this(metric, 0);
    }

    /** Room for {@code capacity} points, as many as a join puts in. */
    Points(String metric, int capacity) {
      this.metric = metric;
      nanos = new long[capacity];
      values = new double[capacity];
      labels = new int[capacity];
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
      return ColumnScan.lowerBound(nanos, size, t);
    }
  }

  /**
   * One part's points of one metric as the scan reads them, in chunks that double from 64 to 8,192 points: growing
   * copies nothing (the arrays grown by doubling and then joined were about a third of what the first pack allocated at
   * ten times the sample), and the join copies each point once into arrays of the metric's exact size.
   */
  static final class Chunks {
    private static final int FIRST = 64;
    private static final int LARGEST = 1 << 13;
    final String metric;
    private final List<long[]> nanos = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();
    private long[] n = new long[0];
    private double[] v;
    private int[] l;
    /** Points in the last chunk. */
    private int at;
    int size;

    Chunks(String metric) {
      this.metric = metric;
    }

    void add(long t, double value, int label) {
      if (at == n.length) {
        int length = Math.min(LARGEST, Math.max(FIRST, n.length * 2));
        n = new long[length];
        v = new double[length];
        l = new int[length];
        nanos.add(n);
        values.add(v);
        labels.add(l);
        at = 0;
      }
      n[at] = t;
      v[at] = value;
      l[at] = label;
      at++;
      size++;
    }

    /** Copies the points to {@code into} from index {@code from}, each label set's number through {@code remap}. */
    void copyTo(Points into, int from, int[] remap) {
      int left = size;
      for (int c = 0; c < nanos.size(); c++) {
        int count = Math.min(left, nanos.get(c).length);
        System.arraycopy(nanos.get(c), 0, into.nanos, from, count);
        System.arraycopy(values.get(c), 0, into.values, from, count);
        int[] own = labels.get(c);
        for (int i = 0; i < count; i++) {
          into.labels[from + i] = remap[own[i]];
        }
        from += count;
        left -= count;
      }
    }
  }

  private final Map<String, Points> byMetric;
  private final List<Map<String, String>> labelSets;
  /** The {@code labels} texts the label sets were read from, by number ("" for none). */
  private final List<String> labelTexts;

  private MetricColumns(Map<String, Points> byMetric, List<String> labelTexts) {
    this.byMetric = byMetric;
    this.labelTexts = labelTexts;
    this.labelSets = new ArrayList<>(labelTexts.size());
    for (String text : labelTexts) {
      labelSets.add(labels(text));
    }
  }

  /** Writes the columns for {@link #read} ({@link ColumnCache}): the label texts, then each metric's points by name. */
  void write(ColumnCache.Out out) throws IOException {
    out.strings(labelTexts.toArray(new String[0]));
    List<String> names = metrics();
    out.intValue(names.size());
    for (String name : names) {
      Points p = byMetric.get(name);
      out.string(name);
      out.longs(p.nanos, p.size);
      out.doubles(p.values, p.size);
      out.ints(p.labels, p.size);
    }
  }

  /** The columns {@link #write} wrote; a {@link RuntimeException} when the bytes are not such columns. */
  static MetricColumns read(ColumnCache.In in) {
    List<String> texts = List.of(in.strings());
    int metrics = in.intValue();
    Map<String, Points> byMetric = new HashMap<>();
    for (int m = 0; m < metrics; m++) {
      Points p = new Points(in.string());
      p.nanos = in.longs();
      p.values = in.doubles();
      p.labels = in.ints();
      p.size = p.nanos.length;
      if (p.values.length != p.size || p.labels.length != p.size) {
        throw new IllegalStateException("columns of unequal length");
      }
      for (int i = 0; i < p.size; i++) {
        if (p.labels[i] < 0 || p.labels[i] >= texts.size() || (i > 0 && p.nanos[i - 1] > p.nanos[i])) {
          throw new IllegalStateException("a label set out of range or times out of order");
        }
      }
      byMetric.put(p.metric, p);
    }
    return new MetricColumns(byMetric, texts);
  }

  /** The metric names, sorted. */
  List<String> metrics() {
    return new ArrayList<>(new TreeMap<>(byMetric).keySet());
  }

  /** The span of one metric's points (distinct instants), as {@link Provenance.Coverage#of} gives it for records. */
  Optional<Provenance.Coverage> coverage(String metric) {
    Points p = byMetric.get(metric);
    return p == null ? Optional.empty() : ColumnScan.coverage(p.nanos, p.size);
  }

  /** Per matching series, its latest point in {@code [at - lookback, at]} (as {@code MetricPointQueries.instant}). */
  List<Series> instant(MetricSelector selector, Instant at, java.time.Duration lookback) {
    Points p = byMetric.get(selector.metric());
    Map<Map<String, String>, Integer> latest = new LinkedHashMap<>();
    if (p != null) {
      int from = p.lowerBound(nanos(at.minus(lookback)));
      int to = p.lowerBound(nanos(at) + 1);
      // Per label set (by number): whether it matches (0 not asked yet, 1 yes, 2 no), and its last place.
      byte[] matches = new byte[labelSets.size()];
      int[] last = new int[labelSets.size()];
      List<Integer> seen = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int l = p.labels[i];
        if (matches[l] == 0) {
          matches[l] = selector.matches(selector.metric(), labelSets.get(l)) ? (byte) 1 : (byte) 2;
          if (matches[l] == 1) {
            seen.add(l); // in the order first met
          }
        }
        last[l] = i;
      }
      // Label texts that read as the same label set are one series: its latest point is the last place of any of them,
      // and it is keyed where the first of them was met.
      for (int l : seen) {
        latest.merge(labelSets.get(l), last[l], Math::max);
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
      // Per label set (by number): its series' points once it matched, and whether it was asked about; label texts that
      // read as the same label set share one list.
      @SuppressWarnings("unchecked")
      List<Series.Point>[] lists = new List[labelSets.size()];
      boolean[] asked = new boolean[labelSets.size()];
      for (int i = from; i < to; i++) {
        int l = p.labels[i];
        List<Series.Point> list = lists[l];
        if (list == null) {
          if (asked[l]) {
            continue;
          }
          asked[l] = true;
          if (!selector.matches(selector.metric(), labelSets.get(l))) {
            continue;
          }
          list = points.computeIfAbsent(labelSets.get(l), k -> new ArrayList<>());
          lists[l] = list;
        }
        list.add(new Series.Point(instant(p.nanos[i]), p.values[i]));
      }
    }
    List<Series> out = new ArrayList<>();
    MetricPointQueries.sortedByLabels(points).forEach((labels, pts) -> out.add(new Series(selector.metric(), labels, pts)));
    return out;
  }

  private static long nanos(Instant t) {
    return ColumnScan.clampedNanos(t);
  }

  private static Instant instant(long nanos) {
    return ColumnScan.instant(nanos);
  }

  /**
   * Reads {@code file} (uncompressed CSV) in columns; empty when it is not plain enough, and the record path must read it.
   *
   * @param file metrics.csv
   * @return the columns, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<MetricColumns> scan(Path file) throws IOException {
    return scan(file, ColumnScan.parallelBytes());
  }

  /**
   * {@link #scan(Path)}, in two parts on two threads when the file has {@code parallelBytes} or more
   * ({@link ColumnScan#scan}): their points and label sets are joined in file order, so the columns are those of one pass.
   */
  static Optional<MetricColumns> scan(Path file, long parallelBytes) throws IOException {
    return scan(null, file, 0, parallelBytes);
  }

  /**
   * The columns of {@code file} given {@code base}, the columns of its first {@code from} bytes (a copy kept by
   * {@link ColumnCache} before rows were appended): only the records from {@code from} on are scanned, and the columns
   * are those a scan of the whole file gives (label sets numbered in order of first use, each metric's points in a
   * stable sort by time of the base's points, already so sorted, followed by the new ones). Empty when a new record is
   * not plain.
   *
   * @param base the columns of the file's first {@code from} bytes
   * @param file metrics.csv, grown
   * @param from the size of the file {@code base} was read from, a record start
   * @return the columns of the whole file, or empty
   * @throws IOException when the file cannot be read
   */
  static Optional<MetricColumns> scanAfter(MetricColumns base, Path file, long from) throws IOException {
    return scan(base, file, from, ColumnScan.parallelBytes());
  }

  private static Optional<MetricColumns> scan(@org.jspecify.annotations.Nullable MetricColumns base, Path file, long from,
      long parallelBytes) throws IOException {
    return ColumnScan.<Part>scan(file, from, parallelBytes, "metrics-scan", header -> {
      Integer ts = header.get("timestamp");
      Integer mc = header.get("metric");
      Integer vc = header.get("value");
      int lc = header.getOrDefault("labels", -1);
      if (ts == null || mc == null || vc == null) {
        return Optional.empty();
      }
      Columns cols = new Columns(ts, mc, vc, lc);
      return Optional.<ColumnScan.Parts<Part>>of(() -> new Part(cols));
    }).map(parts -> join(base, parts));
  }

  /**
   * The parts' points joined in file order: each part's label sets take the ids of the sets read before them (a part
   * numbers its own in order of first use, as one pass would), then each metric's points are sorted by time.
   */
  private static MetricColumns join(@org.jspecify.annotations.Nullable MetricColumns base, List<Part> parts) {
    ColumnScan.Numbering<String> texts = new ColumnScan.Numbering<>();
    if (base != null) {
      // The base's label sets keep their numbers, and new ones come after them, as one pass over the whole file numbers them.
      for (String text : base.labelTexts) {
        texts.known(text, text);
      }
    }
    // Each metric's chunks in part order, each with its part's numbering of label sets into the joined one.
    Map<String, List<Chunks>> chunks = new HashMap<>();
    Map<Chunks, int[]> remaps = new java.util.IdentityHashMap<>();
    for (Part part : parts) {
      String[] own = part.labelTexts().toArray(new String[0]);
      int[] remap = texts.renumber(own, i -> own[i]);
      part.byMetric.forEach((metric, c) -> {
        chunks.computeIfAbsent(metric, k -> new ArrayList<>()).add(c);
        remaps.put(c, remap);
      });
    }
    Map<String, Points> byMetric = new HashMap<>();
    if (base != null) {
      base.byMetric.forEach((metric, p) -> {
        if (!chunks.containsKey(metric)) {
          byMetric.put(metric, p);
        }
      });
    }
    chunks.forEach((metric, list) -> {
      Points old = base == null ? null : base.byMetric.get(metric);
      int total = old == null ? 0 : old.size;
      for (Chunks c : list) {
        total += c.size;
      }
      Points p = new Points(metric, total);
      if (old != null) {
        // Already sorted by time, ties in file order, and before every new point in the file: a stable sort of all of
        // them is the sort of the whole file's points.
        System.arraycopy(old.nanos, 0, p.nanos, 0, old.size);
        System.arraycopy(old.values, 0, p.values, 0, old.size);
        System.arraycopy(old.labels, 0, p.labels, 0, old.size);
        p.size = old.size;
      }
      for (Chunks c : list) {
        c.copyTo(p, p.size, remaps.get(c));
        p.size += c.size;
      }
      p.sort();
      byMetric.put(metric, p);
    });
    return new MetricColumns(byMetric, texts.values);
  }

  /** The columns of the file's header the scan reads. */
  private record Columns(int time, int metric, int value, int labels) {}

  /**
   * The points of one part of the file and their label sets, numbered by the part: 0 for none, then each distinct
   * {@code labels} text in order of first use.
   */
  private static final class Part extends ColumnScan.Part {
    final Map<String, Chunks> byMetric = new HashMap<>();
    private final Columns cols;
    private final ColumnScan.Names names = new ColumnScan.Names();
    private final ColumnScan.Names labelNames = new ColumnScan.Names();
    /** By the metric's number in {@link #names}: its points and whether it is a counter (found once, not per row). */
    private Chunks[] points = new Chunks[16];
    private boolean[] counter = new boolean[16];

    Part(Columns cols) {
      this.cols = cols;
    }

    /** The part's label texts by number: none ("") first. */
    List<String> labelTexts() {
      List<String> texts = new ArrayList<>();
      texts.add("");
      texts.addAll(List.of(labelNames.values()));
      return texts;
    }

    @Override
    void record(byte[] b, DoraScan.Fields f) {
      int ts = f.start(b, cols.time());
      long n = ColumnScan.nanos(b, ts, f.end(b, cols.time(), ts));
      int ms = f.start(b, cols.metric());
      int metric = names.id(b, ms, f.end(b, cols.metric(), ms));
      if (metric < 0) {
        throw new ColumnScan.NotPlain();
      }
      if (metric >= points.length) {
        points = java.util.Arrays.copyOf(points, metric * 2);
        counter = java.util.Arrays.copyOf(counter, metric * 2);
      }
      Chunks p = points[metric];
      if (p == null) {
        p = new Chunks(names.value(metric));
        points[metric] = p;
        counter[metric] = FileFormats.isCounter(p.metric);
        byMetric.put(p.metric, p);
      }
      int vs = f.start(b, cols.value());
      double value = value(b, vs, f.end(b, cols.value(), vs), counter[metric]);
      int l = 0;
      if (cols.labels() >= 0) {
        int ls = f.start(b, cols.labels());
        int le = f.end(b, cols.labels(), ls);
        int text = labelNames.id(b, ls, le);
        if (text < 0 && ls != le) {
          throw new ColumnScan.NotPlain(); // not ASCII
        }
        l = text + 1;
      }
      p.add(n, value, l);
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
      throw new ColumnScan.NotPlain();
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
        throw new ColumnScan.NotPlain();
      }
      exponent = minus ? -e : e;
    }
    if (i != to) {
      throw new ColumnScan.NotPlain();
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
      throw new ColumnScan.NotPlain();
    }
    return counter && d == 0 ? 0 : d; // a counter's -0 reads as 0, as the record path's count()
  }
}
