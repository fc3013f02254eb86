package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.Cadence;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import io.companyos.model.time.SprintCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads {@code rhythm.yaml}: a default time zone and the list of meetings. */
public final class RhythmReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("timezone", "sprints", "meetings");
  static final List<String> MEETING_KEYS = List.of("id", "name", "cadence", "purpose", "frequency", "time",
      "timezone", "duration", "owner", "participants", "artifact", "agenda");
  private static final Map<String, Cadence> CADENCES =
      Arrays.stream(Cadence.values()).collect(Collectors.toMap(Cadence::yamlName, Function.identity()));

  private final BindContext ctx;

  public RhythmReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable Rhythm read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a rhythm file", KEYS).orElse(null);
    if (m == null) {
      return null;
    }
    ZoneId zone = m.zone("timezone", ZoneOffset.UTC);
    SprintCalendar sprints = m.has("sprints") ? sprints(m) : SprintCalendar.DEFAULT;
    List<YamlNode> items = m.list("meetings", true);
    if (zone == null || items == null || sprints == null) {
      return null;
    }
    List<Meeting> meetings = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      Meeting meeting = meeting(item, zone);
      if (meeting == null) {
        ok = false;
        continue;
      }
      Mark at = ((YamlNode.Mapping) item).entry("id").value().mark();
      Mark earlier = seen.putIfAbsent(meeting.id(), at);
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, at, "meeting '" + meeting.id() + "' is defined twice",
            "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      meetings.add(meeting);
    }
    if (!ok) {
      return null;
    }
    Rhythm rhythm = ctx.construct(m.mark(), () -> new Rhythm(meetings, sprints));
    return rhythm == null ? null : ctx.remember(rhythm, m.node());
  }

  private @Nullable Meeting meeting(YamlNode item, ZoneId defaultZone) {
    MapView m = MapView.of(item, ctx.sink(), "a meeting", MEETING_KEYS).orElse(null);
    if (m == null) {
      return null;
    }
    int before = ctx.sink().problems().size();
    String id = m.requireString("id");
    String name = m.requireString("name");
    Cadence cadence = m.choice("cadence", CADENCES, true);
    String purpose = m.requireString("purpose");
    FrequencyRule rule = null;
    if (!m.has("frequency")) {
      m.missing("frequency", "for example frequency: {rule: weekly, day: monday}");
    } else {
      rule = new FrequencyRuleReader(ctx.sink()).read(m.value("frequency"));
    }
    LocalTime time = time(m);
    if (time == null && m.has("frequency") && !(rule instanceof FrequencyRule.EveryMinutes) && !m.has("time")) {
      m.missing("time", "the local start time, e.g. \"09:00\"");
    }
    ZoneId zone = m.zone("timezone", defaultZone);
    Duration duration = m.duration("duration", false);
    String owner = m.requireString("owner");
    if (owner != null) {
      ctx.reference(Reference.Kind.ROLE, owner, m.valueMark("owner"), "'owner'");
    }
    List<String> participants = m.stringList("participants");
    if (participants != null) {
      List<Mark> at = m.itemMarks("participants");
      for (int i = 0; i < participants.size(); i++) {
        ctx.reference(Reference.Kind.ROLE, participants.get(i), at.get(i), "'participants'");
      }
    }
    String artifact = m.requireString("artifact");
    List<AgendaItem> agenda = agenda(m);
    if (ctx.sink().problems().size() > before || id == null || name == null || cadence == null || purpose == null
        || rule == null || zone == null || owner == null || participants == null || artifact == null
        || agenda == null) {
      return null;
    }
    FrequencyRule r = rule;
    Meeting meeting = ctx.construct(m.mark(), () -> new Meeting(id, name, cadence, purpose, r, time, zone, duration,
        owner, participants, artifact, agenda));
    return meeting == null ? null : ctx.remember(meeting, m.node());
  }

  private @Nullable SprintCalendar sprints(MapView top) {
    MapView s = MapView.of(top.value("sprints"), ctx.sink(), "'sprints'", List.of("first_day", "length")).orElse(null);
    if (s == null) {
      return null;
    }
    String first = s.requireString("first_day");
    Duration length = s.duration("length", true);
    if (first == null || length == null) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(first.strip());
    } catch (DateTimeParseException e) {
      ctx.sink().add(ProblemCode.INVALID_VALUE, s.valueMark("first_day"), "'" + first + "' is not a date",
          "write YYYY-MM-DD in quotes, e.g. \"2026-01-05\"");
      return null;
    }
    if (length.toSeconds() % 86_400 != 0 || length.toDays() > 366) {
      ctx.sink().add(ProblemCode.OUT_OF_RANGE, s.valueMark("length"), "sprint 'length' must be whole days, at most 366",
          "for example 2w");
      return null;
    }
    return new SprintCalendar(day, (int) length.toDays());
  }

  private @Nullable LocalTime time(MapView m) {
    String t = m.string("time");
    if (t == null) {
      return null;
    }
    try {
      return LocalTime.parse(t.strip().length() == 4 ? "0" + t.strip() : t.strip());
    } catch (DateTimeParseException e) {
      ctx.sink().add(ProblemCode.INVALID_TIME, m.valueMark("time"), "'" + t + "' is not a time of day",
          "write 24-hour HH:MM in quotes, e.g. \"09:00\"");
      return null;
    }
  }

  private @Nullable List<AgendaItem> agenda(MapView m) {
    List<YamlNode> items = m.list("agenda", false);
    if (items == null) {
      return null;
    }
    List<AgendaItem> out = new ArrayList<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView a = MapView.of(item, ctx.sink(), "an agenda item", List.of("title", "minutes", "description"))
          .orElse(null);
      String title = a == null ? null : a.requireString("title");
      Integer minutes = a == null ? null : a.integer("minutes", 1, 24 * 60, true);
      String description = a == null ? null : a.string("description");
      if (title == null || minutes == null) {
        ok = false;
        continue;
      }
      out.add(ctx.remember(new AgendaItem(title, minutes, description == null ? "" : description), a.node()));
    }
    return ok ? out : null;
  }
}
