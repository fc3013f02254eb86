package io.companyos.connectors.incidents;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * message}; in lenient mode it is skipped, counted in the provenance and listed by {@link #skipped()}.
 */
public final class IncidentExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentExportsSource.class);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final Clock clock;
  private final @Nullable PagerDutyPull pull;
  private volatile @Nullable Loaded loaded;

  private record Loaded(List<Incident> rows, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {}

  IncidentExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock, @Nullable PagerDutyPull pull) {
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
    return SourceDescription.of(IncidentExportsSourceProvider.ID, RecordKind.INCIDENTS);
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!kind.equals(RecordKind.INCIDENTS)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    return Dataset.inWindow(kind, l.rows(), Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /** Entries and files lenient mode left out, in reading order. */
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
    List<ReadContext.Read> reads = new ArrayList<>();
    List<ReadContext.Resolve> resolves = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    List<SkippedInput> skipped = new ArrayList<>();
    List<String> described = new ArrayList<>();
    long order = 0;
    for (Path file : files()) {
      String name = name(file);
      ReadContext ctx = new ReadContext(name, strict, order++, settings);
      try {
        byte[] bytes = Files.readAllBytes(file);
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          GenericReader.readCsv(new StringReader(utf8(bytes)), ctx);
        } else {
          LocatedJson root = LocatedJson.parse(new ByteArrayInputStream(bytes));
          if (PagerDutyReader.isPagerDuty(root)) {
            PagerDutyReader.read(root, ctx);
          } else {
            GenericReader.readJson(root, ctx);
          }
        }
      } catch (LocatedJson.Malformed e) {
        fail(name, IncidentExportException.MALFORMED, e.line, e.column, e.getMessage(), skipped, "fix the file, or export it again");
        described.add(name + " (not read)");
        continue;
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      reads.addAll(ctx.incidents);
      resolves.addAll(ctx.resolves);
      pages.addAll(ctx.pages);
      skipped.addAll(ctx.skipped);
      described.add(name + " (" + ctx.format + ")");
    }
    List<Incident> rows = merge(reads, resolves, skipped);
    List<Instant> times = new ArrayList<>();
    for (Incident i : rows) {
      times.add(i.timeCreated());
      if (i.timeResolved() != null) {
        times.add(i.timeResolved());
      }
    }
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no exports in " + path.getFileName() : String.join(", ", described));
    String incomplete = incompletePages(pages);
    if (incomplete != null) {
      query.append("; ").append(incomplete);
      LOG.warn("{}: {}", id, incomplete);
    }
    if (!skipped.isEmpty()) {
      query.append("; ").append(skipped.size()).append(" bad ").append(skipped.size() == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the incident exports (lenient mode); first: {}", id, skipped.size(), skipped.get(0));
    }
    return new Loaded(rows, query.toString(), List.copyOf(skipped), Provenance.Coverage.of(times).orElse(null));
  }

  /**
   * One incident per id: of several PagerDuty statements the one updated last (the later file on a tie), of
   * other exports the later file; then the resolve log entries.
   */
  private List<Incident> merge(List<ReadContext.Read> reads, List<ReadContext.Resolve> resolves, List<SkippedInput> skipped) {
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
          fail(resolve.file(), IncidentExportException.INVALID, resolve.line(), resolve.column(), "incident " + i.incidentId()
              + " is resolved (" + resolve.at() + ") before it was created (" + i.timeCreated() + ")", skipped, null);
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

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new IncidentExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }

  private String name(Path file) {
    return ExportFiles.name(path, file);
  }

  private List<Path> files() {
    return ExportFiles.list(id, path, ".json", ".csv");
  }
}
