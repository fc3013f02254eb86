package io.companyos.connectors.work;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.LocatedJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What the Jira reader writes into while reading one export, and helpers to read fields. */
final class ReadContext {
  /**
   * A sprint as one export states it: a sprint page of the board ({@code fromBoard}) or the sprint object an issue
   * embeds in {@code fields.sprint} or {@code fields.closedSprints}.
   */
  record SprintStatement(String id, String name, String state, @Nullable Instant start, @Nullable Instant end,
      @Nullable Instant completed, @Nullable String goal, boolean fromBoard, long order) {
    /** How far a sprint has got: future 0, active 1, closed 2. */
    int progress() {
      return switch (state) {
        case "future" -> 0;
        case "active" -> 1;
        default -> 2;
      };
    }
  }

  /**
   * An issue as one export states it.
   *
   * @param category the key of its status category: {@code new}, {@code indeterminate} or {@code done}
   * @param points its story points, 0 when not estimated
   * @param estimated whether the story points field holds a number
   * @param currentSprint the id of {@code fields.sprint}, or null
   * @param closedSprints the ids of {@code fields.closedSprints}
   */
  record IssueStatement(String key, String summary, String kind, double points, boolean estimated, String category,
      Instant created, @Nullable Instant done, @Nullable Instant categoryChanged, @Nullable Instant updated, boolean escaped,
      @Nullable String currentSprint, List<String> closedSprints, long order) {}

  /** One saved page of a list: the sprints of a board or the issues of a sprint. */
  record Page(String list, String file, long startAt, int count, @Nullable Long total, @Nullable Boolean last) {}

  /** Jira's own time format: {@code 2026-11-02T09:00:00.000+0000} (an offset without a colon). */
  private static final DateTimeFormatter JIRA_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();

  final String file;
  private final ExportReading.FileEntries entries;
  private final long fileOrder;
  final Settings settings;
  final List<SprintStatement> sprints = new ArrayList<>();
  final List<IssueStatement> issues = new ArrayList<>();
  final List<Page> pages = new ArrayList<>();
  String format = "";

  ReadContext(ExportReading.FileEntries entries, Settings settings) {
    this.file = entries.name();
    this.entries = entries;
    this.fileOrder = entries.order();
    this.settings = settings;
  }

  long order() {
    return fileOrder * 10_000_000L + sprints.size() + issues.size();
  }

  /** Reads one entry; in lenient mode a problem skips it, in strict mode it stops the read. */
  void each(LocatedJson item, Consumer<LocatedJson> read) {
    entries.each(item, j -> {
      if (!j.isObject()) {
        throw new ExportProblem(WorkExportException.MISSING, j, "an entry is " + j.typeName() + ", not an object", null);
      }
      read.accept(j);
    });
  }

  /**
   * A time as Jira writes it, ISO-8601 with an offset: {@code 2026-11-02T09:00:00.000Z} (sprints),
   * {@code 2026-11-02T09:00:00.000+0000} (issue fields); null when absent.
   */
  static @Nullable Instant time(LocatedJson v, String field) {
    if (v.isAbsent()) {
      return null;
    }
    String s = v.text();
    if (s == null) {
      throw new ExportProblem(WorkExportException.MISSING, v, field + " is " + v.typeName() + ", not a time", null);
    }
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t, JIRA_TIME).toInstant();
      } catch (DateTimeParseException e2) {
        throw new ExportProblem(WorkExportException.INVALID, v, field + " '" + s + "' is not an ISO-8601 time with offset",
            "Jira writes 2026-11-02T09:00:00.000+0000");
      }
    }
  }

  /** A time the format requires. */
  static Instant requireTime(LocatedJson parent, String name, String what) {
    Instant t = time(parent.get(name), name);
    if (t == null) {
      throw new ExportProblem(WorkExportException.MISSING, parent.get(name), what + " has no " + name, null);
    }
    return t;
  }

  /** A text (or number) field the format requires. */
  static String requireText(LocatedJson parent, String name, String what) {
    LocatedJson v = parent.get(name);
    String s = v.scalar();
    if (s == null) {
      throw new ExportProblem(WorkExportException.MISSING, v,
          what + " has no " + name + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }
}
