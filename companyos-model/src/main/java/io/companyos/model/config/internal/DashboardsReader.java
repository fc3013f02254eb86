package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.org.Dashboard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads {@code dashboards.yaml}: the dashboards, their URLs and access levels. */
public final class DashboardsReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("dashboards");

  private final BindContext ctx;

  public DashboardsReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable List<Dashboard> read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a dashboards file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("dashboards", true);
    if (items == null) {
      return null;
    }
    List<Dashboard> out = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView d = MapView.of(item, ctx.sink(), "a dashboard", List.of("id", "name", "url", "access")).orElse(null);
      if (d == null) {
        ok = false;
        continue;
      }
      String id = d.requireString("id");
      String name = d.requireString("name");
      String url = d.requireString("url");
      if (!d.has("access")) {
        d.missing("access", "list the roles allowed to open the dashboard");
      }
      List<String> access = d.stringList("access");
      if (access != null) {
        List<Mark> at = d.itemMarks("access");
        String of = id == null ? "a dashboard" : "dashboard '" + id + "'";
        for (int i = 0; i < access.size(); i++) {
          ctx.reference(Reference.Kind.ROLE, access.get(i), at.get(i), "'access' of " + of);
        }
      }
      if (id == null || name == null || url == null || access == null || !d.has("access")) {
        ok = false;
        continue;
      }
      Mark earlier = seen.putIfAbsent(id, d.valueMark("id"));
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, d.valueMark("id"), "dashboard '" + id + "' is defined twice",
            "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      out.add(ctx.remember(new Dashboard(id, name, url, access), d.node()));
    }
    return ok ? out : null;
  }
}
