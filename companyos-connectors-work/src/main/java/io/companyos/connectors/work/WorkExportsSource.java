package io.companyos.connectors.work;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code sprints} and {@code sprint_items} from Jira Agile REST pages: one file, or every {@code .json} file
 * under a folder (sub-folders included, hidden ones not), each read as the page it turns out to be. Files are read
 * once, on first use. Sprints are the started ones (active and closed); each issue is an item of every started sprint
 * it was in, done only in its last one (docs/connectors.md). In strict mode (the default) the first bad file or entry
 * fails the query with {@code file:line:col: COS-JIRA-00n message}; in lenient mode it is skipped, counted in the
 * provenance and listed by {@link #skippedInputs()}.
 */
public final class WorkExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(WorkExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.SPRINTS, RecordKind.SPRINT_ITEMS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final ExportRecords<Assembly.Result> exports;

  WorkExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock, @Nullable JiraPull pull) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.settings = settings;
    this.exports = new ExportRecords<>(id, clock, pull == null ? null : pull::sync, this::read);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    exports.requireExports(path);
    return SourceDescription.of(WorkExportsSourceProvider.ID, KINDS, List.of());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, r -> kind.equals(RecordKind.SPRINTS) ? r.sprints() : r.items());
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   * @deprecated the connectors share one type now: use {@link #skippedInputs()}
   */
  @Deprecated(since = "0.1.0")
  public List<SkippedInput> skipped() {
    return skippedInputs().stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<io.companyos.connectors.common.SkippedInput> skippedInputs() {
    return exports.skipped();
  }

  private ExportRecords.Read<Assembly.Result> read() {
    ExportReading reading = new ExportReading(id, path, strict, WorkExportException::new);
    List<ReadContext.SprintStatement> sprints = new ArrayList<>();
    List<ReadContext.IssueStatement> issues = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    reading.eachFile(ExportFiles.list(id, path, ".json"), WorkExportException.MALFORMED, "fix the file, or save the page again",
        (file, entries) -> {
          ReadContext ctx = new ReadContext(entries, settings);
          try (InputStream in = Files.newInputStream(file)) {
            JiraReader.read(LocatedJson.parse(in), ctx);
          }
          sprints.addAll(ctx.sprints);
          issues.addAll(ctx.issues);
          pages.addAll(ctx.pages);
          return ctx.format;
        });
    Assembly.Result result = Assembly.build(sprints, issues, pages, settings.storyPointsField());
    String query = reading.query("no exports in " + path.getFileName(), result.notes(), "Jira exports", LOG);
    List<Instant> times = new ArrayList<>();
    for (Sprint s : result.sprints()) {
      times.add(s.start());
      times.add(s.end());
    }
    for (SprintItem i : result.items()) {
      times.add(i.addedAt());
      if (i.completedAt() != null) {
        times.add(i.completedAt());
      }
    }
    return ExportRecords.Read.of(result, query, reading, times);
  }
}
