package io.companyos.model.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendation rules of a company: the built-in rules of {@code recommendations.yaml}, each replaced by a
 * company rule of the same id, followed by the company's new rules.
 */
public record RecommendationRules(List<RecommendationRule> rules) {
  /** No rules at all. */
  public static final RecommendationRules NONE = new RecommendationRules(List.of());

  public RecommendationRules {
    rules = List.copyOf(rules);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (RecommendationRule r : rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("rule '" + r.id() + "' is defined twice");
      }
    }
  }

  /** The enabled rules that fill {@code section}, in definition order. */
  public List<RecommendationRule> forSection(String section) {
    return rules.stream().filter(r -> r.enabled() && r.section().equals(section)).toList();
  }

  /** The rule with {@code id}. */
  public Optional<RecommendationRule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** These rules with {@code company}'s rules laid over them by id (replaced in place, new ones appended). */
  public RecommendationRules overlaid(RecommendationRules company) {
    Map<String, RecommendationRule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    company.rules().forEach(r -> byId.put(r.id(), r));
    return new RecommendationRules(new ArrayList<>(byId.values()));
  }
}
