package io.companyos.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RhythmCalendarTest {
  static final Rhythm RHYTHM = BuiltinDefinitions.load().rhythm();
  static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2027-11-23T00:00:00Z");
  static final String ICS = RhythmCalendar.write(RHYTHM, FROM, FROM);

  /** Unfolds lines (RFC 5545 §3.1) and groups the properties of each VEVENT. */
  static List<Map<String, String>> events(String ics) {
    String unfolded = ics.replace("\r\n ", "");
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> current = null;
    for (String line : unfolded.split("\r\n")) {
      if (line.equals("BEGIN:VEVENT")) {
        current = new HashMap<>();
      } else if (line.equals("END:VEVENT")) {
        out.add(current);
        current = null;
      } else if (current != null) {
        int colon = line.indexOf(':');
        current.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return out;
  }

  @Test
  void isWellFormedRfc5545() {
    assertThat(ICS).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
    assertThat(ICS.replace("\r\n", "")).doesNotContain("\n");
    for (String line : ICS.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    // Ten meetings; the automated health check is not a calendar event.
    assertThat(events(ICS)).hasSize(10).allSatisfy(e -> assertThat(e).containsKeys("UID", "DTSTAMP", "DTSTART", "RRULE", "SUMMARY"));
    assertThat(RhythmCalendar.write(RHYTHM, FROM, FROM)).isEqualTo(ICS); // deterministic
  }

  @Test
  void textIsEscapedAndLongLinesFoldOnCharacterBoundaries() {
    assertThat(RhythmCalendar.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    String folded = RhythmCalendar.fold("DESCRIPTION:" + "Δ".repeat(60));
    for (String part : folded.split("\r\n")) {
      assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "Δ".repeat(60));
  }

  @Test
  void everyRruleExpandsToTheSchedulersDatesForAYear() {
    Map<String, Map<String, String>> byUid = new HashMap<>();
    events(ICS).forEach(e -> byUid.put(e.get("UID").replace("@companyos", ""), e));
    for (Meeting m : RHYTHM.meetings()) {
      if (m.frequency() instanceof FrequencyRule.EveryMinutes) {
        continue;
      }
      Map<String, String> e = byUid.get(m.id());
      List<Instant> expected = MeetingOccurrences.between(m, RHYTHM.sprints(), FROM, UNTIL);
      assertThat(expand(e, m.zone(), UNTIL)).as(m.id() + " " + e.get("RRULE")).isEqualTo(expected);
    }
  }

  /** A small RRULE expander for the subset the calendar writes (test oracle, independent of the scheduler). */
  static List<Instant> expand(Map<String, String> event, ZoneId zone, Instant until) {
    String dtstart = event.entrySet().stream().filter(x -> x.getKey().startsWith("DTSTART")).findFirst().orElseThrow().getValue();
    LocalDateTime start = LocalDateTime.parse(dtstart.replace("Z", ""), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
    Map<String, String> r = new HashMap<>();
    for (String part : event.get("RRULE").split(";")) {
      String[] kv = part.split("=");
      r.put(kv[0], kv[1]);
    }
    int interval = Integer.parseInt(r.getOrDefault("INTERVAL", "1"));
    List<Instant> out = new ArrayList<>();
    for (LocalDate d = start.toLocalDate(); ; d = d.plusDays(1)) {
      Instant at = ZonedOf(d, start, zone);
      if (!at.isBefore(until)) {
        return out;
      }
      if (matches(r, interval, start.toLocalDate(), d)) {
        out.add(at);
      }
    }
  }

  static Instant ZonedOf(LocalDate d, LocalDateTime start, ZoneId zone) {
    return java.time.ZonedDateTime.of(d, start.toLocalTime(), zone).toInstant();
  }

  static boolean matches(Map<String, String> r, int interval, LocalDate first, LocalDate d) {
    String freq = r.get("FREQ");
    String dow = d.getDayOfWeek().name().substring(0, 2);
    List<String> byDay = List.of(r.get("BYDAY").split(","));
    switch (freq) {
      case "WEEKLY" -> {
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(first.with(DayOfWeek.MONDAY), d.with(DayOfWeek.MONDAY));
        return weeks % interval == 0 && byDay.contains(dow);
      }
      case "MONTHLY" -> {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(first.withDayOfMonth(1), d.withDayOfMonth(1));
        if (months % interval != 0) {
          return false;
        }
        String spec = byDay.get(0);
        int n = Integer.parseInt(spec.substring(0, spec.length() - 2));
        if (!spec.endsWith(dow)) {
          return false;
        }
        return n > 0 ? (d.getDayOfMonth() - 1) / 7 + 1 == n : d.getDayOfMonth() + 7 > d.lengthOfMonth();
      }
      case "YEARLY" -> {
        List<String> months = List.of(r.get("BYMONTH").split(","));
        int fromEnd = d.getDayOfMonth() - d.lengthOfMonth() - 1; // -1 = last day
        return months.contains(Integer.toString(d.getMonthValue())) && List.of(r.get("BYMONTHDAY").split(",")).contains(Integer.toString(fromEnd))
            && byDay.contains(dow);
      }
      default -> throw new IllegalArgumentException(freq);
    }
  }

  @Test
  void zonesWithDaylightSavingGetAVtimezoneWithTheirRules() {
    String ics = RhythmCalendar.write(new Rhythm(List.of(withZone(RHYTHM.meeting("ops-review").orElseThrow(), "Europe/Berlin")),
        RHYTHM.sprints()), FROM, FROM);
    // EU rules: summer time from the last Sunday of March, winter time from the last Sunday of October.
    assertThat(ics).contains("TZID:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "DTSTART;TZID=Europe/Berlin:20261123T100000");
  }

  @Test
  void usRulesBecomeSecondAndFirstSundays() {
    String ics = RhythmCalendar.write(new Rhythm(List.of(withZone(RHYTHM.meeting("ops-review").orElseThrow(), "America/New_York")),
        RHYTHM.sprints()), FROM, FROM);
    // US rules: daylight time from the second Sunday of March, standard time from the first Sunday of November.
    assertThat(ics).contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
        "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400");
  }

  static Meeting withZone(Meeting m, String zone) {
    return new Meeting(m.id(), m.name(), m.cadence(), m.purpose(), m.frequency(), m.time(), ZoneId.of(zone), m.duration(), m.owner(),
        m.participants(), m.artifact(), m.agenda());
  }

  @Test
  void utcMeetingsUseUtcTimesWithoutATimezoneBlock() {
    assertThat(ICS).doesNotContain("BEGIN:VTIMEZONE").contains("DTSTART:20261123T100000Z");
    assertThat(ZoneOffset.UTC).isEqualTo(RHYTHM.meeting("ops-review").orElseThrow().zone().normalized());
  }
}
