package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code costs} from FOCUS exports: one CSV file (plain or {@code .gz}), or a folder holding any number of
 * exports as the clouds deliver them. In an AWS Data Exports folder each billing period's latest
 * {@code *-Manifest.json} names the data files to read; in an Azure export each date range's latest run
 * ({@code manifest.json}, {@code runInfo.submittedTime}) does; data files no latest manifest names are not read, and the
 * provenance says so. Any other {@code .csv} or {@code .csv.gz} is read as FOCUS CSV (GCP's FOCUS view saved as CSV).
 * A {@code .parquet} data file is read through DuckDB's JDBC driver when the application has it on its class path
 * ({@link FocusParquet}), and is an error that says so when it does not.
 * Every row is read by the rules of {@code costs.csv}. Files are read once, on first use. In strict mode (the default)
 * the first bad file, manifest or row fails the query with {@code file:line:col: COS-COST-00n message}; in lenient mode
 * it is skipped, counted in the provenance and listed by {@link #skippedInputs()}.
 */
public final class CostExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(CostExportsSource.class);
  private static final String PARQUET_HINT = "add org.duckdb:duckdb_jdbc to the application (or beside the command's jar) "
      + "to read Parquet here, read it through the jdbc source with DuckDB's driver (docs/sources.md, \"Parquet files\"), "
      + "or export gzip CSV";

  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.COSTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final ExportRecords<List<CostRow>> exports;
  /** Whether Parquet data files can be read (DuckDB's JDBC driver is on the class path). */
  private final java.util.function.BooleanSupplier parquetReadable;

  CostExportsSource(String id, Path path, boolean strict, Clock clock) {
    this(id, path, strict, clock, io.companyos.sources.builtin.internal.ParquetRows::readable);
  }

  /** A source as if DuckDB's JDBC driver were, or were not, on the class path (for tests). */
  CostExportsSource(String id, Path path, boolean strict, Clock clock, java.util.function.BooleanSupplier parquetReadable) {
    this.id = id;
    this.path = path;
    this.strict = strict;
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
    return SourceDescription.of(CostExportsSourceProvider.ID, RecordKind.COSTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, rows -> rows);
  }

  /**
   * Rows, manifests and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   * @deprecated the connectors share one type now: use {@link #skippedInputs()}
   */
  @Deprecated(since = "0.1.0")
  public List<SkippedInput> skipped() {
    return skippedInputs().stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /**
   * Rows, manifests and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<io.companyos.connectors.common.SkippedInput> skippedInputs() {
    return exports.skipped();
  }

  private ExportRecords.Read<List<CostRow>> read() {
    ExportReading reading = new ExportReading(id, path, strict, CostExportException::new);
    List<Path> all = ExportFiles.list(id, path, ".csv", ".csv.gz", ".parquet", ".json");
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path p : all) {
      byName.put(ExportFiles.name(path, p), p);
    }
    // The latest manifest of each group (AWS billing period, Azure date range), and every manifest seen per group.
    Map<String, Manifest> latest = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : byName.entrySet()) {
      String name = e.getKey();
      if (!Files.isDirectory(path) || !name.toLowerCase(Locale.ROOT).endsWith(".json") || !Manifest.isManifest(name)) {
        continue;
      }
      try (InputStream in = Files.newInputStream(e.getValue())) {
        Manifest m = Manifest.read(name, LocatedJson.parse(in), Files.getLastModifiedTime(e.getValue()).toInstant());
        latest.merge(m.group(), m, (a, b) -> b.laterThan(a) ? b : a);
      } catch (LocatedJson.Malformed m) {
        reading.fail(name, CostExportException.MALFORMED, m.line, m.column, m.getMessage(), "download the manifest again");
      } catch (ExportProblem p) {
        reading.fail(name, p);
      } catch (IOException x) {
        throw new SourceUnavailableException(id, "cannot read " + e.getValue() + ": " + x.getMessage(), x);
      }
    }
    // What the latest manifests list, and what they list that is not there.
    Map<String, String> listedBy = new LinkedHashMap<>();
    for (Manifest m : latest.values()) {
      for (Map.Entry<String, int[]> f : m.files().entrySet()) {
        if (!byName.containsKey(f.getKey())) {
          reading.fail(m.file(), CostExportException.MISSING_FILE, f.getValue()[0], f.getValue()[1], "the manifest lists "
              + f.getKey() + ", which is not in the folder", "sync the export folder again (all of it)");
        } else {
          listedBy.put(f.getKey(), m.vendor());
        }
      }
    }
    List<CostRow> rows = new ArrayList<>();
    Set<String> ignored = new LinkedHashSet<>();
    Set<String> notManifests = new LinkedHashSet<>();
    for (Map.Entry<String, Path> e : byName.entrySet()) {
      String name = e.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        if (!Manifest.isManifest(name)) {
          notManifests.add(name);
        }
        continue;
      }
      String vendor = listedBy.get(name);
      if (vendor == null && Files.isDirectory(path)) {
        String awsGroup = Manifest.groupOf(name, "AWS");
        String azureGroup = Manifest.groupOf(name, "Azure");
        if ((awsGroup != null && latest.containsKey(awsGroup)) || (azureGroup != null && latest.containsKey(azureGroup))) {
          ignored.add(name);
          continue;
        }
      }
      boolean parquet = lower.endsWith(".parquet");
      String format = vendor != null ? vendor + " FOCUS export" : parquet ? "FOCUS Parquet" : "FOCUS CSV";
      if (parquet && !parquetReadable.getAsBoolean()) {
        reading.fail(name, CostExportException.UNKNOWN_FORMAT, 0, 0, "a Parquet data file, which this source reads through "
            + "DuckDB's JDBC driver, and that driver is not on the class path", PARQUET_HINT);
        reading.notRead(name);
        continue;
      }
      List<CostRow> read = new ArrayList<>();
      ExportReading.FileEntries entries = reading.file(name);
      try {
        if (parquet) {
          FocusParquet.read(e.getValue(), read::add, entries::skip);
        } else {
          try (InputStream in = Files.newInputStream(e.getValue())) {
            FocusCsv.read(in, FocusCsv.isGzip(name), read::add, entries::skip);
          }
        }
      } catch (ExportProblem p) {
        reading.fail(name, p);
        reading.notRead(name);
        continue;
      } catch (IOException x) {
        throw new SourceUnavailableException(id, "cannot read " + e.getValue() + ": " + x.getMessage(), x);
      }
      rows.addAll(read);
      reading.read(entries, format);
    }
    List<Instant> times = new ArrayList<>();
    for (CostRow r : rows) {
      times.add(r.chargePeriodStart());
      times.add(r.chargePeriodEnd());
    }
    List<String> notes = new ArrayList<>();
    if (!ignored.isEmpty()) {
      notes.add(ignored.size() + (ignored.size() == 1 ? " file" : " files") + " not in the latest manifest of "
          + (ignored.size() == 1 ? "its" : "their") + " billing period or run, not read: " + String.join(", ", ignored));
      LOG.info("{}: {} data files not in the latest manifests, not read", id, ignored.size());
    }
    if (!notManifests.isEmpty()) {
      notes.add("not a manifest, not read: " + String.join(", ", notManifests));
    }
    String query = reading.query("no cost exports in " + path.getFileName(), notes, "cost exports", LOG);
    return ExportRecords.Read.of(List.copyOf(rows), query, reading, times);
  }
}
