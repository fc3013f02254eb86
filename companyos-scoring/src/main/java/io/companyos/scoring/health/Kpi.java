package io.companyos.scoring.health;

import io.companyos.scoring.Direction;
import java.util.Objects;

/**
 * A KPI of the health model: which dimension it feeds, with what weight, normalized by which rule.
 *
 * @param id the identifier values are given under
 * @param label the name packs show
 * @param dimension the id of the dimension it feeds
 * @param weight the relative weight within its dimension, finite and &gt; 0
 * @param rule how its raw value becomes a score in [0, 100]
 * @param good which direction of change is an improvement
 * @param unit how its raw value is written
 */
public record Kpi(String id, String label, String dimension, double weight, KpiRule rule, Direction good, String unit) {
  /**
   * Checks the KPI.
   *
   * @param id the identifier, not null
   * @param label the name packs show
   * @param dimension the dimension's id, not null
   * @param weight the relative weight, finite and &gt; 0
   * @param rule the normalization rule, not null
   * @param good which direction of change is an improvement
   * @param unit how its raw value is written
   * @throws NullPointerException if {@code id}, {@code dimension} or {@code rule} is null
   * @throws IllegalArgumentException if {@code weight} is not finite and positive
   */
  public Kpi {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(rule, "rule");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of KPI '" + id + "' must be > 0, was " + weight);
    }
  }
}
