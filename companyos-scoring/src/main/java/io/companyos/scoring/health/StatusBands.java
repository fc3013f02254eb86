package io.companyos.scoring.health;

/** Score thresholds of the status bands: healthy ≥ {@code healthy}, watch ≥ {@code watch}, else at risk. */
public record StatusBands(double healthy, double watch) {
  /** healthy ≥ 80, watch ≥ 60, at risk below. */
  public static final StatusBands DEFAULT = new StatusBands(80, 60);

  public StatusBands {
    if (!(watch >= 0 && watch <= healthy && healthy <= 100)) {
      throw new IllegalArgumentException("need 0 <= watch <= healthy <= 100");
    }
  }

  public HealthStatus status(double score) {
    return score >= healthy ? HealthStatus.HEALTHY : score >= watch ? HealthStatus.WATCH : HealthStatus.AT_RISK;
  }
}
