package io.companyos.scoring.health;

import io.companyos.scoring.Direction;
import java.util.Objects;

/** A KPI of the health model: which dimension it feeds, with what weight, normalized by which rule. */
public record Kpi(String id, String label, String dimension, double weight, KpiRule rule, Direction good, String unit) {
  public Kpi {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(rule, "rule");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of KPI '" + id + "' must be > 0, was " + weight);
    }
  }
}
