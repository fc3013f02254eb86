package io.companyos.scoring;

/** Which way a metric should move to count as an improvement (MTTR down is good, NPS up is good). */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  /** Movement is neither good nor bad (for example request volume). */
  NEUTRAL
}
