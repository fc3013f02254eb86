package io.companyos.scoring;

/** Which way a metric should move to count as an improvement (MTTR down is good, NPS up is good). */
public enum Direction {
  /** A rise is an improvement (for example NPS or attainment). */
  HIGHER_IS_BETTER,
  /** A fall is an improvement (for example MTTR or cost). */
  LOWER_IS_BETTER,
  /** Movement is neither good nor bad (for example request volume). */
  NEUTRAL
}
