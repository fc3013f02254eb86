package io.companyos.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.Cadence;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingOccurrencesTest {
  static final Rhythm RHYTHM = BuiltinDefinitions.load().rhythm();
  static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");

  static List<Instant> december(String meeting) {
    return MeetingOccurrences.between(RHYTHM.meeting(meeting).orElseThrow(), RHYTHM.sprints(), DEC, JAN);
  }

  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void theSeedsCalendarRulesLandOnTheRightDaysOfDecember2026() {
    // 1 Dec 2026 is a Tuesday, 31 Dec a Thursday (checked against a calendar).
    assertThat(december("ops-review")).containsExactly(t("2026-12-07T10:00:00Z"), t("2026-12-14T10:00:00Z"),
        t("2026-12-21T10:00:00Z"), t("2026-12-28T10:00:00Z"));                      // every Monday 10:00
    assertThat(december("exec-review")).containsExactly(t("2026-12-07T14:00:00Z"));   // first Monday
    assertThat(december("finops-review")).containsExactly(t("2026-12-09T11:00:00Z")); // Wednesday of days 8-14
    assertThat(december("board-pack")).containsExactly(t("2026-12-31T13:00:00Z"));    // last Thursday
    assertThat(december("qbr")).containsExactly(t("2026-12-10T09:00:00Z"));           // 2nd Thursday of the quarter's 3rd month
    // Last two weeks of Q4 start 31 Dec - 13 = Fri 18 Dec; the first Monday from there is 21 Dec.
    assertThat(december("quarterly-planning")).containsExactly(t("2026-12-21T09:00:00Z"));
    // Two-week sprints from Mon 2024-01-01 end on Sundays; the last working days in December are Fri 11 and Fri 25.
    assertThat(december("sprint-review")).containsExactly(t("2026-12-11T15:00:00Z"), t("2026-12-25T15:00:00Z"));
    assertThat(december("daily-standup")).hasSize(23); // weekdays of December 2026
  }

  static Meeting daily(String zone, LocalTime time) {
    return new Meeting("dst-test", "DST test", Cadence.DAILY, "p", new FrequencyRule.Daily(List.of(java.time.DayOfWeek.values())),
        time, ZoneId.of(zone), Duration.ofMinutes(15), "owner", List.of(), "a", List.<AgendaItem>of());
  }

  @Test
  void aTimeInTheSpringForwardGapMovesForwardAndNoDayIsLost() {
    // New York, 8 Mar 2026: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist -> 03:30 EDT = 07:30Z.
    List<Instant> runs = MeetingOccurrences.between(daily("America/New_York", LocalTime.of(2, 30)), RHYTHM.sprints(),
        t("2026-03-07T00:00:00Z"), t("2026-03-10T00:00:00Z"));
    assertThat(runs).containsExactly(t("2026-03-07T07:30:00Z"), t("2026-03-08T07:30:00Z"), t("2026-03-09T06:30:00Z"));
  }

  @Test
  void aTimeInTheFallBackOverlapRunsOnceAtTheEarlierInstant() {
    // Berlin, 25 Oct 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice -> first one, 02:30 CEST = 00:30Z.
    List<Instant> runs = MeetingOccurrences.between(daily("Europe/Berlin", LocalTime.of(2, 30)), RHYTHM.sprints(),
        t("2026-10-24T00:00:00Z"), t("2026-10-27T00:00:00Z"));
    assertThat(runs).containsExactly(t("2026-10-24T00:30:00Z"), t("2026-10-25T00:30:00Z"), t("2026-10-26T01:30:00Z"));
  }

  @Test
  void theHealthCheckRunsEveryFiveMinutesOnTheClock() {
    Meeting hc = RHYTHM.meeting("health-check").orElseThrow();
    List<Instant> runs = MeetingOccurrences.between(hc, RHYTHM.sprints(), t("2026-12-01T00:02:00Z"), t("2026-12-01T00:20:00Z"));
    assertThat(runs).containsExactly(t("2026-12-01T00:05:00Z"), t("2026-12-01T00:10:00Z"), t("2026-12-01T00:15:00Z"));
    assertThat(hc.zone()).isEqualTo(ZoneOffset.UTC);
  }
}
