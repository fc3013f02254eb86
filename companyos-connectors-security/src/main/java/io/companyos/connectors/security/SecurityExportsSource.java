package io.companyos.connectors.security;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code vulnerabilities} from vulnerability exports: one file, or every {@code .json} and
 * {@code .sarif} file under a folder (sub-folders included, hidden ones not), each read in the format it
 * turns out to be. The files are read once, on first use. Findings stated by several exports count once
 * ({@link Findings}). In strict mode (the default) the first bad file or finding fails the query with
 * {@code file:line:col: COS-VULN-00n message}; in lenient mode it is skipped, counted in the provenance
 * and listed by {@link #skippedInputs()}.
 */
public final class SecurityExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.VULNERABILITIES);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final ExportRecords<List<Vulnerability>> exports;

  /**
   * A source reading the exports at {@code path}.
   *
   * @param id the source's id
   * @param path the export file, or the folder holding them
   * @param strict true for strict mode, false for lenient
   * @param clock the clock the provenance's time is read from
   */
  public SecurityExportsSource(String id, Path path, boolean strict, Clock clock) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.exports = new ExportRecords<>(id, clock, null, this::read);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    exports.requireExports(path);
    return SourceDescription.of(SecurityExportsSourceProvider.ID, RecordKind.VULNERABILITIES);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, rows -> rows);
  }

  /**
   * Findings and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   * @deprecated the connectors share one type now: use {@link #skippedInputs()}
   */
  @Deprecated(since = "0.1.0")
  public List<SkippedInput> skipped() {
    return skippedInputs().stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /**
   * Findings and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<io.companyos.connectors.common.SkippedInput> skippedInputs() {
    return exports.skipped();
  }

  private ExportRecords.Read<List<Vulnerability>> read() {
    ExportReading reading = new ExportReading(id, path, strict, SecurityExportException::new);
    List<Finding> findings = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    reading.eachFile(ExportFiles.list(id, path, ".json", ".sarif"), SecurityExportException.MALFORMED,
        "fix the file, or re-export it", (file, entries) -> {
          ReadContext ctx = new ReadContext(entries);
          try (InputStream in = Files.newInputStream(file)) {
            ExportFormats.read(LocatedJson.parse(in), ctx);
          }
          findings.addAll(ctx.findings);
          times.addAll(ctx.reportTimes);
          for (Finding f : ctx.findings) {
            times.add(f.detectedAt());
            if (f.resolvedAt() != null) {
              times.add(f.resolvedAt());
            }
          }
          return ctx.format;
        });
    Findings.Merged merged = Findings.merge(findings);
    List<String> notes = new ArrayList<>();
    if (merged.withoutSeverity() > 0) {
      notes.add(merged.withoutSeverity() + (merged.withoutSeverity() == 1 ? " finding" : " findings") + " without severity left out");
    }
    String query = reading.query("no exports in " + path.getFileName(), notes, "vulnerability exports", LOG);
    return ExportRecords.Read.of(merged.rows(), query, reading, times);
  }
}
