package io.companyos.scoring.anomaly;

/**
 * Scores each point of a series in [0, 1] using only that point and earlier ones. Implementations are
 * deterministic; the meaning of a score (what 0.8 means) is documented by each implementation.
 */
public interface AnomalyDetector {

  /**
   * The causal score of every value, oldest first. Appending values never changes earlier scores.
   *
   * @param values the series, oldest first
   * @return one score in [0, 1] per value, in the same order
   */
  double[] scores(double[] values);
}
