package io.companyos.connectors.work;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
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
 * Serves {@code sprints} and {@code sprint_items} from Jira Agile REST pages: one file, or every {@code .json} file
 * under a folder (sub-folders included, hidden ones not), each read as the page it turns out to be. Files are read
 * once, on first use. Sprints are the started ones (active and closed); each issue is an item of every started sprint
 * it was in, done only in its last one (docs/connectors.md). In strict mode (the default) the first bad file or entry
 * fails the query with {@code file:line:col: COS-JIRA-00n message}; in lenient mode it is skipped, counted in the
 * provenance and listed by {@link #skipped()}.
 */
public final class WorkExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(WorkExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.SPRINTS, RecordKind.SPRINT_ITEMS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final Clock clock;
  private volatile @Nullable Loaded loaded;

  private record Loaded(Assembly.Result result, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {}

  private final @Nullable JiraPull pull;

  WorkExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock, @Nullable JiraPull pull) {
    this.pull = pull;
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
    if (pull == null && !Files.exists(path)) {
      throw new SourceUnavailableException(id, "no file or folder " + path, null);
    }
    return SourceDescription.of(WorkExportsSourceProvider.ID, KINDS, List.of());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!KINDS.contains(kind)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    List<?> rows = kind.equals(RecordKind.SPRINTS) ? l.result().sprints() : l.result().items();
    return Dataset.inWindow(kind, rows, Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<SkippedInput> skipped() {
    return load().skipped();
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          if (pull != null) {
            pull.sync();
          }
          l = read();
          loaded = l;
        }
      }
    }
    return l;
  }

  private Loaded read() {
    List<ReadContext.SprintStatement> sprints = new ArrayList<>();
    List<ReadContext.IssueStatement> issues = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    List<SkippedInput> skipped = new ArrayList<>();
    List<String> described = new ArrayList<>();
    long order = 0;
    for (Path file : ExportFiles.list(id, path, ".json")) {
      String name = ExportFiles.name(path, file);
      ReadContext ctx = new ReadContext(name, strict, order++, settings);
      try (InputStream in = Files.newInputStream(file)) {
        JiraReader.read(LocatedJson.parse(in), ctx);
      } catch (LocatedJson.Malformed e) {
        fail(name, WorkExportException.MALFORMED, e.line, e.column, e.getMessage(), skipped, "fix the file, or save the page again");
        described.add(name + " (not read)");
        continue;
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      sprints.addAll(ctx.sprints);
      issues.addAll(ctx.issues);
      pages.addAll(ctx.pages);
      skipped.addAll(ctx.skipped);
      described.add(name + " (" + ctx.format + ")");
    }
    Assembly.Result result = Assembly.build(sprints, issues, pages, settings.storyPointsField());
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no exports in " + path.getFileName() : String.join(", ", described));
    for (String note : result.notes()) {
      query.append("; ").append(note);
    }
    if (!skipped.isEmpty()) {
      query.append("; ").append(skipped.size()).append(" bad ").append(skipped.size() == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the Jira exports (lenient mode); first: {}", id, skipped.size(), skipped.get(0));
    }
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
    return new Loaded(result, query.toString(), List.copyOf(skipped), Provenance.Coverage.of(times).orElse(null));
  }

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new WorkExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }
}
