package io.companyos.model.org;

import java.util.Locale;

/** The unit a rhythm KPI is measured in, so targets such as "95%" and "&lt;48hr" read unambiguously. */
public enum KpiUnit {
  PERCENT("%"),
  HOURS("h"),
  COUNT("");

  private final String suffix;

  KpiUnit(String suffix) {
    this.suffix = suffix;
  }

  /** Printed after a value: {@code %}, {@code h}, or nothing. */
  public String suffix() {
    return suffix;
  }

  /** The lower-case YAML spelling. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
