package io.companyos.scoring.health;

import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A composite health score with its explanation. {@code score} and every {@code points} value are
 * rounded to one decimal such that the KPI points add up exactly to the score, and each dimension's
 * points are the sum of its KPIs' points (see {@link HealthScorer} for the rounding rule).
 *
 * @param score 0..100, empty when no KPI had a value
 * @param status the band of the score, null when there is no score
 * @param missing ids of KPIs without a value; their weight was spread over the others
 * @param rescaled true when any KPI or dimension was missing and weights were rescaled
 */
public record HealthScore(
    OptionalDouble score, @Nullable HealthStatus status, List<DimensionScore> dimensions, List<KpiContribution> kpis,
    List<String> missing, boolean rescaled) {

  /** One KPI's share of the score. {@code weight} is its effective share of the whole score (0..1). */
  public record KpiContribution(String kpi, String label, String dimension, double raw, double normalized, double weight,
      double points) {}

  /**
   * One dimension: its own 0..100 score (weighted mean of its KPIs), its effective share of the total,
   * and the points it contributes; empty when none of its KPIs had a value.
   */
  public record DimensionScore(String dimension, String label, OptionalDouble score, @Nullable HealthStatus status,
      double weight, double points) {}
}
