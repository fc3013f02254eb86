package io.companyos.render.internal;

import io.companyos.model.rhythm.Cadence;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Decides which period a pack or section reports on. Rule: the period containing the as-of instant
 * when at least half of it has passed (reported "to date"), otherwise the last complete period. A
 * Monday-morning ops review therefore reports last week, and a QBR late in the quarter the quarter to
 * date. The comparison window is the same length, starting at the previous period's start.
 */
public final class ReportingPeriods {
  private ReportingPeriods() {}

  /** The period kind of a meeting cadence: daily → day, weekly → week, bi-weekly → sprint, ... */
  public static PeriodKind kindOf(Cadence cadence) {
    return switch (cadence) {
      case DAILY -> PeriodKind.DAY;
      case WEEKLY -> PeriodKind.WEEK;
      case BIWEEKLY -> PeriodKind.SPRINT;
      case MONTHLY -> PeriodKind.MONTH;
      case QUARTERLY -> PeriodKind.QUARTER;
    };
  }

  /** The reported period of {@code kind} at {@code asOf}, by the half-elapsed rule. */
  public static Period reported(PeriodKind kind, Instant asOf, ZoneId zone, SprintCalendar sprints) {
    Period p = Period.containing(kind, asOf.atZone(zone).toLocalDate(), sprints);
    TimeWindow full = p.toWindow(zone);
    Duration elapsed = Duration.between(full.start(), asOf);
    if (elapsed.multipliedBy(2).compareTo(full.length()) < 0) {
      return p.previous();
    }
    return p;
  }

  /** The part of {@code p} before {@code asOf}: the whole period once it has ended. */
  public static TimeWindow window(Period p, Instant asOf, ZoneId zone) {
    TimeWindow full = p.toWindow(zone);
    Instant end = full.end().isAfter(asOf) ? asOf : full.end();
    return new TimeWindow(full.start(), end.isBefore(full.start()) ? full.start() : end);
  }

  /** The window of {@code previous} as long as {@code current}, starting at its start (same point last period). */
  public static TimeWindow comparable(TimeWindow current, Period previous, ZoneId zone) {
    TimeWindow full = previous.toWindow(zone);
    Instant end = full.start().plus(current.length());
    return new TimeWindow(full.start(), end.isAfter(full.end()) ? full.end() : end);
  }
}
