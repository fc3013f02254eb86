package io.companyos.model.pack;

import io.companyos.model.time.PeriodKind;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of the common {@code compare_to} section parameter: which earlier period a section's
 * deltas and trends are computed against.
 */
public enum CompareTo {
  PREVIOUS_DAY(PeriodKind.DAY),
  PREVIOUS_WEEK(PeriodKind.WEEK),
  PREVIOUS_SPRINT(PeriodKind.SPRINT),
  PREVIOUS_MONTH(PeriodKind.MONTH),
  PREVIOUS_QUARTER(PeriodKind.QUARTER);

  private final PeriodKind period;

  CompareTo(PeriodKind period) {
    this.period = period;
  }

  /** The kind of period compared: this one and its {@code previous()}. */
  public PeriodKind period() {
    return period;
  }

  /** The YAML spelling, e.g. {@code previous_week}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the YAML spelling; empty for anything else. */
  public static Optional<CompareTo> fromYaml(String text) {
    for (CompareTo c : values()) {
      if (c.yamlName().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
