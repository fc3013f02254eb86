package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.org.Role;
import io.companyos.model.org.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads {@code roles.yaml}: every role and role group the other files may name. */
public final class RolesReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("roles");

  private final BindContext ctx;

  public RolesReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable Roles read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a roles file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("roles", true);
    if (items == null) {
      return null;
    }
    List<Role> roles = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView r = MapView.of(item, ctx.sink(), "a role", List.of("id", "name", "includes")).orElse(null);
      if (r == null) {
        ok = false;
        continue;
      }
      String id = r.requireString("id");
      String name = r.requireString("name");
      List<String> includes = r.stringList("includes");
      if (includes != null) {
        List<Mark> at = r.itemMarks("includes");
        String of = id == null ? "a role" : "role '" + id + "'";
        for (int i = 0; i < includes.size(); i++) {
          ctx.reference(Reference.Kind.ROLE, includes.get(i), at.get(i), "'includes' of " + of);
        }
      }
      if (id == null || name == null || includes == null) {
        ok = false;
        continue;
      }
      Mark earlier = seen.putIfAbsent(id, r.valueMark("id"));
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, r.valueMark("id"), "role '" + id + "' is defined twice",
            "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      roles.add(ctx.remember(new Role(id, name, includes), r.node()));
    }
    if (!ok) {
      return null;
    }
    Roles result = ctx.construct(m.mark(), () -> new Roles(roles));
    return result == null ? null : ctx.remember(result, m.node());
  }
}
