package io.companyos.scoring.dora;

/**
 * DORA performance levels, ordered from worst to best. Bands follow the 2023 State of DevOps report as
 * tabulated by Apache DevLake's DORA dashboards (see {@link DoraMetrics} for each key's thresholds).
 */
public enum DoraLevel {
  LOW,
  MEDIUM,
  HIGH,
  ELITE;

  /** The lower (worse) of two levels. */
  public DoraLevel min(DoraLevel other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
