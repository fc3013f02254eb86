package io.companyos.sources.files;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a directory of CSV files. Each file is parsed once, on first use, and kept sorted by time.
 * In strict mode the first bad row fails the query with {@code file:line: column: reason}; in lenient
 * mode bad rows are skipped, counted in the provenance ("incidents.csv, 2 bad rows skipped") and listed
 * by {@link #skipped()} — nothing is dropped silently. Values must keep their kind's declared constraints (unique ids,
 * counts not negative, ends not before starts, plain decimal numbers in range; docs/data-formats.md). A missing file
 * means the kind is not described; an empty one (no header row) holds no data and is reported as such, never as zero rows.
 */
public final class FilesSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(FilesSource.class);
  /** How far back an instant query looks for a series' latest point. */
  public static final Duration INSTANT_LOOKBACK = Duration.ofDays(35);

  private final String id;
  private final Path dir;
  private final boolean strict;
  private final Clock clock;
  private final Map<RecordKind<?>, Loaded<?>> cache = new ConcurrentHashMap<>();
  private final Map<String, java.util.Optional<Provenance.Coverage>> metricCoverage = new ConcurrentHashMap<>();
  private final Map<RecordKind<?>, java.util.Optional<Provenance.Coverage>> kindCoverage = new ConcurrentHashMap<>();

  /**
   * Files larger than this, and than an eighth of the heap, are read for the asked window only: each row's time is read
   * first and the rest of the row only when the time falls in the window. Smaller files are read whole once and kept.
   * Product events, changes and costs, kept in columns, count for a third of their size ({@link #COLUMN_TEXT_DIVISOR});
   * deployments, whose columns keep the text of their changes, for all of it.
   */
  public static final long WINDOWED_READ_BYTES = 32L << 20;

  private final long windowedReadBytes;

  /** Files of this size or more have their rows turned into records on two threads (see {@link #read}). */
  static final long PARALLEL_READ_BYTES = 8L << 20;

  private final long parallelReadBytes;
  private final Map<WindowKey, Loaded<?>> windowed = new ConcurrentHashMap<>();
  /**
   * A Parquet file counts as this many times its size against the windowed-read size: the sample company's
   * product_events.parquet is 6.1 times smaller than its CSV, and costs.parquet 9.5 times.
   */
  static final long PARQUET_TEXT_RATIO = 6;
  /**
   * A kind read in columns ({@link #keptInColumns}) counts as its text's size divided by this against the windowed-read
   * size (an eighth of the heap), so it is read whole up to 3/8 of the heap: its columns hold an event in about 40 bytes
   * for 73 of text, where records take several times the text. Measured on product_events.csv at ten times the sample
   * (139 MB): read whole in columns, every pack rendered at a 400 MB heap (text 0.35 of it) and not all at 300 MB
   * (0.46); read by window, the exec review was still partial at 512 MB (its sections timed out re-reading the file).
   * A FOCUS cost row in columns takes about 75 bytes for 150 of text.
   */
  static final long COLUMN_TEXT_DIVISOR = 3;
  /** The span of the times of a {@code <kind>.parquet} read window by window, per kind. */
  private final Map<RecordKind<?>, java.util.Optional<Provenance.Coverage>> parquetSpans = new ConcurrentHashMap<>();
  /** Whether a {@code <kind>.parquet} can be read (DuckDB's JDBC driver is on the class path). */
  private final java.util.function.BooleanSupplier parquetReadable;
  private volatile java.util.@org.jspecify.annotations.Nullable Optional<MetricColumns> metricColumns;
  private final @org.jspecify.annotations.Nullable ColumnCache columnCache;

  private record WindowKey(RecordKind<?> kind, TimeWindow window) {}

  /** Rows read (all, or those of one window) with the span of the whole file's times when it was read by window. */
  private record Loaded<T>(List<T> rows, List<SkippedRow> skipped, Provenance.@org.jspecify.annotations.Nullable Coverage covers) {
    Loaded(List<T> rows, List<SkippedRow> skipped) {
      this(rows, skipped, null);
    }
  }

  public FilesSource(String id, Path dir, boolean strict, Clock clock) {
    this(id, dir, strict, clock, WINDOWED_READ_BYTES);
  }

  FilesSource(String id, Path dir, boolean strict, Clock clock, long windowedReadBytes) {
    this(id, dir, strict, clock, windowedReadBytes, PARALLEL_READ_BYTES);
  }

  FilesSource(String id, Path dir, boolean strict, Clock clock, long windowedReadBytes, long parallelReadBytes) {
    this(id, dir, strict, clock, windowedReadBytes, parallelReadBytes, null, io.companyos.sources.builtin.internal.ParquetRows::readable);
  }

  private FilesSource(String id, Path dir, boolean strict, Clock clock, long windowedReadBytes, long parallelReadBytes,
      @org.jspecify.annotations.Nullable ColumnCache columnCache, java.util.function.BooleanSupplier parquetReadable) {
    this.columnCache = columnCache;
    this.parquetReadable = parquetReadable;
    this.parallelReadBytes = parallelReadBytes;
    // A file up to an eighth of the heap is read whole once and kept; only bigger ones are read window by window.
    this.windowedReadBytes = windowedReadBytes == WINDOWED_READ_BYTES
        ? Math.max(WINDOWED_READ_BYTES, Runtime.getRuntime().maxMemory() / 8) : windowedReadBytes;
    this.id = id;
    this.dir = dir;
    this.strict = strict;
    this.clock = clock;
  }

  /**
   * This source with a copy of its big files' columns kept in {@code cacheDir} between runs (the {@code cache} option):
   * metrics.csv and product_events.csv of 4 MiB or more, when they are plain CSV, are read from their copy while the
   * file's size, modification time and CRC32C are those the copy was made from, and scanned (and copied again) when
   * not. Answers, provenance and errors are those of a source without it.
   *
   * @param cacheDir the folder of the copies, made when the first is written; when it cannot be written, the files are
   *     scanned each time, with a warning
   * @return a new source over the same folder, with nothing read yet
   */
  public FilesSource withColumnCache(Path cacheDir) {
    return withColumnCache(cacheDir, ColumnCache.MIN_BYTES);
  }

  FilesSource withColumnCache(Path cacheDir, long minBytes) {
    return new FilesSource(id, dir, strict, clock, windowedReadBytes, parallelReadBytes, new ColumnCache(cacheDir, minBytes),
        parquetReadable);
  }

  /** This source as if DuckDB's JDBC driver were ({@code true}) or were not on the class path (for tests). */
  FilesSource withParquetReadable(boolean readable) {
    return new FilesSource(id, dir, strict, clock, windowedReadBytes, parallelReadBytes, columnCache, () -> readable);
  }

  @Override
  public String id() {
    return id;
  }

  /** The kinds with a file in the folder (a listing; the metric names of {@link #describe()} mean reading metrics.csv). */
  @Override
  public Set<String> recordKinds() {
    if (!Files.isDirectory(dir)) {
      throw new SourceUnavailableException(id, "directory " + dir + " does not exist", null);
    }
    return FileFormats.all().stream().filter(f -> (fileOf(f) != null && size(fileOf(f)) > 0) || parquetOf(f) != null)
        .map(f -> f.kind().name()).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Override
  public SourceDescription describe() {
    Set<String> kinds = recordKinds();
    List<String> metrics = !kinds.contains(RecordKind.METRICS.name()) ? List.of()
        : columns().map(MetricColumns::metrics)
            .orElseGet(() -> load(RecordKind.METRICS).rows().stream().map(MetricPoint::metric).distinct().sorted().toList());
    return new SourceDescription(FilesSourceProvider.ID, kinds, metrics);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    FileFormat<T> format = FileFormats.of(kind).orElseThrow(() -> new UnsupportedQueryException(id, "records", kind.name()));
    Path file = fileOf(format);
    Path parquet = file == null ? parquetOf(format) : null;
    if (parquet != null && !parquetReadable.getAsBoolean()) {
      // Said where the reader looks for the kind, rather than "no costs.csv" beside a costs.parquet.
      throw new io.companyos.sources.SourceConfigException(id, parquet.getFileName() + " is Parquet, which the files "
          + "source reads through DuckDB's JDBC driver, and that driver is not on the class path", "add "
          + "org.duckdb:duckdb_jdbc to the application (or beside the command's jar), read it with a jdbc source "
          + "(docs/sources.md, \"Parquet files\"), or export CSV or JSON");
    }
    if (file == null && parquet == null) {
      throw new UnsupportedQueryException(id, "records (no " + format.fileName() + " or " + format.fileName() + ".gz in "
          + dir + ")", kind.name());
    }
    Path data = file != null ? file : parquet;
    // A Parquet file counts as PARQUET_TEXT_RATIO times its size; read window by window, the window is pushed down
    // into DuckDB's scan where the time column is a timestamp.
    // A kind kept in columns counts for its text divided by columnTextDivisor (most for a third: read whole up to 3/8
    // of the heap).
    long text = file != null ? size(file) : size(parquet) * PARQUET_TEXT_RATIO;
    boolean overSize = text > windowedReadBytes;
    boolean columnar = keptInColumns(kind, data.getFileName().toString());
    if (!cache.containsKey(kind) && (columnar ? text / columnTextDivisor(kind) > windowedReadBytes : overSize)) {
      return byWindow(format, window, data);
    }
    if (!cache.containsKey(kind)) {
      java.util.Optional<WindowColumns<T>> columns = windowColumns(kind, data);
      if (columns.isPresent()) {
        // Kept in columns (no object per row while kept); the window's records are made when read, equal to the record
        // path's.
        Provenance.Coverage covers = kindCoverage.computeIfAbsent(kind, k -> columns.get().coverage()).orElse(null);
        return Dataset.of(columns.get().rows(window), provenance(data.getFileName().toString(), window).withCovers(covers));
      }
      if (overSize) {
        // Not plain enough for columns: as records it takes several times its text, so the size of records applies.
        return byWindow(format, window, data);
      }
    }
    Loaded<T> loaded = load(kind);
    List<T> rows = loaded.rows();
    Provenance.Coverage covers = kindCoverage.computeIfAbsent(kind, k -> Provenance.Coverage.of(times(rows, kind))).orElse(null);
    // The rows are kept sorted by time: the window's rows are one run of them, found by binary search. They were
    // made for this kind by its file format, so they need no check of their class row by row.
    return Dataset.of(rows.subList(firstAtOrAfter(rows, kind, window.start()), firstAtOrAfter(rows, kind, window.end())),
        provenance(describeQuery(data.getFileName().toString(), loaded), window).withCovers(covers));
  }

  /** The rows of {@code window} alone, read for it (once per window) from a file too big to keep whole. */
  private <T> Dataset<T> byWindow(FileFormat<T> format, TimeWindow window, Path data) {
    @SuppressWarnings("unchecked")
    Loaded<T> part = (Loaded<T>) windowed.computeIfAbsent(new WindowKey(format.kind(), window), k -> read(format, window));
    return Dataset.of(part.rows(), provenance(describeQuery(data.getFileName().toString(), part), window).withCovers(part.covers()));
  }

  /** The times of {@code rows}, read as they are asked for (no list of a million Instants made for one pass). */
  private static <T> List<Instant> times(List<T> rows, RecordKind<T> kind) {
    return new java.util.AbstractList<>() {
      @Override
      public Instant get(int i) {
        return kind.timeOf(rows.get(i));
      }

      @Override
      public int size() {
        return rows.size();
      }
    };
  }

  /** Whether {@code rows} are already in time order (exports often are; the check is one pass). */
  private static <T> boolean sortedByTime(List<T> rows, RecordKind<T> kind) {
    Instant previous = null;
    for (T row : rows) {
      Instant t = kind.timeOf(row);
      if (previous != null && t.isBefore(previous)) {
        return false;
      }
      previous = t;
    }
    return true;
  }

  /** The index of the first row (of rows sorted by time) whose time is at or after {@code t}. */
  private static <T> int firstAtOrAfter(List<T> rows, RecordKind<T> kind, Instant t) {
    int lo = 0;
    int hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (kind.timeOf(rows.get(mid)).isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    MetricSelector selector = MetricSelector.parse(id, query);
    requireMetrics(query);
    java.util.Optional<MetricColumns> c = columns();
    List<Series> series = c.isPresent() ? c.get().instant(selector, at, INSTANT_LOOKBACK)
        : MetricPointQueries.instant(metrics(query), selector, at, INSTANT_LOOKBACK);
    return Dataset.of(series, provenance("metrics.csv: " + query, new TimeWindow(at.minus(INSTANT_LOOKBACK), at))
        .withCovers(coverage(selector.metric())));
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    MetricSelector selector = MetricSelector.parse(id, query);
    requireMetrics(query);
    java.util.Optional<MetricColumns> c = columns();
    List<Series> series = c.isPresent() ? c.get().range(selector, window)
        : MetricPointQueries.range(metrics(query), selector, window);
    return Dataset.of(series, provenance("metrics.csv: " + query, window).withCovers(coverage(selector.metric())));
  }

  /** The span of the points of {@code metric} in metrics.csv, computed once per metric. */
  private Provenance.@org.jspecify.annotations.Nullable Coverage coverage(String metric) {
    return metricCoverage.computeIfAbsent(metric, m -> columns().map(c -> c.coverage(m))
        .orElseGet(() -> Provenance.Coverage.of(load(RecordKind.METRICS).rows().stream()
            .filter(p -> p.metric().equals(m)).map(MetricPoint::timestamp).toList()))).orElse(null);
  }

  private void requireMetrics(String query) {
    if (fileOf(FileFormats.of(RecordKind.METRICS).orElseThrow()) == null) {
      throw new UnsupportedQueryException(id, "metric queries (no metrics.csv in " + dir + ")", query);
    }
  }

  /**
   * metrics.csv in columns ({@link MetricColumns}), read once, when it is an uncompressed, plain CSV file; empty when it is
   * not, and its records answer instead (which report a bad row as always).
   */
  private java.util.Optional<MetricColumns> columns() {
    java.util.Optional<MetricColumns> c = metricColumns;
    if (c == null) {
      synchronized (this) {
        c = metricColumns;
        if (c == null) {
          Path file = fileOf(FileFormats.of(RecordKind.METRICS).orElseThrow());
          try {
            c = file != null && file.getFileName().toString().equals("metrics.csv") && size(file) > 0
                ? cached(file, "metrics", () -> MetricColumns.scan(file), m -> m::write, MetricColumns::read,
                    (base, from) -> MetricColumns.scanAfter(base, file, from))
                : java.util.Optional.empty();
          } catch (IOException e) {
            c = java.util.Optional.empty(); // the record path reports the file
          }
          metricColumns = c;
        }
      }
    }
    return c;
  }

  /** The scan's columns, or their copy kept between runs when this source has a {@link ColumnCache}. */
  private <T> java.util.Optional<T> cached(Path file, String kind, ColumnCache.Scan<T> scan,
      java.util.function.Function<T, ColumnCache.Writer> writer, ColumnCache.Reader<T> reader, ColumnCache.Append<T> append)
      throws IOException {
    return columnCache == null ? scan.scan() : columnCache.columns(file, kind, scan, writer, reader, append);
  }

  /** The files read in columns by kind, each read once, and the readers of those that can be. */
  private final Map<RecordKind<?>, java.util.concurrent.FutureTask<java.util.Optional<? extends WindowColumns<?>>>> kindColumns =
      new ConcurrentHashMap<>();

  /**
   * What the text of a kind kept in columns is divided by against the windowed-read size: {@link #COLUMN_TEXT_DIVISOR}, but
   * 1 for deployments, whose columns keep the text of their changes (about the text's size, as records take).
   */
  static long columnTextDivisor(RecordKind<?> kind) {
    return kind.equals(RecordKind.DEPLOYMENTS) ? 1 : COLUMN_TEXT_DIVISOR;
  }

  /** Whether {@link #windowColumns} reads the kind's file of that name in columns (when it is plain). */
  static boolean keptInColumns(RecordKind<?> kind, String name) {
    return kind.equals(RecordKind.PRODUCT_EVENTS) && (name.equals("product_events.csv") || name.equals("product_events.parquet"))
        || kind.equals(RecordKind.CHANGES) && (name.equals("changes.csv") || name.equals("changes.parquet"))
        || kind.equals(RecordKind.COSTS) && name.equals("costs.csv")
        || kind.equals(RecordKind.DEPLOYMENTS) && name.equals("deployments.csv");
  }

  /**
   * product_events.csv ({@link EventColumns}), changes.csv ({@link ChangeColumns}), deployments.csv
   * ({@link DeploymentColumns}) or costs.csv ({@link CostColumns}) in columns, read once, when it is an uncompressed,
   * plain CSV file, or a Parquet file of the first two kinds written as plain CSV; empty for other kinds and files, and
   * when the file is not plain: its records answer instead (which report a bad row as always).
   */
  @SuppressWarnings("unchecked")
  private <T> java.util.Optional<WindowColumns<T>> windowColumns(RecordKind<T> kind, Path file) {
    String name = file.getFileName().toString();
    if (!keptInColumns(kind, name)) {
      return java.util.Optional.empty();
    }
    boolean parquet = name.endsWith(".parquet");
    java.util.concurrent.Callable<java.util.Optional<? extends WindowColumns<?>>> scan;
    if (kind.equals(RecordKind.PRODUCT_EVENTS)) {
      scan = parquet ? () -> fromParquet(file, EventColumns::scan)
          : () -> cached(file, "product_events", () -> EventColumns.scan(file), e -> e::write, EventColumns::read,
              (base, from) -> EventColumns.scanAfter(base, file, from));
    } else if (kind.equals(RecordKind.COSTS)) {
      scan = () -> CostColumns.scan(file);
    } else if (kind.equals(RecordKind.DEPLOYMENTS)) {
      scan = () -> DeploymentColumns.scan(file);
    } else {
      scan = parquet ? () -> fromParquet(file, ChangeColumns::scan) : () -> ChangeColumns.scan(file);
    }
    java.util.concurrent.FutureTask<java.util.Optional<? extends WindowColumns<?>>> task = new java.util.concurrent.FutureTask<>(
        () -> size(file) > 0 ? scan.call() : java.util.Optional.empty());
    java.util.concurrent.FutureTask<java.util.Optional<? extends WindowColumns<?>>> known = kindColumns.putIfAbsent(kind, task);
    if (known == null) {
      known = task;
      task.run(); // here, once; other readers of the kind wait for it (a read of metrics.csv is not held up)
    }
    try {
      return (java.util.Optional<WindowColumns<T>>) (java.util.Optional<?>) known.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException(id, "interrupted while reading " + name, e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      return java.util.Optional.empty(); // the record path reports the file (it cannot be read)
    }
  }

  /** A scan of the CSV a Parquet file is written as (then deleted); empty when DuckDB cannot write it: the record path says why. */
  private static <C> java.util.Optional<C> fromParquet(Path parquet, ColumnsOf<C> scan) throws IOException {
    return io.companyos.sources.builtin.internal.ParquetRows.withTemporaryFile("columns", ".csv", csv -> {
      try {
        io.companyos.sources.builtin.internal.ParquetRows.toCsv(parquet, csv, null, null, null);
      } catch (io.companyos.sources.builtin.internal.ParquetRows.Unreadable e) {
        return java.util.Optional.empty();
      }
      return scan.of(csv);
    });
  }

  /** A column scan of a CSV file. */
  @FunctionalInterface
  private interface ColumnsOf<C> {
    java.util.Optional<C> of(Path csv) throws IOException;
  }

  /** Rows skipped in lenient mode so far, in file and line order. */
  public List<SkippedRow> skipped() {
    return java.util.stream.Stream.concat(cache.values().stream(), windowed.values().stream()).flatMap(l -> l.skipped().stream())
        .distinct().sorted(Comparator.comparing(SkippedRow::file).thenComparingLong(SkippedRow::line)).toList();
  }

  private List<MetricPoint> metrics(String query) {
    if (fileOf(FileFormats.of(RecordKind.METRICS).orElseThrow()) == null) {
      throw new UnsupportedQueryException(id, "metric queries (no metrics.csv in " + dir + ")", query);
    }
    return load(RecordKind.METRICS).rows();
  }

  private static String describeQuery(String file, Loaded<?> loaded) {
    return loaded.skipped().isEmpty() ? file : file + ", " + loaded.skipped().size() + " bad rows skipped";
  }

  private Provenance provenance(String query, TimeWindow window) {
    return Provenance.of(id, query, window, clock.instant());
  }

  @SuppressWarnings("unchecked")
  private <T> Loaded<T> load(RecordKind<T> kind) {
    return (Loaded<T>) cache.computeIfAbsent(kind, k -> read(FileFormats.of(kind).orElseThrow(), null));
  }

  /**
   * The file holding {@code format}'s rows, the first of {@code <kind>.csv}, {@code .csv.gz}, {@code .ndjson},
   * {@code .ndjson.gz}, {@code .jsonl}, {@code .jsonl.gz}, {@code .json}, {@code .json.gz} (gzip, as exports are
   * often delivered); null when there is none.
   */
  private @org.jspecify.annotations.Nullable Path fileOf(FileFormat<?> format) {
    String stem = format.kind().name();
    for (String name : List.of(stem + ".csv", stem + ".csv.gz", stem + ".ndjson", stem + ".ndjson.gz", stem + ".jsonl",
        stem + ".jsonl.gz", stem + ".json", stem + ".json.gz")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** {@code <kind>.parquet}, when it is there. */
  private @org.jspecify.annotations.Nullable Path parquetOf(FileFormat<?> format) {
    Path p = dir.resolve(format.kind().name() + ".parquet");
    return Files.isRegularFile(p) ? p : null;
  }

  /** The rows of one data file, CSV or JSON, with the line each starts on. */
  private interface Rows extends java.io.Closeable {
    /** One row: its line, its columns' positions and its cells. */
    record Row(long line, Map<String, Integer> index, List<String> fields) {}

    @org.jspecify.annotations.Nullable Row next() throws IOException, CsvReader.SyntaxError, JsonRows.SyntaxError;
  }

  /** The rows of a CSV file after its header, which must name the format's required columns. */
  private Rows csvRows(java.io.InputStream in, FileFormat<?> format, String name) throws IOException, CsvReader.SyntaxError {
    CsvReader csv = new CsvReader(in);
    try {
      return headerAndRows(csv, format, name);
    } catch (IOException | CsvReader.SyntaxError | RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  private Rows headerAndRows(CsvReader csv, FileFormat<?> format, String name) throws IOException, CsvReader.SyntaxError {
    CsvReader.Record header = csv.next();
    if (header == null) {
      throw new BadDataException(id, name, 0, null, "the file is empty, so it holds no data (not zero rows)",
          "write at least the header row when there are no rows, or remove the file");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      index.put(header.fields().get(i).strip().replace("\uFEFF", ""), i);
    }
    for (String required : format.required()) {
      if (!index.containsKey(required)) {
        throw new BadDataException(id, name, header.line(), required, "required column is missing from the header",
            "the header must name these columns: " + String.join(",", format.columns()));
      }
    }
    return new Rows() {
      @Override
      public Rows.@org.jspecify.annotations.Nullable Row next() throws IOException, CsvReader.SyntaxError {
        CsvReader.Record r = csv.next();
        return r == null ? null : new Rows.Row(r.line(), index, r.fields());
      }

      @Override
      public void close() throws IOException {
        csv.close();
      }
    };
  }

  /** The rows of a JSON file; an empty file holds no data, like an empty CSV file. */
  private static final class JsonSource implements Rows {
    private final JsonRows json;

    JsonSource(JsonRows json) {
      this.json = json;
    }

    @Override
    public Rows.@org.jspecify.annotations.Nullable Row next() throws IOException, JsonRows.SyntaxError {
      JsonRows.Row r = json.next();
      return r == null ? null : new Rows.Row(r.line(), r.index(), r.fields());
    }

    @Override
    public void close() throws IOException {
      json.close();
    }
  }

  /**
   * Writes the rows of a Parquet file as CSV into a temporary file through DuckDB (with {@code only}, the window's rows
   * where the time column is a timestamp), after checking that it has the format's required columns.
   */
  private io.companyos.sources.builtin.internal.ParquetRows.Written parquetToCsv(Path file, Path csv, FileFormat<?> format,
      String name, @org.jspecify.annotations.Nullable TimeWindow only, @org.jspecify.annotations.Nullable String timeColumn) {
    io.companyos.sources.builtin.internal.ParquetRows.Written written;
    try {
      written = io.companyos.sources.builtin.internal.ParquetRows.toCsv(file, csv, timeColumn,
          only == null ? null : only.start(), only == null ? null : only.end());
    } catch (io.companyos.sources.builtin.internal.ParquetRows.Unreadable e) {
      throw new BadDataException(id, name, 0, null, "DuckDB cannot read it as Parquet: " + e.getMessage(),
          "check that the file is a whole Parquet file (export it again), or export CSV or JSON");
    }
    for (String required : format.required()) {
      if (!written.columns().contains(required)) {
        throw new BadDataException(id, name, 0, required, "required column is missing from the file",
            "the file must have these columns: " + String.join(",", format.columns()));
      }
    }
    return written;
  }

  /** The rows of a Parquet file written as CSV, each numbered by its row in the Parquet file (from 1). */
  private static final class ParquetRowsSource implements Rows {
    private final Rows csv;

    ParquetRowsSource(Rows csv) {
      this.csv = csv;
    }

    @Override
    public Rows.@org.jspecify.annotations.Nullable Row next() throws IOException, CsvReader.SyntaxError, JsonRows.SyntaxError {
      Rows.Row r = csv.next();
      if (r == null) {
        return null;
      }
      long row = Long.parseLong(r.fields().get(r.index().get(io.companyos.sources.builtin.internal.ParquetRows.ROW)));
      return new Rows.Row(row + 1, r.index(), r.fields());
    }

    @Override
    public void close() throws IOException {
      csv.close();
    }
  }

  /** Whether {@code file} holds JSON rows (NDJSON, JSON Lines or a JSON array) rather than CSV. */
  private static boolean isJson(Path file) {
    String n = file.getFileName().toString();
    n = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    return n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".json");
  }

  /** A UTF-8 reader of {@code file} that fails on bytes that are not UTF-8, through gzip for a {@code .gz} file. */
  private static BufferedReader open(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16);
    return new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
  }

  /** The bytes of {@code file}, through gzip for a {@code .gz} file. */
  private static java.io.InputStream openBytes(Path file) throws IOException {
    java.io.InputStream in = Files.newInputStream(file);
    if (!file.getFileName().toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new java.util.zip.GZIPInputStream(in, 1 << 16);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rows converted to records in one go: on a worker thread when the file is big, in file order either way. */
  private static final class Batch {
    final Rows.Row[] rows = new Rows.Row[BATCH_ROWS];
    int n;
    /** Per row: the record (null when it lies outside the window read, or could not be read). */
    final Object[] records = new Object[BATCH_ROWS];
    /** Per row, when a window is read: the row's time, if it could be read. */
    final Instant[] times = new Instant[BATCH_ROWS];
    /** Per row: why it could not be read, or null. */
    final CsvRow.BadValue[] bad = new CsvRow.BadValue[BATCH_ROWS];
  }

  /** Rows per batch. */
  private static final int BATCH_ROWS = 1024;

  /** Reads the records of {@code batch}: what does not depend on other rows (the unique-id check does). */
  private static <T> Batch convert(Batch batch, FileFormat<T> format, @org.jspecify.annotations.Nullable TimeWindow only,
      @org.jspecify.annotations.Nullable String timeColumn) {
    boolean costs = format.kind().equals(RecordKind.COSTS);
    for (int i = 0; i < batch.n; i++) {
      Rows.Row rec = batch.rows[i];
      try {
        CsvRow row = new CsvRow(rec.index(), rec.fields());
        if (only != null) {
          Instant t = (costs ? row.focus() : row).instant(timeColumn);
          batch.times[i] = t;
          if (!only.contains(t)) {
            continue;
          }
        }
        batch.records[i] = format.reader().apply(row);
      } catch (CsvRow.BadValue e) {
        batch.bad[i] = e;
      }
    }
    return batch;
  }

  /** What one read gathers, row by row in file order: the records, the rows skipped, the times of a window's read. */
  private final class Reading<T> {
    final FileFormat<T> format;
    final String name;
    final List<T> rows = new ArrayList<>();
    final List<SkippedRow> skipped = new ArrayList<>();
    /** A one-column key is kept as its String (hashing a list per row costs more than the row). */
    final @org.jspecify.annotations.Nullable UniqueKeys seen;
    long[] times;
    int timeCount;
    Instant first;
    Instant last;

    Reading(FileFormat<T> format, String name, boolean window) {
      this.format = format;
      this.name = name;
      this.seen = format.key() == null ? null : new UniqueKeys();
      this.times = new long[window ? 1024 : 0];
    }

    @SuppressWarnings("unchecked")
    void take(Batch batch) {
      for (int i = 0; i < batch.n; i++) {
        Rows.Row rec = batch.rows[i];
        Instant t = batch.times[i];
        if (t != null) {
          if (timeCount == times.length) {
            times = java.util.Arrays.copyOf(times, timeCount * 2);
          }
          times[timeCount++] = t.toEpochMilli();
          first = first == null || t.isBefore(first) ? t : first;
          last = last == null || t.isAfter(last) ? t : last;
        }
        try {
          if (batch.bad[i] != null) {
            throw batch.bad[i];
          }
          T record = (T) batch.records[i];
          if (record == null) {
            continue; // outside the window read
          }
          if (seen != null) {
            List<String> key = format.key().apply(record);
            long firstLine = seen.putIfAbsent(key.size() == 1 ? key.get(0) : key, rec.line());
            if (firstLine >= 0) {
              throw new CsvRow.BadValue(String.join("+", format.keyColumns()),
                  "'" + String.join("', '", key) + "' repeats the row on line " + firstLine + "; ids must be unique");
            }
          }
          rows.add(record);
        } catch (CsvRow.BadValue e) {
          if (strict) {
            throw new BadDataException(id, name, rec.line(), e.column, e.getMessage(),
                "fix the row, or set 'mode: lenient' to skip bad rows and report them");
          }
          skipped.add(new SkippedRow(name, rec.line(), e.column, e.getMessage()));
        }
      }
    }
  }

  /**
   * Reads every row, or with {@code only} the rows whose time is in it (their span over the whole file is noted). A file of
   * {@link #PARALLEL_READ_BYTES} or more has its rows turned into records on two worker threads, a batch at a time, while
   * this thread reads the text; the batches are taken in file order, so the records, the rows skipped and the first
   * error reported are those of a single thread.
   */
  private <T> Loaded<T> read(FileFormat<T> format, @org.jspecify.annotations.Nullable TimeWindow only) {
    String timeColumn = only == null ? null : FileFormats.timeColumn(format.kind());
    Path csvOrJson = fileOf(format);
    Path file = java.util.Objects.requireNonNull(csvOrJson == null ? parquetOf(format) : csvOrJson, format.fileName());
    String name = file.getFileName().toString();
    if (csvOrJson != null) {
      return read(format, only, timeColumn, file, name, null, null);
    }
    try {
      return io.companyos.sources.builtin.internal.ParquetRows.withTemporaryFile(format.kind().name(), ".csv",
          csv -> read(format, only, timeColumn, file, name, csv, parquetToCsv(file, csv, format, name, only, timeColumn)));
    } catch (IOException e) {
      throw new SourceUnavailableException(id, "cannot write a temporary file to read " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #read(FileFormat, TimeWindow)} of {@code file}, or of the CSV a Parquet file was written as. */
  private <T> Loaded<T> read(FileFormat<T> format, @org.jspecify.annotations.Nullable TimeWindow only,
      @org.jspecify.annotations.Nullable String timeColumn, Path file, String name,
      @org.jspecify.annotations.Nullable Path parquetCsv,
      io.companyos.sources.builtin.internal.ParquetRows.@org.jspecify.annotations.Nullable Written written) {
    Path text = parquetCsv != null ? parquetCsv : file;
    Reading<T> reading = new Reading<>(format, name, only != null);
    java.util.concurrent.ExecutorService workers = size(text) >= parallelReadBytes && Runtime.getRuntime().availableProcessors() > 1
        ? java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "files-read");
          t.setDaemon(true);
          return t;
        }) : null;
    java.util.ArrayDeque<java.util.concurrent.Future<Batch>> pending = new java.util.ArrayDeque<>();
    Provenance.Coverage pushedDownSpan = null;
    boolean pushedDown = written != null && written.windowed();
    try (Rows source = parquetCsv != null ? new ParquetRowsSource(csvRows(openBytes(parquetCsv), format, name))
        : isJson(file) ? new JsonSource(new JsonRows(open(file))) : csvRows(openBytes(file), format, name)) {
      boolean more = true;
      while (more) {
        Batch batch = new Batch();
        try {
          for (Rows.Row rec = batch.n < BATCH_ROWS ? source.next() : null; rec != null; ) {
            batch.rows[batch.n++] = rec;
            rec = batch.n < BATCH_ROWS ? source.next() : null;
          }
        } catch (IOException | CsvReader.SyntaxError | JsonRows.SyntaxError | RuntimeException e) {
          // The rows before the bad text come first: one of them may be the first error in file order.
          convertAndTake(reading, batch, pending, null, format, only, timeColumn);
          while (!pending.isEmpty()) {
            reading.take(await(pending.poll()));
          }
          throw e;
        }
        more = batch.n == BATCH_ROWS;
        convertAndTake(reading, batch, pending, workers, format, only, timeColumn);
      }
      while (!pending.isEmpty()) {
        reading.take(await(pending.poll()));
      }
      if (pushedDown) {
        // Only the window's rows were read: the span of the whole file's times comes from DuckDB, once per kind (every
        // window of the file has the same).
        java.util.Optional<Provenance.Coverage> span = parquetSpans.get(format.kind());
        if (span == null) {
          io.companyos.sources.builtin.internal.ParquetRows.Span s =
              io.companyos.sources.builtin.internal.ParquetRows.span(file, java.util.Objects.requireNonNull(timeColumn));
          span = java.util.Optional.ofNullable(s.first() == null ? null : new Provenance.Coverage(s.first(), s.last(), s.distinct(), null));
          parquetSpans.put(format.kind(), span);
        }
        pushedDownSpan = span.orElse(null);
      }
    } catch (CsvReader.SyntaxError e) {
      throw new BadDataException(id, name, e.line, null, e.getMessage(), "check the quotes on this line");
    } catch (io.companyos.sources.builtin.internal.ParquetRows.Unreadable e) {
      throw new BadDataException(id, name, 0, null, "DuckDB cannot read it as Parquet: " + e.getMessage(),
          "check that the file is a whole Parquet file (export it again), or export CSV or JSON");
    } catch (JsonRows.SyntaxError e) {
      throw new BadDataException(id, name, e.line, null, e.getMessage(), "each row must be one JSON object");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadDataException(id, name, 0, null, "the file is not UTF-8 text", "save the file as UTF-8");
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new BadDataException(id, name, 0, null, "not a complete gzip file (" + e.getMessage() + ")",
          "compress the file again with gzip, or store it uncompressed");
    } catch (IOException e) {
      throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
    List<T> rows = reading.rows;
    List<SkippedRow> skipped = reading.skipped;
    if (!skipped.isEmpty()) {
      LOG.warn("{}: skipped {} bad rows of {} (lenient mode); first: {}", id, skipped.size(), name, skipped.get(0));
    }
    RecordKind<T> kind = format.kind();
    if (!sortedByTime(rows, kind)) {
      TimeOrder.sort(rows, kind);
    }
    Provenance.Coverage covers = pushedDownSpan;
    if (!pushedDown && reading.first != null) {
      long[] times = reading.times;
      int timeCount = reading.timeCount;
      java.util.Arrays.sort(times, 0, timeCount);
      long distinct = 0;
      for (int i = 0; i < timeCount; i++) {
        distinct += i == 0 || times[i] != times[i - 1] ? 1 : 0;
      }
      covers = new Provenance.Coverage(reading.first, reading.last, distinct, null);
    }
    return new Loaded<>(List.copyOf(rows), List.copyOf(skipped), covers);
  }

  /** Converts {@code batch} on a worker (at most four batches ahead) or here, taking the oldest when enough are out. */
  private static <T> void convertAndTake(Reading<T> reading, Batch batch, java.util.ArrayDeque<java.util.concurrent.Future<Batch>> pending,
      java.util.concurrent.@org.jspecify.annotations.Nullable ExecutorService workers, FileFormat<T> format,
      @org.jspecify.annotations.Nullable TimeWindow only, @org.jspecify.annotations.Nullable String timeColumn) {
    if (batch.n == 0) {
      return;
    }
    if (workers == null) {
      while (!pending.isEmpty()) {
        reading.take(await(pending.poll()));
      }
      reading.take(convert(batch, format, only, timeColumn));
      return;
    }
    pending.add(workers.submit(() -> convert(batch, format, only, timeColumn)));
    while (pending.size() > 4) {
      reading.take(await(pending.poll()));
    }
  }

  private static Batch await(java.util.concurrent.Future<Batch> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
