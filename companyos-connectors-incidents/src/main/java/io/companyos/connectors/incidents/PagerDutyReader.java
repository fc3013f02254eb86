package io.companyos.connectors.incidents;

import io.companyos.connectors.common.LocatedJson;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.Incident;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * PagerDuty REST API v2: a saved page of {@code GET /incidents} ({@code {"incidents": [...], "offset", "more", ...}}),
 * one incident of {@code GET /incidents/{id}} ({@code {"incident": {...}}}), and a saved page of
 * {@code GET /log_entries} or {@code GET /incidents/{id}/log_entries} ({@code {"log_entries": [...]}}), whose
 * {@code resolve_log_entry} entries give resolve times.
 */
final class PagerDutyReader {
  private PagerDutyReader() {}

  static boolean isPagerDuty(LocatedJson root) {
    return root.isObject() && (root.get("incidents").isArray() || root.get("log_entries").isArray()
        || (root.get("incident").isObject() && root.members().size() == 1));
  }

  static void read(LocatedJson root, ReadContext ctx) {
    if (root.get("incident").isObject()) {
      ctx.format = "PagerDuty incident";
      ctx.each(root.get("incident"), j -> incident(j, ctx));
      return;
    }
    if (root.get("incidents").isArray()) {
      ctx.format = "PagerDuty incidents";
      page(root, "incidents", ctx);
      for (LocatedJson j : root.get("incidents").items()) {
        ctx.each(j, i -> incident(i, ctx));
      }
    }
    if (root.get("log_entries").isArray()) {
      ctx.format = ctx.format.isEmpty() ? "PagerDuty log entries" : ctx.format + ", log entries";
      page(root, "log_entries", ctx);
      for (LocatedJson j : root.get("log_entries").items()) {
        ctx.each(j, e -> logEntry(e, ctx));
      }
    }
  }

  private static void page(LocatedJson root, String list, ReadContext ctx) {
    BigDecimal offset = root.get("offset").number();
    LocatedJson more = root.get("more");
    ctx.pages.add(new ReadContext.Page(list, offset == null ? 0 : offset.longValue(), more.type == LocatedJson.Type.BOOLEAN && more.scalar().equals("true")));
  }

  private static void incident(LocatedJson j, ReadContext ctx) {
    if (!j.isObject()) {
      throw new ExportProblem(IncidentExportException.MISSING, j, "an incident is " + j.typeName() + ", not an object", null);
    }
    String id = ReadContext.requireText(j, "id", "an incident");
    String what = "incident " + id;
    Instant created = ctx.time(j.get("created_at"), "created_at");
    if (created == null) {
      throw new ExportProblem(IncidentExportException.MISSING, j, what + " has no created_at", null);
    }
    LocatedJson statusValue = j.get("status");
    String status = ReadContext.requireText(j, "status", what);
    Instant resolved = switch (status) {
      case "triggered", "acknowledged" -> null;
      case "resolved" -> resolvedAt(j, what, ctx);
      default -> throw new ExportProblem(IncidentExportException.INVALID, statusValue,
          what + ": status '" + status + "' is none of triggered, acknowledged, resolved", null);
    };
    LocatedJson service = j.get("service");
    String serviceName = service.isObject() ? first(service.get("summary").nonBlank(), service.get("id").scalar()) : null;
    if (serviceName == null) {
      throw new ExportProblem(IncidentExportException.MISSING, service, what + " has no service (summary or id)", null);
    }
    String title = first(j.get("title").nonBlank(), j.get("summary").nonBlank());
    if (title == null) {
      throw new ExportProblem(IncidentExportException.MISSING, j, what + " has neither title nor summary", null);
    }
    String severity = severity(j, what, ctx);
    Instant updated = ctx.time(j.get("updated_at"), "updated_at");
    if (updated == null) {
      updated = ctx.time(j.get("last_status_change_at"), "last_status_change_at");
    }
    ctx.add(new Incident(id, created, resolved, severity, serviceName, title, null), updated, true, j.line, j.column);
  }

  /** {@code resolved_at}, else {@code last_status_change_at} (resolved is the last status an incident takes). */
  private static Instant resolvedAt(LocatedJson j, String what, ReadContext ctx) {
    Instant at = ctx.time(j.get("resolved_at"), "resolved_at");
    if (at == null) {
      at = ctx.time(j.get("last_status_change_at"), "last_status_change_at");
    }
    if (at == null) {
      throw new ExportProblem(IncidentExportException.MISSING, j,
          what + " is resolved but has neither resolved_at nor last_status_change_at", "export its log entries as well");
    }
    return at;
  }

  /** The priority's name when the incident has a priority, else its urgency, mapped to P1–P4. */
  private static String severity(LocatedJson j, String what, ReadContext ctx) {
    LocatedJson priority = j.get("priority");
    if (priority.isObject()) {
      LocatedJson name = priority.get("summary").nonBlank() != null ? priority.get("summary") : priority.get("name");
      if (name.nonBlank() != null) {
        return ctx.priority(name.nonBlank(), what, name.line, name.column);
      }
    }
    LocatedJson urgency = j.get("urgency");
    if (urgency.nonBlank() != null) {
      return ctx.urgency(urgency.nonBlank(), what, urgency.line, urgency.column);
    }
    throw new ExportProblem(IncidentExportException.MISSING, j, what + " has neither priority nor urgency", null);
  }

  private static void logEntry(LocatedJson e, ReadContext ctx) {
    if (!e.isObject()) {
      throw new ExportProblem(IncidentExportException.MISSING, e, "a log entry is " + e.typeName() + ", not an object", null);
    }
    String type = ReadContext.requireText(e, "type", "a log entry");
    if (!type.equals("resolve_log_entry")) {
      return;
    }
    String what = "resolve log entry " + first(e.get("id").scalar(), "");
    LocatedJson incident = e.get("incident");
    String id = incident.isObject() ? incident.get("id").scalar() : null;
    if (id == null) {
      throw new ExportProblem(IncidentExportException.MISSING, incident, what.strip() + " names no incident (incident.id)", null);
    }
    Instant at = ctx.time(e.get("created_at"), "created_at");
    if (at == null) {
      throw new ExportProblem(IncidentExportException.MISSING, e, what.strip() + " has no created_at", null);
    }
    ctx.resolves.add(new ReadContext.Resolve(id, at, ctx.file, e.line, e.column));
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
