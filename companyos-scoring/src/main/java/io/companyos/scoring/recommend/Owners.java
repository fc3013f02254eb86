package io.companyos.scoring.recommend;

import io.companyos.model.org.RaciActivity;
import io.companyos.model.org.RaciMatrix;
import io.companyos.model.recommend.RecommendationRule;

/**
 * Who owns a rule's recommendations: the rule's {@code owner} role, else the accountable role of its RACI activity,
 * else (an activity the company's raci.yaml does not have) {@value #UNASSIGNED}.
 */
public final class Owners {
  /** The owner of a rule whose activity the RACI matrix does not have and which names no owner. */
  public static final String UNASSIGNED = "unassigned";

  private Owners() {}

  /** The owner role of {@code rule} under {@code raci}. */
  public static String of(RecommendationRule rule, RaciMatrix raci) {
    if (rule.owner() != null) {
      return rule.owner();
    }
    return raci.activity(rule.activity()).map(RaciActivity::accountable).orElse(UNASSIGNED);
  }
}
