package io.companyos.model.recommend;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One recommendation rule: a kind with its parameters, the section it fills and who owns what it recommends.
 *
 * @param id unique among the rules; a company's rule with a built-in rule's id replaces it
 * @param section the section type the rule's recommendations appear in ({@code recommendations},
 *     {@code optimization_opportunities})
 * @param activity the RACI activity the recommendation belongs to ({@code "Weekly Ops Review"})
 * @param owner the role that owns the action; null for the activity's accountable role
 * @param priority 1 (first) to 9; recommendations are ordered by priority, then by impact
 * @param params the parameters the rule sets, as written; the kind's defaults fill the others
 * @param enabled false to switch a built-in rule off
 */
public record RecommendationRule(String id, RuleKind kind, String section, String activity, @Nullable String owner,
    int priority, Map<String, String> params, boolean enabled) {

  public RecommendationRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(activity, "activity");
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    for (Map.Entry<String, String> e : params.entrySet()) {
      RuleParam p = kind.params().get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException("rule kind '" + kind.yamlName() + "' has no parameter '" + e.getKey() + "'");
      }
      String problem = p.problem(e.getValue());
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    if (priority < 1 || priority > 9) {
      throw new IllegalArgumentException("priority must be 1 to 9, was " + priority);
    }
  }

  /** The value of numeric parameter {@code name}: as set, else the kind's default. */
  public double number(String name) {
    return Double.parseDouble(text(name).strip());
  }

  /** The value of parameter {@code name} as text: as set, else the kind's default. */
  public String text(String name) {
    RuleParam p = kind.params().get(name);
    if (p == null) {
      throw new IllegalArgumentException("rule kind '" + kind.yamlName() + "' has no parameter '" + name + "'");
    }
    return params.getOrDefault(name, p.defaultValue());
  }
}
