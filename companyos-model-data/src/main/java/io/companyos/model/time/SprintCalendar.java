package io.companyos.model.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where sprints fall: sprint 1 starts on {@code firstDay} and every sprint lasts {@code lengthDays}
 * (14 for the seed's bi-weekly sprint). Sprints are the one period the calendar alone cannot tell.
 */
public record SprintCalendar(LocalDate firstDay, int lengthDays) {

  /** Two-week sprints starting on Monday 2024-01-01, the default when a company configures none. */
  public static final SprintCalendar DEFAULT = new SprintCalendar(LocalDate.of(2024, 1, 1), 14);

  public SprintCalendar {
    Objects.requireNonNull(firstDay, "firstDay");
    if (lengthDays < 1) {
      throw new IllegalArgumentException("sprint length must be at least 1 day, got " + lengthDays);
    }
  }

  /**
   * The 1-based number of the sprint containing {@code date}; dates before {@code firstDay} give
   * zero or negative numbers so that arithmetic stays consistent.
   */
  public long sprintNumber(LocalDate date) {
    long days = ChronoUnit.DAYS.between(firstDay, date);
    return Math.floorDiv(days, lengthDays) + 1;
  }

  /** The first day of sprint {@code number}. */
  public LocalDate startOf(long number) {
    return firstDay.plusDays((number - 1) * lengthDays);
  }
}
