package io.companyos.connectors.product;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code product_events} from product analytics exports: one file, or every {@code .jsonl}, {@code .ndjson},
 * {@code .json} (each optionally {@code .gz}) and {@code .zip} file under a folder (sub-folders included, hidden ones
 * not). JSON Lines files hold PostHog or Amplitude events; a zip is an Amplitude Export API archive of gzipped JSON
 * Lines files, one per hour; a {@code .parquet} file is PostHog's events model as Parquet, read through DuckDB's JDBC
 * driver when the application has it on its class path (an error that says so when it does not). An event exported
 * twice (the same PostHog {@code uuid}, the same Amplitude {@code insert_id}) counts once. Identity calls
 * ({@code $identify}, {@code $set}, …) are not read. Files are read once, on first use. In strict mode (the default) the
 * first bad file or line fails the query with {@code file:line:col: COS-PRODUCT-00n message}; in lenient mode it is
 * skipped, counted in the provenance and listed by {@link #skippedInputs()}.
 */
public final class ProductExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(ProductExportsSource.class);
  private static final String PARQUET_HINT = "add org.duckdb:duckdb_jdbc to the application (or beside the command's jar) "
      + "to read Parquet here, read it through the jdbc source with DuckDB's driver (docs/sources.md, \"Parquet files\"), "
      + "or export JSON Lines";
  /** The text columns of PostHog's Parquet export that hold JSON (docs: "stored as a JSON-encoded string"). */
  private static final Set<String> POSTHOG_JSON_TEXT = Set.of("properties", "person_properties", "set", "set_once");

  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.PRODUCT_EVENTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final ExportRecords<List<ProductEvent>> exports;

  /** What reading found, over all files. */
  private static final class Reading implements EventReader.Sink {
    final ExportReading files;
    final List<ProductEvent> rows = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final Set<String> tools = new java.util.TreeSet<>();
    int duplicates;
    int identity;
    int noAccount;
    int emptyFiles;
    String file = "";

    Reading(ExportReading files) {
      this.files = files;
    }

    @Override
    public void event(EventReader.Read r) {
      tools.add(r.tool());
      if (r.dedupKey() != null && !seen.add(r.dedupKey())) {
        duplicates++;
        return;
      }
      if (r.noAccount()) {
        noAccount++;
      }
      rows.add(r.event());
    }

    @Override
    public void bad(ExportProblem p) {
      files.skip(file, p);
    }

    @Override
    public void identity() {
      identity++;
    }
  }

  private final java.util.function.BooleanSupplier parquetReadable;

  ProductExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock) {
    this(id, path, strict, settings, clock, io.companyos.sources.builtin.internal.ParquetRows::readable);
  }

  /** A source as if DuckDB's JDBC driver were, or were not, on the class path (for tests). */
  ProductExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock,
      java.util.function.BooleanSupplier parquetReadable) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.settings = settings;
    this.parquetReadable = parquetReadable;
    this.exports = new ExportRecords<>(id, clock, null, this::read);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    exports.requireExports(path);
    return SourceDescription.of(ProductExportsSourceProvider.ID, RecordKind.PRODUCT_EVENTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, rows -> rows);
  }

  /**
   * Lines and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   * @deprecated the connectors share one type now: use {@link #skippedInputs()}
   */
  @Deprecated(since = "0.1.0")
  public List<SkippedInput> skipped() {
    return skippedInputs().stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /**
   * Lines and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<io.companyos.connectors.common.SkippedInput> skippedInputs() {
    return exports.skipped();
  }

  private ExportRecords.Read<List<ProductEvent>> read() {
    ExportReading files = new ExportReading(id, path, strict, ProductExportException::new);
    Reading reading = new Reading(files);
    for (Path file : ExportFiles.list(id, path, ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz", ".zip", ".parquet")) {
      String name = ExportFiles.name(path, file);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".parquet") && !parquetReadable.getAsBoolean()) {
        files.fail(name, ProductExportException.UNKNOWN_FORMAT, 0, 0, "a Parquet export, which this source reads through "
            + "DuckDB's JDBC driver, and that driver is not on the class path", PARQUET_HINT);
        files.notRead(name);
        continue;
      }
      boolean parquet = lower.endsWith(".parquet");
      int before = reading.rows.size() + reading.duplicates;
      reading.tools.clear();
      try (InputStream in = parquet ? InputStream.nullInputStream() : new BufferedInputStream(Files.newInputStream(file))) {
        if (lower.endsWith(".zip")) {
          int hours = zip(in, name, reading);
          files.described(name, "Amplitude export, " + hours + (hours == 1 ? " file" : " files"));
          continue;
        }
        reading.file = name;
        if (parquet) {
          parquet(file, reading);
        } else {
          lines(in, lower.endsWith(".gz"), reading);
        }
      } catch (ExportProblem p) {
        files.fail(reading.file, p);
        files.notRead(name);
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      files.described(name, reading.rows.size() + reading.duplicates == before ? "no events"
          : String.join(" and ", reading.tools) + " events" + (parquet ? ", Parquet" : ""));
    }
    List<ProductEvent> rows = new ArrayList<>(reading.rows);
    rows.sort(Comparator.comparing(ProductEvent::timestamp));
    List<Instant> times = rows.stream().map(ProductEvent::timestamp).toList();
    List<String> notes = new ArrayList<>();
    if (reading.duplicates > 0) {
      notes.add(reading.duplicates + (reading.duplicates == 1 ? " event" : " events")
          + " exported twice (same uuid or insert_id) counted once");
    }
    if (reading.identity > 0) {
      notes.add(reading.identity + (reading.identity == 1 ? " identity call" : " identity calls")
          + " ($identify, $set, $groupidentify, …) not read");
    }
    if (reading.noAccount > 0) {
      notes.add(reading.noAccount + (reading.noAccount == 1 ? " event" : " events") + " without an account, as account '"
          + Settings.NO_ACCOUNT + "'");
    }
    String query = files.query("no product exports in " + path.getFileName(), notes, "product exports", LOG);
    return ExportRecords.Read.of(List.copyOf(rows), query, files, times);
  }

  /** An Amplitude archive: every file in it, gzipped or not; the number of files read. */
  private int zip(InputStream in, String name, Reading reading) throws IOException {
    int files = 0;
    reading.file = name;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = nextEntry(zip)) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String inner = name + "!/" + entry.getName();
        reading.file = inner;
        files++;
        try {
          lines(new FilterInputStream(zip) {
            @Override
            public void close() {
              // the archive stays open for its next file
            }
          }, entry.getName().toLowerCase(Locale.ROOT).endsWith(".gz"), reading);
        } catch (ExportProblem p) {
          reading.files.skip(inner, p);
        }
        reading.file = name;
      }
    }
    if (files == 0) {
      reading.file = name;
      throw new ExportProblem(ProductExportException.MALFORMED, 0, 0, "not a zip archive with files in it", "download the export again");
    }
    return files;
  }

  private static @Nullable ZipEntry nextEntry(ZipInputStream zip) {
    try {
      return zip.getNextEntry();
    } catch (IOException | IllegalArgumentException e) {
      throw new ExportProblem(ProductExportException.MALFORMED, 0, 0, "not a well-formed zip archive (" + e.getMessage() + ")",
          "download the export again");
    }
  }

  /**
   * A Parquet export (PostHog's events model): DuckDB writes its rows as JSON Lines into a temporary file, its
   * JSON-encoded text columns as JSON, and the lines are read as a JSON Lines export's are; line n is row n.
   */
  private void parquet(Path file, Reading reading) throws IOException {
    io.companyos.sources.builtin.internal.ParquetRows.withTemporaryFile("events", ".jsonl", jsonl -> {
      try {
        io.companyos.sources.builtin.internal.ParquetRows.toJsonLines(file, jsonl, POSTHOG_JSON_TEXT);
      } catch (io.companyos.sources.builtin.internal.ParquetRows.Unreadable e) {
        throw new ExportProblem(ProductExportException.MALFORMED, 0, 0, "DuckDB cannot read it as Parquet: " + e.getMessage(),
            "download the file again");
      }
      try (InputStream in = Files.newInputStream(jsonl)) {
        lines(in, false, reading);
      }
      return null;
    });
  }

  /**
   * JSON Lines, gzipped or not; an empty file (as Amplitude writes for an hour without events) holds no events. Damaged
   * bytes — not UTF-8, gzip data cut short, or a zip entry whose checksum does not match — are a located problem of this
   * file, wherever the stream notices them.
   */
  private void lines(InputStream raw, boolean gzip, Reading reading) throws IOException {
    int[] line = {0};
    try {
      InputStream in = new BufferedInputStream(raw);
      in.mark(1);
      if (in.read() < 0) {
        return;
      }
      in.reset();
      if (gzip) {
        in = new GZIPInputStream(in);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
        @Override
        public @Nullable String readLine() throws IOException {
          String l = super.readLine();
          line[0]++;
          return l;
        }
      };
      EventReader.read(reader, settings, reading);
    } catch (UncheckedIOException e) {
      throw damaged(e.getCause(), line[0], gzip);
    } catch (CharacterCodingException | ZipException | EOFException e) {
      throw damaged(e, line[0], gzip);
    }
  }

  private static ExportProblem damaged(IOException e, int line, boolean gzip) throws IOException {
    if (e instanceof CharacterCodingException) {
      return new ExportProblem(ProductExportException.MALFORMED, line + 1, 0, "the file is not UTF-8 text", "save it as UTF-8");
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return new ExportProblem(ProductExportException.MALFORMED, line, 0,
          (gzip ? "not gzip data, or cut short (" : "damaged or cut short (") + e.getMessage() + ")",
          "download the export again");
    }
    throw e;
  }
}
