package io.companyos.model.time;

import java.util.Locale;

/**
 * The reporting periods packs compare ("this week vs last week"): a calendar day, an ISO-8601 week
 * (Monday to Sunday), a sprint (fixed length from an anchor date), a calendar month and a calendar
 * quarter.
 */
public enum PeriodKind {
  DAY,
  WEEK,
  SPRINT,
  MONTH,
  QUARTER;

  /** The lower-case name used in YAML and in {@code compare_to: previous_<kind>}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
