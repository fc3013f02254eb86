package io.companyos.scoring.health;

import java.util.Comparator;
import java.util.List;

/**
 * How a KPI's raw value becomes a score in [0, 100]. Three documented rules (see docs/scoring.md):
 * linear between a zero point and a full point, SLO-style on error-budget consumption, and bands.
 */
public sealed interface KpiRule permits KpiRule.Linear, KpiRule.SloStyle, KpiRule.Banded {

  /**
   * The normalized score of a raw value.
   *
   * @param raw the KPI's raw value
   * @return the score in [0, 100]
   */
  double normalize(double raw);

  /**
   * Linear: 0 at {@code zeroAt}, 100 at {@code fullAt}, straight line between, clamped outside. Works in
   * both directions: {@code zeroAt > fullAt} means lower is better.
   *
   * @param zeroAt the raw value that scores 0
   * @param fullAt the raw value that scores 100
   */
  record Linear(double zeroAt, double fullAt) implements KpiRule {
    /**
     * Checks the points.
     *
     * @param zeroAt the raw value that scores 0
     * @param fullAt the raw value that scores 100
     * @throws IllegalArgumentException if either is not finite or they are equal
     */
    public Linear {
      if (zeroAt == fullAt || !Double.isFinite(zeroAt) || !Double.isFinite(fullAt)) {
        throw new IllegalArgumentException("zeroAt and fullAt must be finite and different");
      }
    }

    @Override
    public double normalize(double raw) {
      return clamp((raw - zeroAt) / (fullAt - zeroAt) * 100.0);
    }
  }

  /**
   * SLO-style for an attainment ratio: 100 while the error budget ({@code 1 − target}) is not
   * overspent; then falling linearly to 0 when the error ratio reaches {@code budgetMultiple} budgets.
   * With consumed = (1 − raw) / (1 − target): score = 100 if consumed ≤ 1, else
   * 100 × (budgetMultiple − consumed) / (budgetMultiple − 1), clamped.
   *
   * @param target the SLO objective in (0, 1)
   * @param budgetMultiple the budgets consumed at which the score reaches 0, &gt; 1
   */
  record SloStyle(double target, double budgetMultiple) implements KpiRule {
    /**
     * Checks the parameters.
     *
     * @param target the SLO objective in (0, 1)
     * @param budgetMultiple the budgets consumed at which the score reaches 0, &gt; 1
     * @throws IllegalArgumentException unless {@code 0 < target < 1} and {@code budgetMultiple > 1}
     */
    public SloStyle {
      if (!(target > 0 && target < 1) || !(budgetMultiple > 1)) {
        throw new IllegalArgumentException("need 0 < target < 1 and budgetMultiple > 1");
      }
    }

    @Override
    public double normalize(double raw) {
      double consumed = (1 - raw) / (1 - target);
      return consumed <= 1 ? 100.0 : clamp(100.0 * (budgetMultiple - consumed) / (budgetMultiple - 1));
    }
  }

  /**
   * Bands: the score of the first band the value reaches. With {@code higherIsBetter} a band applies
   * when {@code raw ≥ bound} (bands tried from the highest bound); otherwise when {@code raw ≤ bound}
   * (tried from the lowest). A value in no band scores {@code otherwise}.
   *
   * @param higherIsBetter whether a band applies at or above its bound (true) or at or below it (false)
   * @param bands the bands, kept sorted in the order they are tried
   * @param otherwise the score of a value in no band, in [0, 100]
   */
  record Banded(boolean higherIsBetter, List<Band> bands, double otherwise) implements KpiRule {
    /**
     * Sorts the bands in the order they are tried and checks the scores.
     *
     * @param higherIsBetter whether a band applies at or above its bound
     * @param bands the bands, in any order
     * @param otherwise the score of a value in no band
     * @throws IllegalArgumentException if a score is outside [0, 100]
     */
    public Banded {
      Comparator<Band> byBound = Comparator.comparingDouble(Band::bound);
      bands = bands.stream().sorted(higherIsBetter ? byBound.reversed() : byBound).toList();
      clampCheck(otherwise);
      bands.forEach(b -> clampCheck(b.score()));
    }

    @Override
    public double normalize(double raw) {
      for (Band b : bands) {
        if (higherIsBetter ? raw >= b.bound() : raw <= b.bound()) {
          return b.score();
        }
      }
      return otherwise;
    }
  }

  /**
   * One band of {@link Banded}.
   *
   * @param bound the raw value the band starts at
   * @param score the score of a value in the band, in [0, 100]
   */
  record Band(double bound, double score) {}

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  private static void clampCheck(double score) {
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException("band scores must be in [0, 100], was " + score);
    }
  }
}
