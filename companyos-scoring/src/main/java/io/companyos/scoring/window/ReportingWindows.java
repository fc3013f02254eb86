package io.companyos.scoring.window;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one rule for the windows numbers are computed over. Every pack section, the health score and the
 * CLI take their windows from here, so the same KPI at the same as-of covers the same span everywhere.
 *
 * <ul>
 *   <li><b>Reported period:</b> the period containing the as-of when at least half of it has passed
 *       (reported "to date"), otherwise the last complete period.
 *   <li><b>Complete days:</b> a period still in progress is reported over its complete days only, up to
 *       the start of the as-of day in the company's zone. The partial as-of day is left out everywhere,
 *       because daily data (FOCUS cost rows, daily product aggregates) has no row for it yet. A window that
 *       would be empty (a one-day period reported on its own day) keeps the span up to the as-of instant.
 *   <li><b>Like for like:</b> the comparison window covers the same number of calendar days from the
 *       previous period's start (November 1–22 against October 1–22), capped at the previous period's end.
 * </ul>
 */
public final class ReportingWindows {
  private ReportingWindows() {}

  /**
   * The reported period of {@code kind} at {@code asOf}, by the half-elapsed rule.
   *
   * @param kind the kind of period
   * @param asOf the as-of instant
   * @param zone the company's time zone
   * @param sprints the sprint calendar, used when {@code kind} is a sprint
   * @return the period containing {@code asOf} when at least half of it has passed, otherwise the one before
   */
  public static Period reported(PeriodKind kind, Instant asOf, ZoneId zone, SprintCalendar sprints) {
    Period p = Period.containing(kind, asOf.atZone(zone).toLocalDate(), sprints);
    TimeWindow full = p.toWindow(zone);
    Duration elapsed = Duration.between(full.start(), asOf);
    if (elapsed.multipliedBy(2).compareTo(full.length()) < 0) {
      return p.previous();
    }
    return p;
  }

  /**
   * The part of {@code p} reported at {@code asOf}: the whole period once it has ended, else its complete
   * days before the as-of day.
   *
   * @param p the reported period
   * @param asOf the as-of instant
   * @param zone the company's time zone
   * @return the half-open window {@code [start, end)} reported
   */
  public static TimeWindow window(Period p, Instant asOf, ZoneId zone) {
    TimeWindow full = p.toWindow(zone);
    if (!full.end().isAfter(asOf)) {
      return full;
    }
    Instant dayStart = asOf.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    if (dayStart.isAfter(full.start())) {
      return new TimeWindow(full.start(), dayStart);
    }
    return new TimeWindow(full.start(), asOf.isBefore(full.start()) ? full.start() : asOf);
  }

  /**
   * The window of {@code previous} covering as many calendar days from its start as {@code current} covers
   * from its own (the same elapsed span), capped at the end of {@code previous}. A current window that does
   * not end on a day boundary keeps its time of day.
   *
   * @param current the current window
   * @param previous the period compared against
   * @param zone the company's time zone
   * @return the half-open comparison window, starting at {@code previous}'s start
   */
  public static TimeWindow comparable(TimeWindow current, Period previous, ZoneId zone) {
    TimeWindow full = previous.toWindow(zone);
    LocalDate curStart = current.start().atZone(zone).toLocalDate();
    var curEnd = current.end().atZone(zone);
    long days = ChronoUnit.DAYS.between(curStart, curEnd.toLocalDate());
    Instant end = previous.start().plusDays(days).atTime(curEnd.toLocalTime()).atZone(zone).toInstant();
    return new TimeWindow(full.start(), end.isAfter(full.end()) ? full.end() : end);
  }

  /**
   * The days {@code w} covers, counting a partial day as a fraction.
   *
   * @param w the window
   * @return its length in days of 24 hours
   */
  public static double days(TimeWindow w) {
    return w.length().toSeconds() / 86400.0;
  }
}
