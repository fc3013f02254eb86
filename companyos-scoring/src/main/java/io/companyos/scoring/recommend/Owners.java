package io.companyos.scoring.recommend;

import io.companyos.model.recommend.RecommendationRule;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who owns a rule's recommendations: the rule's {@code owner} role, else the accountable role of its RACI activity,
 * else (an activity the company's raci.yaml does not have) {@value #UNASSIGNED}.
 */
public final class Owners {
  /** The owner of a rule whose activity the RACI matrix does not have and which names no owner. */
  public static final String UNASSIGNED = "unassigned";

  private Owners() {}

  /**
   * The owner role of {@code rule}.
   *
   * @param rule the rule
   * @param accountableOf the accountable role of a RACI activity, empty when the matrix has no such activity
   * @return the rule's owner, else its activity's accountable role, else {@value #UNASSIGNED}
   */
  public static String of(RecommendationRule rule, Function<String, Optional<String>> accountableOf) {
    if (rule.owner() != null) {
      return rule.owner();
    }
    return accountableOf.apply(rule.activity()).orElse(UNASSIGNED);
  }
}
