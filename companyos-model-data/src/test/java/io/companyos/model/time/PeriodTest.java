package io.companyos.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void isoWeekStartsOnMondayAndMayBelongToThePreviousYear() {
    // 2026-01-01 is a Thursday; its ISO week starts Monday 2025-12-29 and is week 1 of 2026.
    Period w = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 1, 1));
    assertThat(w.start()).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(w.end()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(w.label()).isEqualTo("2026-W01");
    Period prev = w.previous();
    assertThat(prev.start()).isEqualTo(LocalDate.of(2025, 12, 22));
    assertThat(prev.label()).isEqualTo("2025-W52");
  }

  @Test
  void monthAndQuarterStepBackAcrossTheYear() {
    Period jan = Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 1, 20));
    assertThat(jan.previous()).isEqualTo(
        new Period(PeriodKind.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1), "2025-12"));
    Period q2 = Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 5, 15));
    assertThat(q2.start()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(q2.end()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(q2.label()).isEqualTo("2026-Q2");
    assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 2, 1)).previous().label()).isEqualTo("2025-Q4");
  }

  @Test
  void dayAndItsPrevious() {
    Period d = Period.containing(PeriodKind.DAY, LocalDate.of(2026, 3, 1));
    assertThat(d.previous().start()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(d.contains(LocalDate.of(2026, 3, 1))).isTrue();
    assertThat(d.contains(LocalDate.of(2026, 3, 2))).isFalse();
  }

  @Test
  void sprintsCountFromTheCalendarsFirstDay() {
    SprintCalendar cal = new SprintCalendar(LocalDate.of(2024, 1, 1), 14);
    // 2024-01-20 is 19 days after the first day: floor(19 / 14) + 1 = sprint 2, starting 2024-01-15.
    Period s = Period.containing(PeriodKind.SPRINT, LocalDate.of(2024, 1, 20), cal);
    assertThat(s.label()).isEqualTo("Sprint 2");
    assertThat(s.start()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(s.end()).isEqualTo(LocalDate.of(2024, 1, 29));
    assertThat(s.previous()).isEqualTo(
        new Period(PeriodKind.SPRINT, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15), "Sprint 1"));
    // A date before the first day lands in sprint 0: floor(-1 / 14) + 1 = 0.
    assertThat(cal.sprintNumber(LocalDate.of(2023, 12, 31))).isZero();
  }

  @Test
  void windowFollowsTheZonesClock() {
    // Europe/Berlin moved to summer time on 2026-03-29, so that day lasts 23 hours.
    Period d = Period.containing(PeriodKind.DAY, LocalDate.of(2026, 3, 29));
    assertThat(d.toWindow(ZoneId.of("Europe/Berlin")).length()).isEqualTo(Duration.ofHours(23));
    assertThat(d.toWindow(ZoneId.of("UTC")).length()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void emptyPeriodsAreRejected() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(() -> new Period(PeriodKind.DAY, day, day, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SprintCalendar(day, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
