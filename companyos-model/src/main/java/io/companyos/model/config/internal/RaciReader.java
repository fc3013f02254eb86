package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.org.RaciActivity;
import io.companyos.model.org.RaciAssignment;
import io.companyos.model.org.RaciMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads {@code raci.yaml}: the role columns and one row of assignments per activity. */
public final class RaciReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("raci");
  private static final List<String> SYMBOLS = Arrays.stream(RaciAssignment.values()).map(RaciAssignment::symbol).toList();

  private final BindContext ctx;

  public RaciReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable RaciMatrix read(YamlNode root) {
    ProblemSink sink = ctx.sink();
    MapView top = MapView.of(root, sink, "a RACI file", KEYS).orElse(null);
    if (top == null) {
      return null;
    }
    if (!top.has("raci")) {
      top.missing("raci", null);
      return null;
    }
    MapView m = MapView.of(top.value("raci"), sink, "'raci'", List.of("roles", "activities")).orElse(null);
    if (m == null) {
      return null;
    }
    if (!m.has("roles")) {
      m.missing("roles", "list the role ids that form the matrix columns");
    }
    List<String> roles = m.stringList("roles");
    if (roles != null) {
      List<Mark> at = m.itemMarks("roles");
      for (int i = 0; i < roles.size(); i++) {
        ctx.reference(Reference.Kind.ROLE, roles.get(i), at.get(i), "the RACI 'roles'");
      }
    }
    List<YamlNode> items = m.list("activities", true);
    if (roles == null || items == null || !m.has("roles")) {
      return null;
    }
    List<RaciActivity> rows = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      RaciActivity row = activity(item, roles, seen);
      if (row == null) {
        ok = false;
      } else {
        rows.add(row);
      }
    }
    if (!ok) {
      return null;
    }
    RaciMatrix matrix = ctx.construct(m.mark(), () -> new RaciMatrix(roles, rows));
    return matrix == null ? null : ctx.remember(matrix, m.node());
  }

  private @Nullable RaciActivity activity(YamlNode item, List<String> columns, Map<String, Mark> seen) {
    ProblemSink sink = ctx.sink();
    MapView a = MapView.of(item, sink, "a RACI activity", List.of("activity", "meeting", "assignments")).orElse(null);
    if (a == null) {
      return null;
    }
    String name = a.requireString("activity");
    String meeting = a.string("meeting");
    if (meeting != null) {
      ctx.reference(Reference.Kind.MEETING, meeting, a.valueMark("meeting"), "'meeting'");
    }
    if (!a.has("assignments")) {
      a.missing("assignments", "map each role id to R, A, C, I or R/A");
      return null;
    }
    MapView cells = MapView.of(a.value("assignments"), sink, "'assignments'", columns).orElse(null);
    if (name == null || cells == null) {
      return null;
    }
    Map<String, RaciAssignment> assignments = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : cells.node().entries().values()) {
      if (!columns.contains(e.key())) {
        ok = false;
        continue;
      }
      String symbol = MapView.text(e.value(), sink, "the assignment of '" + e.key() + "'");
      RaciAssignment v = symbol == null ? null : RaciAssignment.fromSymbol(symbol).orElse(null);
      if (symbol != null && v == null) {
        sink.add(ProblemCode.INVALID_CHOICE, e.value().mark(), "'" + symbol + "' is not a RACI assignment",
            Suggestions.hint(symbol, SYMBOLS));
      }
      if (v == null) {
        ok = false;
      } else {
        assignments.put(e.key(), v);
      }
    }
    long accountable = assignments.values().stream().filter(RaciAssignment::accountable).count();
    if (ok && accountable != 1) {
      sink.add(ProblemCode.RACI_ACCOUNTABLE, a.valueMark("assignments"),
          "activity '" + name + "' has " + accountable + " accountable roles; it needs exactly one",
          accountable == 0 ? "mark one role A or R/A" : "keep A on one role and make the others R or C");
      ok = false;
    }
    Mark earlier = seen.putIfAbsent(name, a.valueMark("activity"));
    if (earlier != null) {
      sink.add(ProblemCode.DUPLICATE_ID, a.valueMark("activity"), "activity '" + name + "' appears twice",
          "the first is on line " + earlier.line());
      ok = false;
    }
    if (!ok) {
      return null;
    }
    RaciActivity row = ctx.construct(a.mark(), () -> new RaciActivity(name, meeting, assignments));
    return row == null ? null : ctx.remember(row, a.node());
  }
}
