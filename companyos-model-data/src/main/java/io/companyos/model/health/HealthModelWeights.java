package io.companyos.model.health;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The company's settings of the composite health score ({@code health-model.yaml}): the weight of each
 * dimension, which KPIs it scores with which weight, and the status bands. The KPIs' normalisation
 * rules are the scoring module's standard ones (docs/scoring.md); a KPI left out is not scored.
 *
 * @param dimensions the dimensions in display order
 * @param healthy the score from which the status is Healthy
 * @param watch the score from which the status is Watch (below it: At Risk)
 */
public record HealthModelWeights(List<DimensionWeights> dimensions, int healthy, int watch) {

  /**
   * One dimension: its id ({@code reliability}), its weight among the dimensions and its KPIs' weights.
   *
   * @param kpis KPI id → weight within the dimension, in file order
   */
  public record DimensionWeights(String id, int weight, Map<String, Integer> kpis) {
    public DimensionWeights {
      Objects.requireNonNull(id, "id");
      kpis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
      if (weight < 0) {
        throw new IllegalArgumentException("dimension '" + id + "' has a negative weight");
      }
      kpis.forEach((k, w) -> {
        if (w < 0) {
          throw new IllegalArgumentException("KPI '" + k + "' has a negative weight");
        }
      });
    }
  }

  public HealthModelWeights {
    dimensions = List.copyOf(dimensions);
    if (!(0 <= watch && watch < healthy && healthy <= 100)) {
      throw new IllegalArgumentException("bands must satisfy 0 <= watch < healthy <= 100, were watch " + watch
          + " and healthy " + healthy);
    }
    Set<String> dims = new HashSet<>();
    Set<String> kpiIds = new HashSet<>();
    for (DimensionWeights d : dimensions) {
      if (!dims.add(d.id())) {
        throw new IllegalArgumentException("dimension '" + d.id() + "' is listed twice");
      }
      for (String k : d.kpis().keySet()) {
        if (!kpiIds.add(k)) {
          throw new IllegalArgumentException("KPI '" + k + "' is listed in two dimensions");
        }
      }
    }
    if (dimensions.stream().mapToInt(DimensionWeights::weight).sum() == 0) {
      throw new IllegalArgumentException("at least one dimension needs a weight above 0");
    }
  }
}
