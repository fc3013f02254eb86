package io.companyos.scoring.health;

import java.util.Objects;

/**
 * A dimension of the composite score (reliability, security, product, financials, efficiency).
 *
 * @param id the identifier KPIs name as their dimension
 * @param label the name packs show
 * @param weight the relative weight in the composite score, finite and &gt; 0
 */
public record Dimension(String id, String label, double weight) {
  /**
   * Checks the dimension.
   *
   * @param id the identifier, not null
   * @param label the name packs show
   * @param weight the relative weight, finite and &gt; 0
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code weight} is not finite and positive
   */
  public Dimension {
    Objects.requireNonNull(id, "id");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of dimension '" + id + "' must be > 0, was " + weight);
    }
  }
}
