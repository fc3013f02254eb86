package io.companyos.connectors.incidents;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code incidents} from incident exports: one file, or every {@code .json} and {@code .csv} file under a
 * folder (sub-folders included, hidden ones not), each read in the format it turns out to be (PagerDuty JSON, or
 * another tool's CSV or JSON through the column mapping). Files are read once, on first use. An incident stated by
 * several PagerDuty pages counts once (the latest {@code updated_at}); a resolve log entry gives its resolve time. In
 * strict mode (the default) the first bad file or entry fails the query with {@code file:line:col: COS-INC-00n
 * message}; in lenient mode it is skipped, counted in the provenance and listed by {@link #skippedInputs()}.
 */
public final class IncidentExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.INCIDENTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final ExportRecords<List<Incident>> exports;

  IncidentExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock, @Nullable PagerDutyPull pull) {
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
    return SourceDescription.of(IncidentExportsSourceProvider.ID, RecordKind.INCIDENTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, rows -> rows);
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

  private ExportRecords.Read<List<Incident>> read() {
    ExportReading reading = new ExportReading(id, path, strict, IncidentExportException::new);
    List<ReadContext.Read> reads = new ArrayList<>();
    List<ReadContext.Resolve> resolves = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    reading.eachFile(ExportFiles.list(id, path, ".json", ".csv"), IncidentExportException.MALFORMED, "fix the file, or export it again",
        (file, entries) -> {
          ReadContext ctx = new ReadContext(entries, settings);
          byte[] bytes = Files.readAllBytes(file);
          if (entries.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            GenericReader.readCsv(new StringReader(utf8(bytes)), ctx);
          } else {
            LocatedJson root = LocatedJson.parse(new ByteArrayInputStream(bytes));
            if (PagerDutyReader.isPagerDuty(root)) {
              PagerDutyReader.read(root, ctx);
            } else {
              GenericReader.readJson(root, ctx);
            }
          }
          reads.addAll(ctx.incidents);
          resolves.addAll(ctx.resolves);
          pages.addAll(ctx.pages);
          return ctx.format;
        });
    List<Incident> rows = merge(reads, resolves, reading);
    List<Instant> times = new ArrayList<>();
    for (Incident i : rows) {
      times.add(i.timeCreated());
      if (i.timeResolved() != null) {
        times.add(i.timeResolved());
      }
    }
    List<String> notes = new ArrayList<>();
    String incomplete = incompletePages(pages);
    if (incomplete != null) {
      notes.add(incomplete);
      LOG.warn("{}: {}", id, incomplete);
    }
    String query = reading.query("no exports in " + path.getFileName(), notes, "incident exports", LOG);
    return ExportRecords.Read.of(rows, query, reading, times);
  }

  /**
   * One incident per id: of several PagerDuty statements the one updated last (the later file on a tie), of
   * other exports the later file; then the resolve log entries.
   */
  private static List<Incident> merge(List<ReadContext.Read> reads, List<ReadContext.Resolve> resolves, ExportReading reading) {
    Map<String, ReadContext.Read> byId = new LinkedHashMap<>();
    for (ReadContext.Read r : reads) {
      byId.merge(r.incident().incidentId(), r, (a, b) -> {
        if (a.pagerDuty() && b.pagerDuty() && a.updatedAt() != null && b.updatedAt() != null) {
          int c = a.updatedAt().compareTo(b.updatedAt());
          if (c != 0) {
            return c > 0 ? a : b;
          }
        }
        return a.order() > b.order() ? a : b;
      });
    }
    Map<String, ReadContext.Resolve> resolvedBy = new HashMap<>();
    for (ReadContext.Resolve r : resolves) {
      resolvedBy.merge(r.incidentId(), r, (a, b) -> a.at().isAfter(b.at()) ? a : b);
    }
    List<Incident> rows = new ArrayList<>();
    for (ReadContext.Read r : byId.values()) {
      Incident i = r.incident();
      ReadContext.Resolve resolve = r.pagerDuty() ? resolvedBy.get(i.incidentId()) : null;
      if (resolve != null) {
        if (resolve.at().isBefore(i.timeCreated())) {
          reading.fail(resolve.file(), IncidentExportException.INVALID, resolve.line(), resolve.column(), "incident "
              + i.incidentId() + " is resolved (" + resolve.at() + ") before it was created (" + i.timeCreated() + ")", null);
          continue;
        }
        i = new Incident(i.incidentId(), i.timeCreated(), resolve.at(), i.severity(), i.service(), i.title(), i.rootCauseDeploy());
      }
      rows.add(i);
    }
    rows.sort(Comparator.comparing(Incident::timeCreated).thenComparing(Incident::incidentId));
    return rows;
  }

  /** A note when the saved PagerDuty pages of a list end with a page that says more follow. */
  private static @Nullable String incompletePages(List<ReadContext.Page> pages) {
    Map<String, ReadContext.Page> last = new LinkedHashMap<>();
    for (ReadContext.Page p : pages) {
      last.merge(p.list(), p, (a, b) -> b.offset() > a.offset() || (b.offset() == a.offset() && b.more()) ? b : a);
    }
    List<String> notes = new ArrayList<>();
    for (ReadContext.Page p : last.values()) {
      if (p.more()) {
        notes.add("the saved " + p.list().replace('_', ' ') + " pages end at offset " + p.offset() + " with more: true (later pages missing)");
      }
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  private static String utf8(byte[] bytes) throws ExportProblem {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int line = 1;
      int bad = firstBadByte(bytes);
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ExportProblem(IncidentExportException.MALFORMED, line, 0, "the file is not UTF-8 text (byte " + (bad + 1) + ")",
          "save it as UTF-8");
    }
  }

  private static int firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }
}
