package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.recommend.RecommendationRules;
import io.companyos.model.recommend.RuleKind;
import io.companyos.model.recommend.RuleParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code recommendations.yaml}: the recommendation rules, each with its kind, parameters, RACI activity and
 * owner. Unknown kinds, parameters and keys, values out of range and repeated ids are located problems; the owner role
 * and the activity are checked against roles.yaml and raci.yaml once every file is read.
 */
public final class RecommendationRulesReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("recommendation_rules");
  /** The section types a rule may fill. */
  public static final List<String> SECTIONS = List.of("recommendations", "optimization_opportunities", "product_opportunities");
  private static final List<String> RULE_KEYS =
      List.of("id", "kind", "section", "activity", "owner", "priority", "params", "enabled");

  private final BindContext ctx;

  public RecommendationRulesReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable RecommendationRules read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a recommendation-rules file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("recommendation_rules", true);
    if (items == null) {
      return null;
    }
    List<RecommendationRule> out = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      RecommendationRule r = rule(item);
      if (r == null) {
        ok = false;
        continue;
      }
      Mark here = ctx.origin(r) == null ? item.mark() : ctx.origin(r).mark();
      Mark earlier = seen.putIfAbsent(r.id(), here);
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, here, "rule '" + r.id() + "' is defined twice", "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      out.add(r);
    }
    return ok ? new RecommendationRules(out) : null;
  }

  private @Nullable RecommendationRule rule(YamlNode item) {
    MapView r = MapView.of(item, ctx.sink(), "a recommendation rule", RULE_KEYS).orElse(null);
    if (r == null) {
      return null;
    }
    String id = r.requireString("id");
    String kindName = r.requireString("kind");
    String activity = r.requireString("activity");
    String owner = r.string("owner");
    RuleKind kind = null;
    if (kindName != null) {
      kind = RuleKind.of(kindName).orElse(null);
      if (kind == null) {
        ctx.sink().add(ProblemCode.INVALID_CHOICE, r.valueMark("kind"), "'" + kindName + "' is not a rule kind",
            Suggestions.hint(kindName, RuleKind.names()));
      }
    }
    String section = r.string("section");
    if (section != null && !SECTIONS.contains(section)) {
      ctx.sink().add(ProblemCode.INVALID_CHOICE, r.valueMark("section"), "'" + section + "' is not a section rules can fill",
          Suggestions.hint(section, SECTIONS));
      section = null;
      kind = null;
    }
    Integer priority = r.has("priority") ? r.integer("priority", 1, 9, false) : Integer.valueOf(5);
    Boolean enabled = bool(r, "enabled");
    Map<String, String> params = kind == null ? null : params(r, kind);
    if (id == null || kind == null || activity == null || priority == null || enabled == null || params == null) {
      return null;
    }
    ctx.reference(Reference.Kind.RACI_ACTIVITY, activity, r.valueMark("activity"), "rule '" + id + "'");
    if (owner != null) {
      ctx.reference(Reference.Kind.ROLE, owner, r.valueMark("owner"), "owner of rule '" + id + "'");
    }
    RuleKind k = kind;
    String s = section != null ? section : kind.defaultSection();
    int p = priority;
    boolean e = enabled;
    RecommendationRule rule = ctx.construct(r.mark(), () -> new RecommendationRule(id, k, s, activity, owner, p, params, e));
    return rule == null ? null : ctx.remember(rule, r.node());
  }

  private @Nullable Boolean bool(MapView r, String key) {
    String t = r.string(key);
    if (t == null) {
      return r.has(key) ? null : Boolean.TRUE;
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    ctx.sink().add(ProblemCode.WRONG_TYPE, r.valueMark(key), "'" + key + "' must be true or false, not '" + t + "'", null);
    return null;
  }

  private @Nullable Map<String, String> params(MapView r, RuleKind kind) {
    YamlNode node = r.value("params");
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof YamlNode.Mapping mapping)) {
      MapView.wrongShape(ctx.sink(), node, "'params'", "a mapping of parameter names to values");
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : mapping.entries().values()) {
      RuleParam p = kind.params().get(e.key());
      if (p == null) {
        ctx.sink().add(ProblemCode.UNKNOWN_KEY, e.keyMark(), "rule kind '" + kind.yamlName() + "' has no parameter '" + e.key() + "'",
            kind.params().isEmpty() ? "it takes no parameters" : Suggestions.hint(e.key(), kind.params().keySet()));
        ok = false;
        continue;
      }
      String text = MapView.text(e.value(), ctx.sink(), "parameter '" + e.key() + "'");
      if (text == null) {
        ok = false;
        continue;
      }
      String problem = p.problem(text);
      if (problem != null) {
        ctx.sink().add(p.numeric() && problem.contains(" to ") ? ProblemCode.OUT_OF_RANGE : ProblemCode.INVALID_VALUE,
            e.value().mark(), problem, p.description());
        ok = false;
        continue;
      }
      out.put(e.key(), text);
    }
    return ok ? out : null;
  }
}
