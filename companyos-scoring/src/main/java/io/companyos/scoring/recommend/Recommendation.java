package io.companyos.scoring.recommend;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One recommendation a rule made: what to do about which subject, who owns it, the numbers behind it and what acting
 * on it is worth.
 *
 * @param ruleId the id of the rule in recommendations.yaml
 * @param subject what it is about (a service, a component, a fingerprint, "compute usage")
 * @param action the recommended action, one sentence
 * @param owner the role id that owns the action
 * @param priority the rule's priority, 1 first
 * @param evidence the numbers it rests on
 * @param impact what acting on it is worth
 */
public record Recommendation(String ruleId, String subject, String action, String owner, int priority, List<Evidence> evidence,
    Impact impact) {

  /** Priority first, then the larger impact (absent impacts last), then rule and subject for a stable order. */
  public static final Comparator<Recommendation> ORDER = Comparator.comparingInt(Recommendation::priority)
      .thenComparing(r -> r.impact().amount() == null ? Double.POSITIVE_INFINITY : -r.impact().amount())
      .thenComparing(Recommendation::ruleId).thenComparing(Recommendation::subject);

  /**
   * Checks the recommendation and copies the evidence, which is unmodifiable afterwards.
   *
   * @param ruleId the id of the rule
   * @param subject what it is about
   * @param action the recommended action
   * @param owner the role id that owns the action
   * @param priority the rule's priority
   * @param evidence the numbers it rests on
   * @param impact what acting on it is worth
   * @throws NullPointerException if any but {@code priority} and {@code evidence} is null
   */
  public Recommendation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(impact, "impact");
    evidence = List.copyOf(evidence);
  }

  /**
   * Every record id the evidence counted.
   *
   * @return the ids, in order of the evidence, without repeats
   */
  public List<String> records() {
    return evidence.stream().flatMap(e -> e.records().stream()).distinct().toList();
  }
}
