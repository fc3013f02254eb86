package io.companyos.scoring.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes the composite health score of a {@link HealthModel}.
 *
 * <p>Formula: a KPI with value contributes {@code normalized × (w_kpi / S_dim) × (w_dim / S)}, where
 * {@code S_dim} sums the weights of the dimension's KPIs that have a value and {@code S} sums the
 * weights of the dimensions that have at least one. Missing KPIs and dimensions are thus left out and the
 * remaining weights rescaled, and the result says so.
 *
 * <p>Rounding rule: the score is rounded half-up to one decimal. KPI points are first truncated to
 * tenths; the tenths still missing to reach the rounded score go, one each, to the KPIs with the largest
 * truncated remainders (ties: model order) — the largest-remainder method. So the points printed in
 * the explanation always add up exactly to the printed score.
 */
public final class HealthScorer {
  private static final double EPS = 1e-9;

  private HealthScorer() {}

  /**
   * Scores a set of KPI values against a model.
   *
   * @param model the health model
   * @param values KPI id → raw value; an absent, null or non-finite value means no data
   * @return the score in [0, 100] rounded to one decimal (empty when no KPI has a value), its status, the points of
   *     each dimension and KPI, and the KPIs without a value
   */
  public static HealthScore score(HealthModel model, Map<String, Double> values) {
    Map<String, Double> dimKpiWeight = new LinkedHashMap<>();
    List<Kpi> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Kpi k : model.kpis()) {
      Double v = values.get(k.id());
      if (v == null || !Double.isFinite(v)) {
        missing.add(k.id());
      } else {
        present.add(k);
        dimKpiWeight.merge(k.dimension(), k.weight(), Double::sum);
      }
    }
    double dimWeightSum = 0;
    for (Dimension d : model.dimensions()) {
      if (dimKpiWeight.containsKey(d.id())) {
        dimWeightSum += d.weight();
      }
    }
    boolean rescaled = !missing.isEmpty();
    if (present.isEmpty()) {
      List<HealthScore.DimensionScore> dims = model.dimensions().stream()
          .map(d -> new HealthScore.DimensionScore(d.id(), d.label(), OptionalDouble.empty(), null, 0, 0)).toList();
      return new HealthScore(OptionalDouble.empty(), null, dims, List.of(), missing, rescaled);
    }
    Map<String, Dimension> dimById = new LinkedHashMap<>();
    model.dimensions().forEach(d -> dimById.put(d.id(), d));

    int n = present.size();
    double[] exact = new double[n];
    double[] normalized = new double[n];
    double[] weight = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      Kpi k = present.get(i);
      normalized[i] = k.rule().normalize(values.get(k.id()));
      weight[i] = k.weight() / dimKpiWeight.get(k.dimension()) * dimById.get(k.dimension()).weight() / dimWeightSum;
      exact[i] = normalized[i] * weight[i];
      total += exact[i];
    }
    long[] tenths = largestRemainder(exact, Math.round(total * 10 + EPS));
    long scoreTenths = 0;
    for (long t : tenths) {
      scoreTenths += t;
    }

    List<HealthScore.KpiContribution> contributions = new ArrayList<>();
    Map<String, long[]> dimPoints = new LinkedHashMap<>();
    Map<String, double[]> dimExact = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Kpi k = present.get(i);
      contributions.add(new HealthScore.KpiContribution(k.id(), k.label(), k.dimension(), values.get(k.id()),
          normalized[i], weight[i], tenths[i] / 10.0));
      dimPoints.computeIfAbsent(k.dimension(), d -> new long[1])[0] += tenths[i];
      double[] acc = dimExact.computeIfAbsent(k.dimension(), d -> new double[1]);
      acc[0] += normalized[i] * k.weight() / dimKpiWeight.get(k.dimension());
    }
    List<HealthScore.DimensionScore> dims = new ArrayList<>();
    for (Dimension d : model.dimensions()) {
      if (!dimKpiWeight.containsKey(d.id())) {
        rescaled = true;
        dims.add(new HealthScore.DimensionScore(d.id(), d.label(), OptionalDouble.empty(), null, 0, 0));
        continue;
      }
      double ds = Math.round(dimExact.get(d.id())[0] * 10 + EPS) / 10.0;
      dims.add(new HealthScore.DimensionScore(d.id(), d.label(), OptionalDouble.of(ds), model.bands().status(ds),
          d.weight() / dimWeightSum, dimPoints.get(d.id())[0] / 10.0));
    }
    double score = scoreTenths / 10.0;
    return new HealthScore(OptionalDouble.of(score), model.bands().status(score), dims, contributions, missing, rescaled);
  }

  /** Integer tenths of {@code exact} values that sum to {@code targetTenths}, by largest remainder. */
  static long[] largestRemainder(double[] exact, long targetTenths) {
    int n = exact.length;
    long[] out = new long[n];
    double[] rem = new double[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      double scaled = exact[i] * 10;
      out[i] = (long) Math.floor(scaled + EPS);
      rem[i] = scaled - out[i];
      sum += out[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -rem[i]).thenComparingInt(i -> i));
    for (int j = 0; sum < targetTenths && j < n; j++, sum++) {
      out[order.get(j)]++;
    }
    return out;
  }
}
