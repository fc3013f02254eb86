package io.companyos.connectors.work;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Jira Cloud Agile REST API pages, saved as returned: {@code GET /rest/agile/1.0/board/{boardId}/sprint}
 * ({@code {"values": [...], "startAt", "maxResults", "isLast"}}), {@code GET /rest/agile/1.0/sprint/{sprintId}} (one
 * sprint), {@code GET /rest/agile/1.0/sprint/{sprintId}/issue} ({@code {"issues": [...], "startAt", "maxResults",
 * "total"}}) and {@code GET /rest/agile/1.0/issue/{issueIdOrKey}} (one issue).
 */
final class JiraReader {
  static final String KNOWN = "a Jira sprint page (values), sprint, issue page (issues) or issue (key and fields)";
  static final List<String> SPRINT_STATES = List.of("future", "active", "closed");
  static final List<String> CATEGORIES = List.of("new", "indeterminate", "done", "undefined");
  private static final BigDecimal MAX_POINTS = new BigDecimal("1e15");

  private JiraReader() {}

  static void read(LocatedJson root, ReadContext ctx) {
    if (root.isObject() && root.get("values").isArray()) {
      ctx.format = "Jira sprints";
      page(root, "sprints", root.get("values"), ctx);
      for (LocatedJson j : root.get("values").items()) {
        ctx.each(j, s -> ctx.sprints.add(sprint(s, true, ctx)));
      }
    } else if (root.isObject() && root.get("issues").isArray()) {
      ctx.format = "Jira issues";
      page(root, "issues", root.get("issues"), ctx);
      for (LocatedJson j : root.get("issues").items()) {
        ctx.each(j, i -> issue(i, ctx));
      }
    } else if (root.isObject() && root.has("key") && root.get("fields").isObject()) {
      ctx.format = "Jira issue";
      ctx.each(root, i -> issue(i, ctx));
    } else if (root.isObject() && root.has("id") && root.has("state") && root.has("name")) {
      ctx.format = "Jira sprint";
      ctx.each(root, s -> ctx.sprints.add(sprint(s, true, ctx)));
    } else {
      throw new ExportProblem(WorkExportException.UNKNOWN_FORMAT, root, "not an export this source reads (" + KNOWN + ")",
          "see docs/connectors.md for the pages and their marks");
    }
  }

  private static void page(LocatedJson root, String list, LocatedJson items, ReadContext ctx) {
    BigDecimal startAt = root.get("startAt").number();
    BigDecimal total = root.get("total").number();
    LocatedJson last = root.get("isLast");
    ctx.pages.add(new ReadContext.Page(list, ctx.file, startAt == null ? 0 : startAt.longValue(), items.items().size(),
        total == null ? null : total.longValue(), last.type == LocatedJson.Type.BOOLEAN ? "true".equals(last.scalar()) : null));
  }

  /** A sprint object: of a sprint page, or embedded in an issue's fields. */
  static ReadContext.SprintStatement sprint(LocatedJson j, boolean fromBoard, ReadContext ctx) {
    if (!j.isObject()) {
      throw new ExportProblem(WorkExportException.MISSING, j, "a sprint is " + j.typeName() + ", not an object", null);
    }
    String id = ReadContext.requireText(j, "id", "a sprint");
    String what = "sprint " + id;
    String state = ReadContext.requireText(j, "state", what).toLowerCase(Locale.ROOT);
    if (!SPRINT_STATES.contains(state)) {
      throw new ExportProblem(WorkExportException.INVALID, j.get("state"),
          what + ": state '" + j.get("state").scalar() + "' is none of " + String.join(", ", SPRINT_STATES), null);
    }
    String name = ReadContext.requireText(j, "name", what);
    Instant start = ReadContext.time(j.get("startDate"), "startDate");
    Instant end = ReadContext.time(j.get("endDate"), "endDate");
    Instant completed = ReadContext.time(j.get("completeDate"), "completeDate");
    if (!state.equals("future")) {
      if (start == null) {
        throw new ExportProblem(WorkExportException.MISSING, j.get("startDate"), what + " is " + state + " but has no startDate", null);
      }
      if (end == null) {
        throw new ExportProblem(WorkExportException.MISSING, j.get("endDate"), what + " is " + state + " but has no endDate", null);
      }
      if (end.isBefore(start)) {
        throw new ExportProblem(WorkExportException.INVALID, j.get("endDate"), what + ": endDate " + end + " is before its startDate " + start, null);
      }
      if (completed != null && completed.isBefore(start)) {
        throw new ExportProblem(WorkExportException.INVALID, j.get("completeDate"),
            what + ": completeDate " + completed + " is before its startDate " + start, null);
      }
    }
    return new ReadContext.SprintStatement(id, name, state, start, end, state.equals("closed") ? completed : null,
        j.get("goal").nonBlank(), fromBoard, ctx.order());
  }

  static void issue(LocatedJson j, ReadContext ctx) {
    String key = ReadContext.requireText(j, "key", "an issue");
    String what = "issue " + key;
    LocatedJson fields = j.get("fields");
    if (!fields.isObject()) {
      throw new ExportProblem(WorkExportException.MISSING, fields, what + " has no fields", null);
    }
    String summary = ReadContext.requireText(fields, "summary", what);
    LocatedJson typeName = fields.at("issuetype", "name");
    String type = typeName.nonBlank();
    if (type == null) {
      throw new ExportProblem(WorkExportException.MISSING, typeName, what + " has no issuetype.name", null);
    }
    String kind = ctx.settings.kind(type).orElseThrow(() -> new ExportProblem(WorkExportException.UNMAPPED_TYPE, typeName,
        what + ": issue type '" + type + "' is not mapped to story, task or bug",
        "add the option 'issuetype." + type + ": story' (or task, bug)"));
    LocatedJson categoryKey = fields.at("status", "statusCategory", "key");
    String category = categoryKey.nonBlank();
    if (category == null) {
      throw new ExportProblem(WorkExportException.MISSING, categoryKey, what + " has no status.statusCategory.key", null);
    }
    category = category.toLowerCase(Locale.ROOT);
    if (!CATEGORIES.contains(category)) {
      throw new ExportProblem(WorkExportException.INVALID, categoryKey,
          what + ": status category '" + categoryKey.nonBlank() + "' is none of " + String.join(", ", CATEGORIES), null);
    }
    if (category.equals("undefined")) {
      category = "new";
    }
    Instant created = ReadContext.requireTime(fields, "created", what);
    Instant resolved = ReadContext.time(fields.get("resolutiondate"), "resolutiondate");
    Instant changed = ReadContext.time(fields.get("statuscategorychangedate"), "statuscategorychangedate");
    Instant updated = ReadContext.time(fields.get("updated"), "updated");
    Instant done = null;
    if (category.equals("done")) {
      done = resolved != null ? resolved : changed;
      if (done == null) {
        throw new ExportProblem(WorkExportException.MISSING, fields, what + " is done but has neither resolutiondate nor statuscategorychangedate", null);
      }
      if (done.isBefore(created)) {
        throw new ExportProblem(WorkExportException.INVALID, resolved != null ? fields.get("resolutiondate") : fields.get("statuscategorychangedate"),
            what + " is done (" + done + ") before it was created (" + created + ")", null);
      }
    }
    String field = ctx.settings.storyPointsField();
    LocatedJson pointsValue = fields.get(field);
    double points = 0;
    boolean estimated = false;
    if (!pointsValue.isAbsent()) {
      if (pointsValue.type != LocatedJson.Type.NUMBER) {
        throw new ExportProblem(WorkExportException.MISSING, pointsValue, what + ": " + field + " is " + pointsValue.typeName()
            + ", not a number of story points", "name the field that holds story points with the option story_points_field");
      }
      BigDecimal p = pointsValue.number();
      if (p.signum() < 0 || p.compareTo(MAX_POINTS) > 0) {
        throw new ExportProblem(WorkExportException.INVALID, pointsValue, what + ": " + field + " " + p.toString()
            + " is not a number of story points from 0 to 10^15", null);
      }
      points = p.doubleValue();
      estimated = true;
    }
    boolean escaped = false;
    String label = ctx.settings.escapedLabel();
    if (kind.equals("bug") && label != null) {
      for (LocatedJson l : fields.get("labels").items()) {
        if (label.equalsIgnoreCase(String.valueOf(l.nonBlank()))) {
          escaped = true;
        }
      }
    }
    List<ReadContext.SprintStatement> embedded = new ArrayList<>();
    String current = null;
    LocatedJson sprint = fields.get("sprint");
    if (!sprint.isAbsent()) {
      ReadContext.SprintStatement s = sprint(sprint, false, ctx);
      embedded.add(s);
      current = s.id();
    }
    LocatedJson closed = fields.get("closedSprints");
    if (!closed.isAbsent() && !closed.isArray()) {
      throw new ExportProblem(WorkExportException.MISSING, closed, what + ": closedSprints is " + closed.typeName() + ", not a list", null);
    }
    List<String> closedIds = new ArrayList<>();
    for (LocatedJson c : closed.items()) {
      ReadContext.SprintStatement s = sprint(c, false, ctx);
      embedded.add(s);
      closedIds.add(s.id());
    }
    if (embedded.isEmpty()) {
      throw new ExportProblem(WorkExportException.MISSING, fields, what + " names no sprint (fields.sprint or fields.closedSprints)",
          "save the sprint's issues with their sprint and closedSprints fields");
    }
    ctx.sprints.addAll(embedded);
    ctx.issues.add(new ReadContext.IssueStatement(key, summary, kind, points, estimated, category, created, done,
        changed, updated, escaped, current, List.copyOf(closedIds), ctx.order()));
  }
}
