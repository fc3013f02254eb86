package io.companyos.model.rhythm;

import java.util.Locale;

/** The five columns of the seed's rhythm calendar; every meeting belongs to exactly one. */
public enum Cadence {
  DAILY,
  WEEKLY,
  BIWEEKLY,
  MONTHLY,
  QUARTERLY;

  /**
   * The period kind a meeting of this cadence reports on: daily → day, weekly → week, bi-weekly → sprint,
   * monthly → month, quarterly → quarter.
   *
   * @return the period kind
   */
  public io.companyos.model.time.PeriodKind periodKind() {
    return switch (this) {
      case DAILY -> io.companyos.model.time.PeriodKind.DAY;
      case WEEKLY -> io.companyos.model.time.PeriodKind.WEEK;
      case BIWEEKLY -> io.companyos.model.time.PeriodKind.SPRINT;
      case MONTHLY -> io.companyos.model.time.PeriodKind.MONTH;
      case QUARTERLY -> io.companyos.model.time.PeriodKind.QUARTER;
    };
  }

  /** The lower-case name used in YAML ({@code biweekly}, ...). */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
