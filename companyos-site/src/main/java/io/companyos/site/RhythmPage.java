package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Role;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.time.Durations;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operating rhythm as a page of the site: every meeting with when it meets, who owns it, who
 * takes part (role names, as the seed's tables write them), the artifact it produces and the packs
 * that prepare it, so a reader sees the rhythm without opening {@code rhythm.yaml}.
 */
final class RhythmPage {
  private RhythmPage() {}

  static Map<String, Object> model(CompanyDefinition company, String rootPath) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Meeting m : company.rhythm().meetings()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", m.id());
      row.put("name", m.name());
      row.put("cadence", m.cadence().yamlName());
      row.put("when", when(m));
      row.put("owner", roleName(company, m.owner()));
      row.put("participants", m.participants().stream().map(r -> roleName(company, r)).toList());
      row.put("artifact", m.artifact());
      row.put("packs", company.packs().stream().filter(p -> m.id().equals(p.meeting())).map(PackDefinition::name).toList());
      rows.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("root", rootPath);
    model.put("meetings", rows);
    return model;
  }

  /** "Weekly on Monday, 10:00 UTC, 30m": the rule, the local time and zone, and the duration. */
  static String when(Meeting m) {
    String rule = rule(m.frequency());
    if (m.time() == null) {
      return rule;
    }
    String zone = m.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : m.zone().getId();
    return rule + ", " + m.time() + " " + zone + (m.duration() == null ? "" : ", " + Durations.format(m.duration()));
  }

  static String rule(FrequencyRule rule) {
    if (rule instanceof FrequencyRule.EveryMinutes r) {
      return "Every " + r.minutes() + " minutes";
    }
    if (rule instanceof FrequencyRule.Daily r) {
      return r.days().equals(FrequencyRule.Daily.WORKDAYS) ? "Monday to Friday"
          : "Every " + r.days().stream().sorted().map(RhythmPage::day).collect(Collectors.joining(", "));
    }
    if (rule instanceof FrequencyRule.Weekly r) {
      return "Weekly on " + day(r.day());
    }
    if (rule instanceof FrequencyRule.NthWeekdayOfMonth r) {
      return "Monthly, " + ordinal(r.ordinal()) + " " + day(r.day());
    }
    if (rule instanceof FrequencyRule.NthWeekOfMonth r) {
      return "Monthly, " + day(r.day()) + " of the " + ordinal(r.week()) + " week";
    }
    if (rule instanceof FrequencyRule.LastWeekOfMonth r) {
      return "Monthly, last " + day(r.day());
    }
    if (rule instanceof FrequencyRule.LastWeeksOfQuarter r) {
      return "Quarterly, from the " + day(r.day()) + " starting the last " + r.weeks() + " weeks";
    }
    if (rule instanceof FrequencyRule.EndOfSprint) {
      return "Last working day of each sprint";
    }
    if (rule instanceof FrequencyRule.Quarterly r) {
      return "Quarterly, " + ordinal(r.ordinal()) + " " + day(r.day()) + " of the quarter's " + ordinal(r.month()) + " month";
    }
    return rule.ruleName();
  }

  private static String day(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String ordinal(int n) {
    return n + switch (n) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  private static String roleName(CompanyDefinition company, String id) {
    return company.roles().find(id).map(Role::name).orElse(id);
  }
}
