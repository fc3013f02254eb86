package io.companyos.connectors.work;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Joins what the files state into records: one sprint per sprint id (the statement furthest along, a board page before
 * a sprint embedded in an issue, the later file on a tie), one issue per key (the latest {@code updated}, the later file
 * on a tie), and one sprint item per issue and started sprint it was in (docs/connectors.md).
 */
final class Assembly {
  record Result(List<Sprint> sprints, List<SprintItem> items, List<String> notes) {}

  private Assembly() {}

  static Result build(List<ReadContext.SprintStatement> statements, List<ReadContext.IssueStatement> issues,
      List<ReadContext.Page> pages, String pointsField) {
    Map<String, ReadContext.SprintStatement> byId = new LinkedHashMap<>();
    for (ReadContext.SprintStatement s : statements) {
      byId.merge(s.id(), s, Assembly::better);
    }
    Map<String, Integer> names = new HashMap<>();
    byId.values().forEach(s -> names.merge(s.name(), 1, Integer::sum));
    Map<String, Sprint> sprints = new LinkedHashMap<>();
    int future = 0;
    for (ReadContext.SprintStatement s : byId.values()) {
      if (s.state().equals("future")) {
        future++;
        continue;
      }
      String id = names.get(s.name()) > 1 ? s.name() + " #" + s.id() : s.name();
      sprints.put(s.id(), new Sprint(id, s.start(), s.completed() != null ? s.completed() : s.end(), goals(s.goal())));
    }

    Map<String, ReadContext.IssueStatement> byKey = new LinkedHashMap<>();
    for (ReadContext.IssueStatement i : issues) {
      byKey.merge(i.key(), i, Assembly::later);
    }
    List<SprintItem> items = new ArrayList<>();
    int unestimated = 0;
    int carried = 0;
    int onlyFuture = 0;
    for (ReadContext.IssueStatement i : byKey.values()) {
      Set<String> in = new LinkedHashSet<>(i.closedSprints());
      if (i.currentSprint() != null) {
        in.add(i.currentSprint());
      }
      in.removeIf(id -> !sprints.containsKey(id));
      if (in.isEmpty()) {
        onlyFuture++;
        continue;
      }
      String last = lastSprint(i, in, sprints);
      if (!i.estimated()) {
        unestimated++;
      }
      if (in.size() > 1) {
        carried++;
      }
      for (String id : in) {
        Sprint s = sprints.get(id);
        boolean isLast = id.equals(last);
        boolean committed = !i.created().isAfter(s.start());
        Instant started = isLast && i.category().equals("indeterminate") ? i.categoryChanged() : null;
        items.add(new SprintItem(s.sprintId(), i.key(), i.summary(), i.kind(), i.points(), committed,
            committed ? s.start() : i.created(), started, isLast ? i.done() : null, i.escaped(), null));
      }
    }
    Map<String, Instant> starts = new HashMap<>();
    sprints.values().forEach(s -> starts.put(s.sprintId(), s.start()));
    items.sort(Comparator.comparing((SprintItem x) -> starts.get(x.sprintId())).thenComparing(SprintItem::sprintId)
        .thenComparing(SprintItem::itemId));
    List<Sprint> sorted = new ArrayList<>(sprints.values());
    sorted.sort(Comparator.comparing(Sprint::start).thenComparing(Sprint::sprintId));

    List<String> notes = new ArrayList<>();
    if (future > 0) {
      notes.add(count(future, "future sprint") + " left out");
    }
    if (onlyFuture > 0) {
      notes.add(count(onlyFuture, "issue") + " only in future sprints left out");
    }
    if (carried > 0) {
      notes.add(count(carried, "issue") + " in more than one sprint (carried over)");
    }
    if (unestimated > 0) {
      notes.add(count(unestimated, "issue") + " without story points (" + pointsField + ") counted as 0");
    }
    notes.addAll(missingPages(pages));
    return new Result(List.copyOf(sorted), List.copyOf(items), notes);
  }

  /**
   * The sprint whose outcome the issue's status tells: {@code fields.sprint} when it has started (an issue of a
   * closed sprint that was not done moved on, so its earlier sprints did not finish it); with only closed sprints the
   * latest of them; null when its current sprint is a future one.
   */
  private static @Nullable String lastSprint(ReadContext.IssueStatement i, Set<String> in, Map<String, Sprint> sprints) {
    if (i.currentSprint() != null) {
      return in.contains(i.currentSprint()) ? i.currentSprint() : null;
    }
    return in.stream().max(Comparator.comparing((String id) -> sprints.get(id).start()).thenComparing(id -> id)).orElse(null);
  }

  /** The sprint goal as a list: one goal a line, list markers ({@code -}, {@code *}, {@code 1.}, {@code 1)}) removed. */
  static List<String> goals(@Nullable String goal) {
    if (goal == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : goal.split("\\R")) {
      String g = line.strip().replaceFirst("^([-*\u2022]|\\d+[.)])\\s+", "").strip();
      if (!g.isEmpty()) {
        out.add(g);
      }
    }
    return out;
  }

  private static ReadContext.SprintStatement better(ReadContext.SprintStatement a, ReadContext.SprintStatement b) {
    if (a.progress() != b.progress()) {
      return a.progress() > b.progress() ? a : b;
    }
    if (a.fromBoard() != b.fromBoard()) {
      return a.fromBoard() ? a : b;
    }
    return a.order() > b.order() ? a : b;
  }

  private static ReadContext.IssueStatement later(ReadContext.IssueStatement a, ReadContext.IssueStatement b) {
    if (a.updated() != null && b.updated() != null && !a.updated().equals(b.updated())) {
      return a.updated().isAfter(b.updated()) ? a : b;
    }
    return a.order() > b.order() ? a : b;
  }

  /** Notes on saved pages whose next page is not among the files. */
  private static List<String> missingPages(List<ReadContext.Page> pages) {
    List<String> notes = new ArrayList<>();
    for (ReadContext.Page p : pages) {
      long next = p.startAt() + p.count();
      boolean more = p.total() != null ? next < p.total() : Boolean.FALSE.equals(p.last());
      if (!more || p.count() == 0) {
        continue;
      }
      boolean found = pages.stream().anyMatch(q -> q.list().equals(p.list()) && q.startAt() == next && Objects.equals(q.total(), p.total()));
      if (!found) {
        notes.add("the saved " + (p.list().equals("sprints") ? "sprint" : "issue") + " page " + p.file() + " ends at " + next
            + (p.total() != null ? " of " + p.total() : " with isLast: false") + " (the next page is missing)");
      }
    }
    return notes;
  }

  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
