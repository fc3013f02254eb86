package io.companyos.scoring.health;

/**
 * Score thresholds of the status bands: healthy ≥ {@code healthy}, watch ≥ {@code watch}, else at risk.
 *
 * @param healthy the lowest healthy score
 * @param watch the lowest watch score
 */
public record StatusBands(double healthy, double watch) {
  /** healthy ≥ 80, watch ≥ 60, at risk below. */
  public static final StatusBands DEFAULT = new StatusBands(80, 60);

  /**
   * Checks the thresholds.
   *
   * @param healthy the lowest healthy score
   * @param watch the lowest watch score
   * @throws IllegalArgumentException unless {@code 0 ≤ watch ≤ healthy ≤ 100}
   */
  public StatusBands {
    if (!(watch >= 0 && watch <= healthy && healthy <= 100)) {
      throw new IllegalArgumentException("need 0 <= watch <= healthy <= 100");
    }
  }

  /**
   * The status band of a score.
   *
   * @param score the health score in [0, 100]
   * @return the band the score falls in
   */
  public HealthStatus status(double score) {
    return score >= healthy ? HealthStatus.HEALTHY : score >= watch ? HealthStatus.WATCH : HealthStatus.AT_RISK;
  }
}
