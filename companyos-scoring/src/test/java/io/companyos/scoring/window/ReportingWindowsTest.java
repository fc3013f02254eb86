package io.companyos.scoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The half-elapsed rule, complete days, and the like-for-like comparison window. */
class ReportingWindowsTest {
  static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void mondayMorningReportsLastWeekAndThursdayThisWeek() {
    // Monday 2026-11-23 09:00: 9 h of a 168 h week have passed (< half) → week 47 (Nov 16-22).
    Period p = ReportingWindows.reported(PeriodKind.WEEK, Instant.parse("2026-11-23T09:00:00Z"), UTC, SprintCalendar.DEFAULT);
    assertThat(p.label()).isEqualTo("2026-W47");
    // Friday 2026-11-27 00:00: 96 h of 168 h (> half) → week 48 to date.
    assertThat(ReportingWindows.reported(PeriodKind.WEEK, Instant.parse("2026-11-27T00:00:00Z"), UTC, SprintCalendar.DEFAULT).label())
        .isEqualTo("2026-W48");
  }

  @Test
  void monthsAndQuarters() {
    Instant firstMonday = Instant.parse("2026-12-07T14:00:00Z");
    // 6.6 of 31 days → November.
    assertThat(ReportingWindows.reported(PeriodKind.MONTH, firstMonday, UTC, SprintCalendar.DEFAULT).label()).isEqualTo("2026-11");
    // QBR in the quarter's third month → the quarter to date.
    assertThat(ReportingWindows.reported(PeriodKind.QUARTER, Instant.parse("2026-12-10T09:00:00Z"), UTC, SprintCalendar.DEFAULT).label())
        .isEqualTo("2026-Q4");
  }

  @Test
  void aPeriodInProgressIsReportedOverItsCompleteDaysAndComparedWithTheSameDaysOfThePreviousOne() {
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    Period nov = ReportingWindows.reported(PeriodKind.MONTH, asOf, UTC, SprintCalendar.DEFAULT);
    TimeWindow cur = ReportingWindows.window(nov, asOf, UTC);
    // November 1 to 22 inclusive: the 9 hours of November 23 are left out (no daily cost row exists for them yet).
    assertThat(cur).isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
    assertThat(ReportingWindows.days(cur)).isEqualTo(22.0);
    // October 1 to 22 inclusive: 22 days again, not 22 days 9 hours (which would take in October 23's cost row).
    assertThat(ReportingWindows.comparable(cur, nov.previous(), UTC))
        .isEqualTo(new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-23T00:00:00Z")));
    // A complete period is compared with the complete previous one, capped at its end (Feb has 28 days).
    Period march = Period.containing(PeriodKind.MONTH, java.time.LocalDate.of(2026, 3, 5));
    TimeWindow full = ReportingWindows.window(march, Instant.parse("2026-06-01T00:00:00Z"), UTC);
    assertThat(ReportingWindows.comparable(full, march.previous(), UTC).end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void calendarDaysNotHoursAcrossADaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2026-03-29 is 23 hours long in Berlin. April 1-10 (10 complete days) compares with March 1-10, not March 1-10 minus an hour.
    Instant asOf = Instant.parse("2026-04-11T10:00:00Z");
    Period april = Period.containing(PeriodKind.MONTH, java.time.LocalDate.of(2026, 4, 11));
    TimeWindow cur = ReportingWindows.window(april, asOf, berlin);
    assertThat(cur.end()).isEqualTo(Instant.parse("2026-04-10T22:00:00Z"));
    assertThat(ReportingWindows.comparable(cur, april.previous(), berlin))
        .isEqualTo(new TimeWindow(Instant.parse("2026-02-28T23:00:00Z"), Instant.parse("2026-03-10T23:00:00Z")));
  }

  @Test
  void aOneDayPeriodReportedOnItsOwnDayKeepsTheHoursUpToTheAsOf() {
    Instant asOf = Instant.parse("2026-11-23T15:00:00Z");
    Period today = ReportingWindows.reported(PeriodKind.DAY, asOf, UTC, SprintCalendar.DEFAULT);
    assertThat(today.label()).isEqualTo(Period.containing(PeriodKind.DAY, java.time.LocalDate.of(2026, 11, 23)).label());
    assertThat(ReportingWindows.window(today, asOf, UTC))
        .isEqualTo(new TimeWindow(Instant.parse("2026-11-23T00:00:00Z"), asOf));
  }
}
