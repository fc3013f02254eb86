package io.companyos.connectors.security;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.Vulnerability;
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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code vulnerabilities} from vulnerability exports: one file, or every {@code .json} and
 * {@code .sarif} file under a folder (sub-folders included, hidden ones not), each read in the format it
 * turns out to be. The files are read once, on first use. Findings stated by several exports count once
 * ({@link Findings}). In strict mode (the default) the first bad file or finding fails the query with
 * {@code file:line:col: COS-VULN-00n message}; in lenient mode it is skipped, counted in the provenance
 * and listed by {@link #skipped()}.
 */
public final class SecurityExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityExportsSource.class);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Clock clock;
  private volatile @Nullable Loaded loaded;

  /** The findings of every export, merged, with what was read and what was left out. */
  private record Loaded(List<Vulnerability> rows, String query, List<SkippedInput> skipped,
      Provenance.@Nullable Coverage covers) {}

  public SecurityExportsSource(String id, Path path, boolean strict, Clock clock) {
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
    return SourceDescription.of(SecurityExportsSourceProvider.ID, RecordKind.VULNERABILITIES);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!kind.equals(RecordKind.VULNERABILITIES)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    return Dataset.inWindow(kind, l.rows(), Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /** Findings and files lenient mode left out, in reading order. */
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
    List<Path> files = files();
    List<Finding> findings = new ArrayList<>();
    List<SkippedInput> skipped = new ArrayList<>();
    List<String> described = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    long order = 0;
    for (Path file : files) {
      String name = name(file);
      ReadContext ctx = new ReadContext(name, strict, order++);
      try (InputStream in = Files.newInputStream(file)) {
        ExportFormats.read(LocatedJson.parse(in), ctx);
      } catch (LocatedJson.Malformed e) {
        fail(name, SecurityExportException.MALFORMED, e.line, e.column, e.getMessage(), skipped, "fix the file, or re-export it");
        described.add(name + " (not read)");
        continue;
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      findings.addAll(ctx.findings);
      skipped.addAll(ctx.skipped);
      times.addAll(ctx.reportTimes);
      for (Finding f : ctx.findings) {
        times.add(f.detectedAt());
        if (f.resolvedAt() != null) {
          times.add(f.resolvedAt());
        }
      }
      described.add(name + " (" + ctx.format + ")");
    }
    Findings.Merged merged = Findings.merge(findings);
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no exports in " + path.getFileName() : String.join(", ", described));
    if (merged.withoutSeverity() > 0) {
      query.append("; ").append(merged.withoutSeverity()).append(merged.withoutSeverity() == 1 ? " finding" : " findings")
          .append(" without severity left out");
    }
    if (!skipped.isEmpty()) {
      query.append("; ").append(skipped.size()).append(" bad ").append(skipped.size() == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the vulnerability exports (lenient mode); first: {}", id, skipped.size(), skipped.get(0));
    }
    return new Loaded(merged.rows(), query.toString(), List.copyOf(skipped), Provenance.Coverage.of(times).orElse(null));
  }

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new SecurityExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }

  private String name(Path file) {
    return ExportFiles.name(path, file);
  }

  private List<Path> files() {
    return ExportFiles.list(id, path, ".json", ".sarif");
  }
}
