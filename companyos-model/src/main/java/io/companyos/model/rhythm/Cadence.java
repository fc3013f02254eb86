package io.companyos.model.rhythm;

import java.util.Locale;

/** The five columns of the seed's rhythm calendar; every meeting belongs to exactly one. */
public enum Cadence {
  DAILY,
  WEEKLY,
  BIWEEKLY,
  MONTHLY,
  QUARTERLY;

  /** The lower-case name used in YAML ({@code biweekly}, ...). */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
