package io.companyos.connectors.incidents;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.ExportReading;
import io.companyos.model.data.Incident;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What a format reader writes into while reading one export: incidents, resolve times, skipped entries, notes. */
final class ReadContext {
  /** An incident as one file states it; {@code updatedAt} decides between two statements of one PagerDuty incident. */
  record Read(Incident incident, @Nullable Instant updatedAt, boolean pagerDuty, long order) {}

  /** A PagerDuty resolve log entry. */
  record Resolve(String incidentId, Instant at, String file, int line, int column) {}

  /** A saved page of a PagerDuty list: which list, its offset and whether the API said more pages follow. */
  record Page(String list, long offset, boolean more) {}

  final String file;
  final Settings settings;
  private final ExportReading.FileEntries entries;
  private final long fileOrder;
  final List<Read> incidents = new ArrayList<>();
  final List<Resolve> resolves = new ArrayList<>();
  final List<Page> pages = new ArrayList<>();
  /** What the provenance calls the format, e.g. "PagerDuty incidents". */
  String format = "";
  /** A remark the provenance carries after the format, e.g. that the saved pages end with {@code more: true}. */
  @Nullable String note;

  ReadContext(ExportReading.FileEntries entries, Settings settings) {
    this.file = entries.name();
    this.entries = entries;
    this.fileOrder = entries.order();
    this.settings = settings;
  }

  /** Reads one entry; in lenient mode a problem skips it, in strict mode it stops the read. */
  <T> void each(T item, Consumer<T> read) {
    entries.each(item, read);
  }

  void add(Incident incident, @Nullable Instant updatedAt, boolean pagerDuty, int line, int column) {
    if (incident.timeResolved() != null && incident.timeResolved().isBefore(incident.timeCreated())) {
      throw new ExportProblem(IncidentExportException.INVALID, line, column, incident.incidentId() + " is resolved ("
          + incident.timeResolved() + ") before it was created (" + incident.timeCreated() + ")", null);
    }
    incidents.add(new Read(incident, updatedAt, pagerDuty, fileOrder * 10_000_000L + incidents.size()));
  }

  /**
   * A time written as ISO-8601 with an offset; with a {@code time_zone} setting also without one
   * ({@code 2026-11-03T14:22:05}, {@code 2026-11-03 14:22:05}), in that zone.
   */
  Instant time(String text, String field, int line, int column) {
    String s = text.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      if (settings.zone() != null) {
        try {
          return LocalDateTime.parse(s.replace(' ', 'T')).atZone(settings.zone()).toInstant();
        } catch (DateTimeParseException ignored) {
          // reported below
        }
      }
      throw new ExportProblem(IncidentExportException.INVALID, line, column,
          field + " '" + text + "' is not an ISO-8601 time" + (settings.zone() == null ? " with offset" : ""),
          settings.zone() == null ? "write it as 2026-03-01T10:22:33Z, or set time_zone for times without an offset" : null);
    }
  }

  /** A JSON time; null when absent. */
  @Nullable Instant time(LocatedJson v, String field) {
    if (v.isAbsent()) {
      return null;
    }
    String s = v.text();
    if (s == null) {
      throw new ExportProblem(IncidentExportException.MISSING, v, field + " is " + v.typeName() + ", not a time", null);
    }
    return time(s, field, v.line, v.column);
  }

  /** A text field the format requires. */
  static String requireText(LocatedJson parent, String name, String what) {
    LocatedJson v = parent.get(name);
    String s = v.scalar();
    if (s == null) {
      throw new ExportProblem(IncidentExportException.MISSING, v,
          what + " has no " + name + (v.isAbsent() ? "" : " (it is " + v.typeName() + ")"), null);
    }
    return s;
  }

  /** A priority name mapped to P1–P4. */
  String priority(String name, String what, int line, int column) {
    return settings.priorities().ofPriority(name).orElseThrow(() -> new ExportProblem(IncidentExportException.UNMAPPED, line, column,
        what + ": priority '" + name + "' has no P1–P4 mapping",
        "map it with the option 'priority." + name.strip() + ": P2' (any of P1..P4)"));
  }

  /** An urgency mapped to P1–P4. */
  String urgency(String name, String what, int line, int column) {
    return settings.priorities().ofUrgency(name).orElseThrow(() -> new ExportProblem(IncidentExportException.UNMAPPED, line, column,
        what + ": urgency '" + name + "' has no P1–P4 mapping",
        "map it with the option 'urgency." + name.strip() + ": P3' (any of P1..P4)"));
  }
}
