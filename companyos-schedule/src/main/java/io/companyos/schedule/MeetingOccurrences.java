package io.companyos.schedule;

import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.time.SprintCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a meeting's frequency rule and local time into concrete start instants.
 *
 * <p>DST rule: each matching local date gives exactly one occurrence. A local time that does not exist
 * (the spring-forward gap) moves forward by the length of the gap (02:30 becomes 03:30); a local time
 * that exists twice (the fall-back overlap) takes the earlier of the two instants. So no run is lost or
 * doubled around a transition.
 */
public final class MeetingOccurrences {
  private MeetingOccurrences() {}

  /** Starts of {@code meeting} in {@code [from, to)}, in order. */
  public static List<Instant> between(Meeting meeting, SprintCalendar sprints, Instant from, Instant to) {
    List<Instant> out = new ArrayList<>();
    if (meeting.frequency() instanceof FrequencyRule.EveryMinutes every) {
      long step = every.minutes() * 60L;
      long first = Math.floorDiv(from.getEpochSecond() + step - 1, step) * step;
      for (long s = first; s < to.getEpochSecond(); s += step) {
        out.add(Instant.ofEpochSecond(s));
      }
      return out;
    }
    LocalTime time = meeting.time() != null ? meeting.time() : LocalTime.of(9, 0);
    LocalDate first = from.atZone(meeting.zone()).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(meeting.zone()).toLocalDate().plusDays(1);
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (matches(meeting.frequency(), d, sprints)) {
        Instant start = ZonedDateTime.of(d, time, meeting.zone()).toInstant();
        if (!start.isBefore(from) && start.isBefore(to)) {
          out.add(start);
        }
      }
    }
    return out;
  }

  /** The first start at or after {@code from}, looking up to two years ahead. */
  public static java.util.Optional<Instant> next(Meeting meeting, SprintCalendar sprints, Instant from) {
    return between(meeting, sprints, from, from.plus(731, ChronoUnit.DAYS)).stream().findFirst();
  }

  /** Whether {@code rule} has an occurrence on local date {@code d}. */
  public static boolean matches(FrequencyRule rule, LocalDate d, SprintCalendar sprints) {
    DayOfWeek dow = d.getDayOfWeek();
    int nth = (d.getDayOfMonth() - 1) / 7 + 1;
    if (rule instanceof FrequencyRule.EveryMinutes) {
      return true;
    }
    if (rule instanceof FrequencyRule.Daily daily) {
      return daily.days().contains(dow);
    }
    if (rule instanceof FrequencyRule.Weekly weekly) {
      return weekly.day() == dow;
    }
    if (rule instanceof FrequencyRule.NthWeekdayOfMonth r) {
      return r.day() == dow && nth == r.ordinal();
    }
    if (rule instanceof FrequencyRule.NthWeekOfMonth r) {
      return r.day() == dow && nth == r.week();
    }
    if (rule instanceof FrequencyRule.LastWeekOfMonth r) {
      return r.day() == dow && d.getDayOfMonth() + 7 > d.lengthOfMonth();
    }
    if (rule instanceof FrequencyRule.LastWeeksOfQuarter r) {
      LocalDate stretch = quarterEnd(d).minusDays(7L * r.weeks() - 1);
      return r.day() == dow && !d.isBefore(stretch) && d.isBefore(stretch.plusDays(7));
    }
    if (rule instanceof FrequencyRule.EndOfSprint) {
      return d.equals(lastWorkingDayOfSprint(sprints, d));
    }
    if (rule instanceof FrequencyRule.Quarterly r) {
      return (d.getMonthValue() - 1) % 3 + 1 == r.month() && r.day() == dow && nth == r.ordinal();
    }
    throw new IllegalArgumentException("unknown frequency rule " + rule);
  }

  static LocalDate quarterEnd(LocalDate d) {
    return d.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
  }

  /** The last Monday-to-Friday day of the sprint containing {@code d}. */
  static LocalDate lastWorkingDayOfSprint(SprintCalendar sprints, LocalDate d) {
    LocalDate end = sprints.startOf(sprints.sprintNumber(d) + 1).minusDays(1);
    while (end.getDayOfWeek() == DayOfWeek.SATURDAY || end.getDayOfWeek() == DayOfWeek.SUNDAY) {
      end = end.minusDays(1);
    }
    return end;
  }
}
