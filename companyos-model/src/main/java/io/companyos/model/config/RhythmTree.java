package io.companyos.model.config;

import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import io.companyos.model.time.Durations;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The YAML tree of a rhythm for {@link DefinitionWriter}, kept apart because frequency rules have many shapes. */
final class RhythmTree {
  private RhythmTree() {}

  static Map<String, Object> of(Rhythm rhythm) {
    List<Object> meetings = new ArrayList<>();
    for (Meeting m : rhythm.meetings()) {
      meetings.add(meeting(m));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("timezone", "UTC");
    Map<String, Object> sprints = new LinkedHashMap<>();
    sprints.put("first_day", rhythm.sprints().firstDay().toString());
    sprints.put("length", rhythm.sprints().lengthDays() + "d");
    root.put("sprints", sprints);
    root.put("meetings", meetings);
    return root;
  }

  private static Map<String, Object> meeting(Meeting m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("name", m.name());
    out.put("cadence", m.cadence().yamlName());
    out.put("purpose", m.purpose());
    out.put("frequency", frequency(m.frequency()));
    if (m.time() != null) {
      out.put("time", m.time().toString());
    }
    out.put("timezone", DefinitionWriter.zone(m.zone()));
    if (m.duration() != null) {
      out.put("duration", Durations.format(m.duration()));
    }
    out.put("owner", m.owner());
    out.put("participants", m.participants());
    out.put("artifact", m.artifact());
    List<Object> agenda = new ArrayList<>();
    for (AgendaItem a : m.agenda()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("title", a.title());
      item.put("minutes", a.minutes());
      item.put("description", a.description());
      agenda.add(item);
    }
    out.put("agenda", agenda);
    return out;
  }

  private static Map<String, Object> frequency(FrequencyRule rule) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rule", rule.ruleName());
    if (rule instanceof FrequencyRule.EveryMinutes r) {
      f.put("minutes", r.minutes());
    } else if (rule instanceof FrequencyRule.Daily r) {
      f.put("days", r.days().stream().map(RhythmTree::day).toList());
    } else if (rule instanceof FrequencyRule.Weekly r) {
      f.put("day", day(r.day()));
    } else if (rule instanceof FrequencyRule.NthWeekdayOfMonth r) {
      f.put("ordinal", r.ordinal());
      f.put("day", day(r.day()));
    } else if (rule instanceof FrequencyRule.NthWeekOfMonth r) {
      f.put("week", r.week());
      f.put("day", day(r.day()));
    } else if (rule instanceof FrequencyRule.LastWeekOfMonth r) {
      f.put("day", day(r.day()));
    } else if (rule instanceof FrequencyRule.LastWeeksOfQuarter r) {
      f.put("weeks", r.weeks());
      f.put("day", day(r.day()));
    } else if (rule instanceof FrequencyRule.Quarterly r) {
      f.put("month", r.month());
      f.put("ordinal", r.ordinal());
      f.put("day", day(r.day()));
    }
    return f;
  }

  private static String day(DayOfWeek d) {
    return d.name().toLowerCase(Locale.ROOT);
  }
}
