package io.companyos.connectors.product;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
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
 * Lines files, one per hour. An event exported twice (the same PostHog {@code uuid}, the same Amplitude
 * {@code insert_id}) counts once. Identity calls ({@code $identify}, {@code $set}, …) are not read. Files are read once,
 * on first use. In strict mode (the default) the first bad file or line fails the query with
 * {@code file:line:col: COS-PRODUCT-00n message}; in lenient mode it is skipped, counted in the provenance and listed by
 * {@link #skipped()}.
 */
public final class ProductExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(ProductExportsSource.class);
  private static final String PARQUET_HINT = "read Parquet through the jdbc source with DuckDB's driver (docs/sources.md, "
      + "\"Parquet files\"), or export JSON Lines";

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final Clock clock;
  private volatile @Nullable Loaded loaded;

  private record Loaded(List<ProductEvent> rows, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {}

  /** What reading found, over all files. */
  private final class Reading implements EventReader.Sink {
    final List<ProductEvent> rows = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final List<SkippedInput> skipped = new ArrayList<>();
    final Set<String> tools = new java.util.TreeSet<>();
    int duplicates;
    int identity;
    int noAccount;
    int emptyFiles;
    String file = "";

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
      if (strict) {
        throw p;
      }
      skipped.add(new SkippedInput(file, p.line, p.column, p.code, p.getMessage()));
    }

    @Override
    public void identity() {
      identity++;
    }
  }

  ProductExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    if (!Files.exists(path)) {
      throw new SourceUnavailableException(id, "no file or folder " + path, null);
    }
    return SourceDescription.of(ProductExportsSourceProvider.ID, RecordKind.PRODUCT_EVENTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!kind.equals(RecordKind.PRODUCT_EVENTS)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    return Dataset.inWindow(kind, l.rows(), Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /** Lines and files lenient mode left out, in reading order. */
  public List<SkippedInput> skipped() {
    return load().skipped();
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          l = read();
          loaded = l;
        }
      }
    }
    return l;
  }

  private Loaded read() {
    Reading reading = new Reading();
    List<String> described = new ArrayList<>();
    for (Path file : ExportFiles.list(id, path, ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz", ".zip", ".parquet")) {
      String name = ExportFiles.name(path, file);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".parquet")) {
        fail(name, ProductExportException.UNKNOWN_FORMAT, 0, 0, "a Parquet export; this source reads JSON Lines (PostHog) and "
            + "Amplitude's zip archives", reading.skipped, PARQUET_HINT);
        described.add(name + " (not read)");
        continue;
      }
      int before = reading.rows.size() + reading.duplicates;
      reading.tools.clear();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        if (lower.endsWith(".zip")) {
          int hours = zip(in, name, reading);
          described.add(name + " (Amplitude export, " + hours + (hours == 1 ? " file" : " files") + ")");
          continue;
        }
        reading.file = name;
        lines(in, lower.endsWith(".gz"), reading);
      } catch (ExportProblem p) {
        fail(reading.file, p.code, p.line, p.column, p.getMessage(), reading.skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      described.add(name + " (" + (reading.rows.size() + reading.duplicates == before ? "no events" : String.join(" and ", reading.tools) + " events") + ")");
    }
    List<ProductEvent> rows = new ArrayList<>(reading.rows);
    rows.sort(Comparator.comparing(ProductEvent::timestamp));
    List<Instant> times = rows.stream().map(ProductEvent::timestamp).toList();
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no product exports in " + path.getFileName() : String.join(", ", described));
    if (reading.duplicates > 0) {
      query.append("; ").append(reading.duplicates).append(reading.duplicates == 1 ? " event" : " events")
          .append(" exported twice (same uuid or insert_id) counted once");
    }
    if (reading.identity > 0) {
      query.append("; ").append(reading.identity).append(reading.identity == 1 ? " identity call" : " identity calls")
          .append(" ($identify, $set, $groupidentify, …) not read");
    }
    if (reading.noAccount > 0) {
      query.append("; ").append(reading.noAccount).append(reading.noAccount == 1 ? " event" : " events")
          .append(" without an account, as account '").append(Settings.NO_ACCOUNT).append("'");
    }
    if (!reading.skipped.isEmpty()) {
      int n = reading.skipped.size();
      query.append("; ").append(n).append(" bad ").append(n == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the product exports (lenient mode); first: {}", id, n, reading.skipped.get(0));
    }
    return new Loaded(List.copyOf(rows), query.toString(), List.copyOf(reading.skipped), Provenance.Coverage.of(times).orElse(null));
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
          if (strict) {
            throw p;
          }
          reading.skipped.add(new SkippedInput(inner, p.line, p.column, p.code, p.getMessage()));
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

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new ProductExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }
}
