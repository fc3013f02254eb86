package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code costs} from FOCUS exports: one CSV file (plain or {@code .gz}), or a folder holding any number of
 * exports as the clouds deliver them. In an AWS Data Exports folder each billing period's latest
 * {@code *-Manifest.json} names the data files to read; in an Azure export each date range's latest run
 * ({@code manifest.json}, {@code runInfo.submittedTime}) does; data files no latest manifest names are not read, and the
 * provenance says so. Any other {@code .csv} or {@code .csv.gz} is read as FOCUS CSV (GCP's FOCUS view saved as CSV).
 * Every row is read by the rules of {@code costs.csv}. Files are read once, on first use. In strict mode (the default)
 * the first bad file, manifest or row fails the query with {@code file:line:col: COS-COST-00n message}; in lenient mode
 * it is skipped, counted in the provenance and listed by {@link #skipped()}.
 */
public final class CostExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(CostExportsSource.class);
  private static final String PARQUET_HINT = "read Parquet through the jdbc source with DuckDB's driver (docs/sources.md, "
      + "\"Parquet files\"), or export gzip CSV";

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Clock clock;
  private volatile @Nullable Loaded loaded;

  private record Loaded(List<CostRow> rows, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {}

  CostExportsSource(String id, Path path, boolean strict, Clock clock) {
    this.id = id;
    this.path = path;
    this.strict = strict;
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
    return SourceDescription.of(CostExportsSourceProvider.ID, RecordKind.COSTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!kind.equals(RecordKind.COSTS)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    return Dataset.inWindow(kind, l.rows(), Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /** Rows, manifests and files lenient mode left out, in reading order. */
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
    List<Path> all = ExportFiles.list(id, path, ".csv", ".csv.gz", ".parquet", ".json");
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path p : all) {
      byName.put(ExportFiles.name(path, p), p);
    }
    List<SkippedInput> skipped = new ArrayList<>();
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
        fail(name, CostExportException.MALFORMED, m.line, m.column, m.getMessage(), skipped, "download the manifest again");
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
      } catch (IOException x) {
        throw new SourceUnavailableException(id, "cannot read " + e.getValue() + ": " + x.getMessage(), x);
      }
    }
    // What the latest manifests list, and what they list that is not there.
    Map<String, String> listedBy = new LinkedHashMap<>();
    for (Manifest m : latest.values()) {
      for (Map.Entry<String, int[]> f : m.files().entrySet()) {
        if (!byName.containsKey(f.getKey())) {
          fail(m.file(), CostExportException.MISSING_FILE, f.getValue()[0], f.getValue()[1], "the manifest lists "
              + f.getKey() + ", which is not in the folder", skipped, "sync the export folder again (all of it)");
        } else {
          listedBy.put(f.getKey(), m.vendor());
        }
      }
    }
    List<CostRow> rows = new ArrayList<>();
    List<String> described = new ArrayList<>();
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
      String format = vendor == null ? "FOCUS CSV" : vendor + " FOCUS export";
      if (lower.endsWith(".parquet")) {
        fail(name, CostExportException.UNKNOWN_FORMAT, 0, 0, "a Parquet data file; this source reads FOCUS CSV and gzip CSV",
            skipped, PARQUET_HINT);
        described.add(name + " (not read)");
        continue;
      }
      List<CostRow> read = new ArrayList<>();
      List<SkippedInput> bad = new ArrayList<>();
      try (InputStream in = Files.newInputStream(e.getValue())) {
        FocusCsv.read(in, FocusCsv.isGzip(name), read::add, p -> {
          if (strict) {
            throw p;
          }
          bad.add(new SkippedInput(name, p.line, p.column, p.code, p.getMessage()));
        });
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException x) {
        throw new SourceUnavailableException(id, "cannot read " + e.getValue() + ": " + x.getMessage(), x);
      }
      rows.addAll(read);
      skipped.addAll(bad);
      described.add(name + " (" + format + ")");
    }
    List<Instant> times = new ArrayList<>();
    for (CostRow r : rows) {
      times.add(r.chargePeriodStart());
      times.add(r.chargePeriodEnd());
    }
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no cost exports in " + path.getFileName() : String.join(", ", described));
    if (!ignored.isEmpty()) {
      query.append("; ").append(ignored.size()).append(ignored.size() == 1 ? " file" : " files")
          .append(" not in the latest manifest of ").append(ignored.size() == 1 ? "its" : "their")
          .append(" billing period or run, not read: ").append(String.join(", ", ignored));
      LOG.info("{}: {} data files not in the latest manifests, not read", id, ignored.size());
    }
    if (!notManifests.isEmpty()) {
      query.append("; not a manifest, not read: ").append(String.join(", ", notManifests));
    }
    if (!skipped.isEmpty()) {
      query.append("; ").append(skipped.size()).append(" bad ").append(skipped.size() == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the cost exports (lenient mode); first: {}", id, skipped.size(), skipped.get(0));
    }
    return new Loaded(List.copyOf(rows), query.toString(), List.copyOf(skipped), Provenance.Coverage.of(times).orElse(null));
  }

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new CostExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }
}
