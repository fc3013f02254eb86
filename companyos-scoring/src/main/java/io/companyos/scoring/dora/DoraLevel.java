package io.companyos.scoring.dora;

/**
 * DORA performance levels, ordered from worst to best. Bands follow the 2023 State of DevOps report as
 * tabulated by Apache DevLake's DORA dashboards (see {@link DoraMetrics} for each key's thresholds).
 */
public enum DoraLevel {
  /** The worst band. */
  LOW,
  /** The band between low and high. */
  MEDIUM,
  /** The band below elite. */
  HIGH,
  /** The best band. */
  ELITE;

  /**
   * The lower (worse) of two levels.
   *
   * @param other the other level
   * @return the worse of this level and {@code other}
   */
  public DoraLevel min(DoraLevel other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
