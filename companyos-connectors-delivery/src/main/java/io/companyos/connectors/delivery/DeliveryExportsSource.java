package io.companyos.connectors.delivery;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.PullRequest;
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
 * Serves {@code deployments}, {@code changes} and {@code pull_requests} from GitHub and GitLab exports: one file, or
 * every {@code .json} file under a folder (sub-folders included, hidden ones not), each read as the list it turns out
 * to be. Files are read once, on first use. Deployments are the finished production ones, dated when they finished,
 * failed by their final status; changes are the merged pull and merge requests, dated when opened and shipped by the
 * first successful production deployment of their repository after the merge (docs/connectors.md). In strict mode
 * (the default) the first bad file or entry fails the query with {@code file:line:col: COS-GIT-00n message}; in lenient
 * mode it is skipped, counted in the provenance and listed by {@link #skippedInputs()}.
 */
public final class DeliveryExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.DEPLOYMENTS, RecordKind.CHANGES, RecordKind.PULL_REQUESTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final ExportRecords<Assembly.Result> exports;

  DeliveryExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock, @Nullable GitHubPull pull) {
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
    return SourceDescription.of(DeliveryExportsSourceProvider.ID, KINDS, List.of());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, r -> kind.equals(RecordKind.DEPLOYMENTS) ? r.deployments()
        : kind.equals(RecordKind.CHANGES) ? r.changes() : r.pullRequests());
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
    ExportReading reading = new ExportReading(id, path, strict, DeliveryExportException::new);
    List<ReadContext.Deploy> deploys = new ArrayList<>();
    List<ReadContext.Status> statuses = new ArrayList<>();
    List<ReadContext.Pr> prs = new ArrayList<>();
    List<ReadContext.Review> reviews = new ArrayList<>();
    reading.eachFile(ExportFiles.list(id, path, ".json"), DeliveryExportException.MALFORMED, "fix the file, or save the page again",
        (file, entries) -> {
          ReadContext ctx = new ReadContext(entries, settings);
          try (InputStream in = Files.newInputStream(file)) {
            ExportFormats.read(LocatedJson.parse(in), ctx);
          }
          deploys.addAll(ctx.deploys);
          statuses.addAll(ctx.statuses);
          prs.addAll(ctx.prs);
          reviews.addAll(ctx.reviews);
          return ctx.format;
        });
    Assembly.Result result = Assembly.build(deploys, statuses, prs, reviews);
    String query = reading.query("no exports in " + path.getFileName(), result.notes(), "delivery exports", LOG);
    List<Instant> times = new ArrayList<>();
    result.deployments().forEach(d -> times.add(d.timeCreated()));
    for (PullRequest p : result.pullRequests()) {
      times.add(p.openedAt());
      for (Instant t : new Instant[] {p.firstReviewAt(), p.mergedAt(), p.closedAt()}) {
        if (t != null) {
          times.add(t);
        }
      }
    }
    return ExportRecords.Read.of(result, query, reading, times);
  }
}
