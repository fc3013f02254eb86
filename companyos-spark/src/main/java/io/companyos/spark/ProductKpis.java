package io.companyos.spark;

import io.companyos.scoring.product.Engagement;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The product KPIs of the catalog over one window, as {@link SparkKpis#productKpis} finds them in one pass over the
 * {@code product_events} table: each equals what the KPI's own call gives ({@link SparkKpis#meanDailyActive},
 * {@link SparkKpis#activeUsers} over the 7 and the 30 days ending with the window, the sign-ups of
 * {@link SparkKpis#engagement}, {@link SparkKpis#featureUse} against the window before).
 *
 * @param dau the catalog's {@code dau}: the mean over the window's complete calendar days (in the zone asked) of the
 *     distinct users active that day; empty without a complete day
 * @param wau distinct users with an activity event in the 7 days ending at the window's end
 * @param mau distinct users with an activity event in the 30 days ending at the window's end
 * @param signups the {@code signup} events of the window
 * @param adoption feature adoption of the window against the window of the same length before it, most users first
 */
public record ProductKpis(OptionalDouble dau, long wau, long mau, long signups, List<Engagement.FeatureUse> adoption) {
  /**
   * Checks the values and copies the list.
   *
   * @param dau the mean daily active users, or empty
   * @param wau the weekly active users, ≥ 0
   * @param mau the monthly active users, ≥ 0
   * @param signups the sign-ups, ≥ 0
   * @param adoption the adoption per feature
   * @throws IllegalArgumentException if a count is negative
   */
  public ProductKpis {
    Objects.requireNonNull(dau, "dau");
    if (wau < 0 || mau < 0 || signups < 0) {
      throw new IllegalArgumentException("negative count: wau " + wau + ", mau " + mau + ", signups " + signups);
    }
    adoption = List.copyOf(adoption);
  }
}
