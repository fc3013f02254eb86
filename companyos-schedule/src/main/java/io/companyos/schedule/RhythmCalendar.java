package io.companyos.schedule;

import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import io.companyos.model.time.SprintCalendar;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rhythm as an RFC 5545 calendar: one VEVENT per meeting with an RRULE equivalent to its frequency
 * rule (so a calendar app shows the same dates as {@link MeetingOccurrences}), a VTIMEZONE per zone
 * built from the zone's current transition rules, CRLF line ends, lines folded at 75 octets and text
 * escaped. Given a directory, each event invites the people holding the meeting's owner role (chair
 * and organizer) and participant roles as {@code ATTENDEE}s; a role nobody in the directory holds is
 * named in a {@code COMMENT} instead. The automated health check is not a meeting and is left out.
 * Output depends only on the rhythm, the directory and the given instants, so it is deterministic.
 */
public final class RhythmCalendar {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

  private RhythmCalendar() {}

  /**
   * @param from each event starts at the meeting's first occurrence at or after this instant
   * @param stamp the DTSTAMP of every event (the as-of of the export)
   */
  public static String write(Rhythm rhythm, Instant from, Instant stamp) {
    return calendar(rhythm, from, stamp, null);
  }

  /**
   * The calendar with attendees.
   *
   * @param invitees the people holding a role id (directly or through a group), in directory order;
   *     empty when nobody with an e-mail address holds it
   */
  public static String write(Rhythm rhythm, Instant from, Instant stamp, Function<String, List<Invitee>> invitees) {
    return calendar(rhythm, from, stamp, Objects.requireNonNull(invitees, "invitees"));
  }

  /** The participant and owner roles of {@code rhythm}'s calendar events that {@code invitees} has nobody for. */
  public static Set<String> rolesWithoutInvitees(Rhythm rhythm, Function<String, List<Invitee>> invitees) {
    Set<String> out = new TreeSet<>();
    for (Meeting m : rhythm.meetings()) {
      if (!(m.frequency() instanceof FrequencyRule.EveryMinutes)) {
        roles(m).stream().filter(r -> invitees.apply(r).isEmpty()).forEach(out::add);
      }
    }
    return out;
  }

  private static String calendar(Rhythm rhythm, Instant from, Instant stamp,
      @Nullable Function<String, List<Invitee>> invitees) {
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VCALENDAR");
    lines.add("VERSION:2.0");
    lines.add("PRODID:-//CompanyOS//Operating Rhythm//EN");
    lines.add("CALSCALE:GREGORIAN");
    lines.add("X-WR-CALNAME:Operating rhythm");
    Set<ZoneId> zones = new LinkedHashSet<>();
    List<String> events = new ArrayList<>();
    for (Meeting m : rhythm.meetings()) {
      if (m.frequency() instanceof FrequencyRule.EveryMinutes) {
        continue;
      }
      Optional<Instant> first = MeetingOccurrences.next(m, rhythm.sprints(), from);
      if (first.isEmpty()) {
        continue;
      }
      if (!isUtc(m.zone())) {
        zones.add(m.zone());
      }
      events.addAll(event(m, first.get(), rhythm.sprints(), stamp, invitees));
    }
    for (ZoneId z : zones) {
      lines.addAll(timezone(z));
    }
    lines.addAll(events);
    lines.add("END:VCALENDAR");
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(fold(l)).append("\r\n");
    }
    return sb.toString();
  }

  private static List<String> event(Meeting m, Instant first, SprintCalendar sprints, Instant stamp,
      @Nullable Function<String, List<Invitee>> invitees) {
    List<String> l = new ArrayList<>();
    l.add("BEGIN:VEVENT");
    l.add("UID:" + m.id() + "@companyos");
    l.add("DTSTAMP:" + utc(stamp));
    l.add(isUtc(m.zone()) ? "DTSTART:" + utc(first) : "DTSTART;TZID=" + m.zone().getId() + ":" + LOCAL.format(first.atZone(m.zone())));
    l.add("DURATION:" + (m.duration() != null ? m.duration() : Duration.ofHours(1)));
    l.add("RRULE:" + rrule(m.frequency(), sprints));
    l.add("SUMMARY:" + text(m.name()));
    StringBuilder d = new StringBuilder(m.purpose());
    if (!m.agenda().isEmpty()) {
      d.append("\nAgenda:");
      for (AgendaItem a : m.agenda()) {
        d.append("\n- ").append(a.title()).append(" (").append(a.minutes()).append(" min)");
      }
    }
    d.append("\nOwner: ").append(m.owner()).append('.');
    if (!m.participants().isEmpty()) {
      d.append(" Participants: ").append(String.join(", ", m.participants())).append('.');
    }
    d.append(" Artifact: ").append(m.artifact()).append('.');
    l.add("DESCRIPTION:" + text(d.toString()));
    if (invitees != null) {
      l.addAll(attendees(m, invitees));
    }
    l.add("END:VEVENT");
    return l;
  }

  /** The owner role first, then the participant roles, each once. */
  private static List<String> roles(Meeting m) {
    Set<String> roles = new LinkedHashSet<>();
    roles.add(m.owner());
    roles.addAll(m.participants());
    return List.copyOf(roles);
  }

  /**
   * ORGANIZER and ATTENDEE lines (RFC 5545 §3.8.4.1, §3.8.4.3): the owner role's holders chair the
   * meeting (the first of them organizes it and has accepted), every other holder of a participant
   * role is a required participant asked to reply; each address once. A role without holders gets a
   * COMMENT, so it is not left out silently.
   */
  private static List<String> attendees(Meeting m, Function<String, List<Invitee>> invitees) {
    List<String> l = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> missing = new ArrayList<>();
    List<Invitee> chairs = invitees.apply(m.owner());
    if (!chairs.isEmpty()) {
      l.add("ORGANIZER;CN=" + param(chairs.get(0).name()) + ":mailto:" + chairs.get(0).email());
    }
    for (String role : roles(m)) {
      List<Invitee> people = invitees.apply(role);
      if (people.isEmpty()) {
        missing.add(role);
      }
      boolean chair = role.equals(m.owner());
      for (Invitee p : people) {
        if (!seen.add(p.email().toLowerCase(Locale.ROOT))) {
          continue;
        }
        boolean organizer = chair && p.equals(chairs.get(0));
        l.add("ATTENDEE;CN=" + param(p.name()) + (chair ? ";ROLE=CHAIR" : ";ROLE=REQ-PARTICIPANT")
            + (organizer ? ";PARTSTAT=ACCEPTED" : ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE") + ":mailto:" + p.email());
      }
    }
    for (String role : missing) {
      l.add("COMMENT:" + text("Not invited: nobody in the directory holds role " + role + "."));
    }
    return l;
  }

  /**
   * A parameter value, always quoted (RFC 5545 §3.2: names may hold ',', ';' or ':'), with RFC 6868
   * caret encoding for the characters a quoted value cannot hold.
   */
  static String param(String value) {
    return "\"" + value.replace("^", "^^").replace("\"", "^'").replace("\r\n", "^n").replace("\n", "^n")
        .replace("\r", "^n") + "\"";
  }

  /** The RRULE equivalent to a frequency rule (the DTSTART supplies the time and the first date). */
  static String rrule(FrequencyRule rule, SprintCalendar sprints) {
    if (rule instanceof FrequencyRule.Daily daily) {
      return "FREQ=WEEKLY;BYDAY=" + daily.days().stream().sorted().map(RhythmCalendar::day).collect(Collectors.joining(","));
    }
    if (rule instanceof FrequencyRule.Weekly w) {
      return "FREQ=WEEKLY;BYDAY=" + day(w.day());
    }
    if (rule instanceof FrequencyRule.NthWeekdayOfMonth r) {
      return "FREQ=MONTHLY;BYDAY=" + r.ordinal() + day(r.day());
    }
    if (rule instanceof FrequencyRule.NthWeekOfMonth r) {
      return "FREQ=MONTHLY;BYDAY=" + r.week() + day(r.day());
    }
    if (rule instanceof FrequencyRule.LastWeekOfMonth r) {
      return "FREQ=MONTHLY;BYDAY=-1" + day(r.day());
    }
    if (rule instanceof FrequencyRule.Quarterly r) {
      return "FREQ=MONTHLY;INTERVAL=3;BYDAY=" + r.ordinal() + day(r.day());
    }
    if (rule instanceof FrequencyRule.LastWeeksOfQuarter r) {
      // The first <day> within the 7 days starting 7*weeks days before the quarter's end.
      List<String> days = new ArrayList<>();
      for (int k = 7 * r.weeks(); k > 7 * r.weeks() - 7; k--) {
        days.add(Integer.toString(-k));
      }
      return "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=" + String.join(",", days) + ";BYDAY=" + day(r.day());
    }
    if (rule instanceof FrequencyRule.EndOfSprint) {
      if (sprints.lengthDays() % 7 != 0) {
        throw new IllegalArgumentException("sprints of " + sprints.lengthDays() + " days have no weekly RRULE");
      }
      DayOfWeek last = MeetingOccurrences.lastWorkingDayOfSprint(sprints, sprints.firstDay()).getDayOfWeek();
      return "FREQ=WEEKLY;INTERVAL=" + sprints.lengthDays() / 7 + ";BYDAY=" + day(last);
    }
    throw new IllegalArgumentException("no RRULE for " + rule);
  }

  private static List<String> timezone(ZoneId zone) {
    List<String> l = new ArrayList<>();
    l.add("BEGIN:VTIMEZONE");
    l.add("TZID:" + zone.getId());
    List<ZoneOffsetTransitionRule> rules = zone.getRules().getTransitionRules();
    if (rules.isEmpty()) {
      ZoneOffset o = zone.getRules().getOffset(Instant.EPOCH);
      l.addAll(List.of("BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset(o), "TZOFFSETTO:" + offset(o), "END:STANDARD"));
    }
    for (ZoneOffsetTransitionRule r : rules) {
      boolean daylight = r.getOffsetAfter().getTotalSeconds() > r.getStandardOffset().getTotalSeconds();
      LocalDateTime start = r.createTransition(1970).getDateTimeBefore();
      String byDay;
      int dom = r.getDayOfMonthIndicator();
      if (r.getDayOfWeek() == null) {
        byDay = "BYMONTHDAY=" + dom;
      } else if (dom < 0 || dom + 6 == r.getMonth().maxLength()) {
        // "on or before the last day" or "on or after day len-6": the last such weekday of the month.
        byDay = "BYDAY=-1" + day(r.getDayOfWeek());
      } else if ((dom - 1) % 7 == 0) {
        byDay = "BYDAY=" + ((dom - 1) / 7 + 1) + day(r.getDayOfWeek());
      } else {
        // "the <weekday> on or after day <dom>": any of the seven days from dom.
        StringBuilder days = new StringBuilder();
        for (int k = 0; k < 7; k++) {
          days.append(k == 0 ? "" : ",").append(dom + k);
        }
        byDay = "BYMONTHDAY=" + days + ";BYDAY=" + day(r.getDayOfWeek());
      }
      String kind = daylight ? "DAYLIGHT" : "STANDARD";
      l.add("BEGIN:" + kind);
      l.add("DTSTART:" + LOCAL.format(start));
      l.add("TZOFFSETFROM:" + offset(r.getOffsetBefore()));
      l.add("TZOFFSETTO:" + offset(r.getOffsetAfter()));
      l.add("RRULE:FREQ=YEARLY;BYMONTH=" + r.getMonth().getValue() + ";" + byDay);
      l.add("END:" + kind);
    }
    l.add("END:VTIMEZONE");
    return l;
  }

  private static boolean isUtc(ZoneId z) {
    return z.normalized().equals(ZoneOffset.UTC);
  }

  private static String utc(Instant t) {
    return LOCAL.format(t.atZone(ZoneOffset.UTC)) + "Z";
  }

  private static String offset(ZoneOffset o) {
    int s = o.getTotalSeconds();
    return String.format(Locale.ROOT, "%s%02d%02d", s < 0 ? "-" : "+", Math.abs(s) / 3600, Math.abs(s) % 3600 / 60);
  }

  static String day(DayOfWeek d) {
    return d.name().substring(0, 2);
  }

  /** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
  static String text(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
  }

  /** Folds a content line at 75 octets (UTF-8), never inside a multi-byte character. */
  static String fold(String line) {
    StringBuilder out = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int n = ch.getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.append(ch);
      octets += n;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
