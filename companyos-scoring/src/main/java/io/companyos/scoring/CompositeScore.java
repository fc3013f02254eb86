package io.companyos.scoring;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A weighted arithmetic mean of 0-100 component scores with its explanation (OECD "Handbook on
 * Constructing Composite Indicators", 2008, linear aggregation). Missing components are left out and
 * the remaining weights renormalised, so missing data never counts as zero.
 */
public final class CompositeScore {
  /** One component: its name, score (0..100, or empty when unknown) and weight. */
  public record Component(String name, OptionalDouble score, double weight) {
    public Component {
      Objects.requireNonNull(name, "name");
      if (weight < 0) {
        throw new IllegalArgumentException("weight must be >= 0");
      }
    }
  }

  private CompositeScore() {}

  /** {@code Σ w_i s_i / Σ w_i} over components with a score; empty when none has one. */
  public static OptionalDouble of(List<Component> components) {
    double num = 0;
    double den = 0;
    for (Component c : components) {
      if (c.score().isPresent()) {
        num += c.weight() * c.score().getAsDouble();
        den += c.weight();
      }
    }
    return den == 0 ? OptionalDouble.empty() : OptionalDouble.of(num / den);
  }

  /** The status word for a 0-100 score: "Healthy" from 80, "Watch" from 60, else "At risk". */
  public static String status(double score) {
    return score >= 80 ? "Healthy" : score >= 60 ? "Watch" : "At risk";
  }
}
