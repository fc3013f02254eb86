package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An OKR key result with its objective; progress is measured from {@code start} towards {@code target} (target
 * below start means lower is better).
 *
 * @param current the value typed at {@code updatedAt}; when {@code kpi} names a KPI of the catalog, packs show that
 *     KPI's value over the quarter instead, so the key result cannot contradict the KPI it names
 * @param kpi the id of the catalog KPI the key result measures ({@code wau}, {@code feature_adoption:dashboards-v2}),
 *     or null for a key result no KPI measures
 */
public record KeyResult(
    String quarter,
    String objectiveId,
    String objective,
    String keyResultId,
    String title,
    String owner,
    double start,
    double target,
    double current,
    String unit,
    Instant updatedAt,
    @Nullable String kpi) {

  /** A key result that names no KPI (its typed {@code current} is the value shown). */
  public KeyResult(String quarter, String objectiveId, String objective, String keyResultId, String title, String owner,
      double start, double target, double current, String unit, Instant updatedAt) {
    this(quarter, objectiveId, objective, keyResultId, title, owner, start, target, current, unit, updatedAt, null);
  }

  /** The same key result with {@code value} as its current value. */
  public KeyResult withCurrent(double value) {
    return new KeyResult(quarter, objectiveId, objective, keyResultId, title, owner, start, target, value, unit, updatedAt, kpi);
  }
}
