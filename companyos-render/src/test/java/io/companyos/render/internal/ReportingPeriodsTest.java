package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The half-elapsed rule for the reported period and the same-length comparison window. */
class ReportingPeriodsTest {
  static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void mondayMorningReportsLastWeekAndThursdayThisWeek() {
    // Monday 2026-11-23 09:00: 9 h of a 168 h week have passed (< half) → week 47 (Nov 16-22).
    Period p = ReportingPeriods.reported(PeriodKind.WEEK, Instant.parse("2026-11-23T09:00:00Z"), UTC, SprintCalendar.DEFAULT);
    assertThat(p.label()).isEqualTo("2026-W47");
    // Friday 2026-11-27 00:00: 96 h of 168 h (> half) → week 48 to date.
    assertThat(ReportingPeriods.reported(PeriodKind.WEEK, Instant.parse("2026-11-27T00:00:00Z"), UTC, SprintCalendar.DEFAULT).label())
        .isEqualTo("2026-W48");
  }

  @Test
  void monthsAndQuarters() {
    Instant firstMonday = Instant.parse("2026-12-07T14:00:00Z");
    // 6.6 of 31 days → November.
    assertThat(ReportingPeriods.reported(PeriodKind.MONTH, firstMonday, UTC, SprintCalendar.DEFAULT).label()).isEqualTo("2026-11");
    // QBR in the quarter's third month → the quarter to date.
    assertThat(ReportingPeriods.reported(PeriodKind.QUARTER, Instant.parse("2026-12-10T09:00:00Z"), UTC, SprintCalendar.DEFAULT).label())
        .isEqualTo("2026-Q4");
  }

  @Test
  void comparisonWindowHasTheSameLengthFromThePreviousStart() {
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    Period nov = ReportingPeriods.reported(PeriodKind.MONTH, asOf, UTC, SprintCalendar.DEFAULT);
    TimeWindow cur = ReportingPeriods.window(nov, asOf, UTC);
    // November 1 00:00 to as-of: 22 days 9 h.
    assertThat(cur).isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), asOf));
    // October 1 00:00 plus the same 22 days 9 h.
    assertThat(ReportingPeriods.comparable(cur, nov.previous(), UTC))
        .isEqualTo(new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-23T09:00:00Z")));
    // A complete period is compared with the complete previous one, capped at its end (Feb has 28 days).
    Period march = Period.containing(PeriodKind.MONTH, java.time.LocalDate.of(2026, 3, 5));
    TimeWindow full = ReportingPeriods.window(march, Instant.parse("2026-06-01T00:00:00Z"), UTC);
    assertThat(ReportingPeriods.comparable(full, march.previous(), UTC).end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }
}
