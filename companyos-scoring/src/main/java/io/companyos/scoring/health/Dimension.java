package io.companyos.scoring.health;

import java.util.Objects;

/** A dimension of the composite score (reliability, security, product, financials, efficiency). */
public record Dimension(String id, String label, double weight) {
  public Dimension {
    Objects.requireNonNull(id, "id");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of dimension '" + id + "' must be > 0, was " + weight);
    }
  }
}
