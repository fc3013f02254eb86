package io.companyos.scoring.health;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A health model: dimensions with weights, KPIs with weights and rules, and status bands. Weights are
 * relative (they need not sum to 1); only their ratios matter.
 *
 * @param dimensions the dimensions, each id once
 * @param kpis the KPIs, each id once, each naming one of {@code dimensions}
 * @param bands the score thresholds of the status
 */
public record HealthModel(List<Dimension> dimensions, List<Kpi> kpis, StatusBands bands) {
  /**
   * Copies both lists (unmodifiable afterwards) and checks the ids.
   *
   * @param dimensions the dimensions
   * @param kpis the KPIs
   * @param bands the score thresholds of the status
   * @throws IllegalArgumentException if a dimension or KPI id is defined twice, or a KPI names an unknown dimension
   */
  public HealthModel {
    dimensions = List.copyOf(dimensions);
    kpis = List.copyOf(kpis);
    Set<String> dims = new HashSet<>();
    for (Dimension d : dimensions) {
      if (!dims.add(d.id())) {
        throw new IllegalArgumentException("dimension '" + d.id() + "' is defined twice");
      }
    }
    Set<String> ids = new HashSet<>();
    for (Kpi k : kpis) {
      if (!dims.contains(k.dimension())) {
        throw new IllegalArgumentException("KPI '" + k.id() + "' names unknown dimension '" + k.dimension() + "'");
      }
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("KPI '" + k.id() + "' is defined twice");
      }
    }
  }
}
