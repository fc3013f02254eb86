package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.rhythm.FrequencyRule;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads a meeting's {@code frequency} mapping ({@code rule} plus that rule's keys) into a {@link FrequencyRule}. */
final class FrequencyRuleReader {
  static final Map<String, DayOfWeek> DAYS = Arrays.stream(DayOfWeek.values())
      .collect(Collectors.toMap(d -> d.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a,
          LinkedHashMap::new));

  /** The keys each rule accepts besides {@code rule}. */
  static final Map<String, List<String>> RULE_KEYS = rules();

  private final ProblemSink sink;

  FrequencyRuleReader(ProblemSink sink) {
    this.sink = sink;
  }

  private static Map<String, List<String>> rules() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("every_minutes", List.of("minutes"));
    m.put("daily", List.of("days"));
    m.put("weekly", List.of("day"));
    m.put("nth_weekday_of_month", List.of("ordinal", "day"));
    m.put("nth_week_of_month", List.of("week", "day"));
    m.put("last_week_of_month", List.of("day"));
    m.put("last_weeks_of_quarter", List.of("weeks", "day"));
    m.put("end_of_sprint", List.of());
    m.put("quarterly", List.of("month", "ordinal", "day"));
    return m;
  }

  @Nullable FrequencyRule read(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping mapping)) {
      MapView.wrongShape(sink, node, "'frequency'", "a mapping with 'rule' and the rule's keys");
      return null;
    }
    YamlNode.Entry ruleEntry = mapping.entry("rule");
    String rule = ruleEntry == null ? null : MapView.text(ruleEntry.value(), sink, "'rule'");
    if (ruleEntry == null) {
      sink.add(ProblemCode.MISSING_KEY, mapping.mark(), "'frequency' needs 'rule'",
          "one of: " + String.join(", ", RULE_KEYS.keySet()));
      return null;
    }
    if (rule == null) {
      return null;
    }
    List<String> keys = RULE_KEYS.get(rule);
    if (keys == null) {
      sink.add(ProblemCode.INVALID_CHOICE, ruleEntry.value().mark(), "'" + rule + "' is not a frequency rule",
          Suggestions.hint(rule, RULE_KEYS.keySet()));
      return null;
    }
    List<String> allowed = new ArrayList<>(keys);
    allowed.add("rule");
    MapView f = MapView.of(mapping, sink, "frequency rule '" + rule + "'", allowed).orElseThrow();
    return switch (rule) {
      case "every_minutes" -> build(f, () -> new FrequencyRule.EveryMinutes(req(f.integer("minutes", 1, 1440, true))));
      case "daily" -> daily(f);
      case "weekly" -> build(f, () -> new FrequencyRule.Weekly(req(day(f))));
      case "nth_weekday_of_month" -> {
        Integer n = f.integer("ordinal", 1, 4, true);
        DayOfWeek d = day(f);
        yield build(f, () -> new FrequencyRule.NthWeekdayOfMonth(req(n), req(d)));
      }
      case "nth_week_of_month" -> {
        Integer w = f.integer("week", 1, 4, true);
        DayOfWeek d = day(f);
        yield build(f, () -> new FrequencyRule.NthWeekOfMonth(req(w), req(d)));
      }
      case "last_week_of_month" -> build(f, () -> new FrequencyRule.LastWeekOfMonth(req(day(f))));
      case "last_weeks_of_quarter" -> {
        Integer w = f.integer("weeks", 1, 12, true);
        DayOfWeek d = day(f);
        yield build(f, () -> new FrequencyRule.LastWeeksOfQuarter(req(w), req(d)));
      }
      case "end_of_sprint" -> new FrequencyRule.EndOfSprint();
      default -> {
        Integer month = f.integer("month", 1, 3, true);
        Integer n = f.integer("ordinal", 1, 4, true);
        DayOfWeek d = day(f);
        yield build(f, () -> new FrequencyRule.Quarterly(req(month), req(n), req(d)));
      }
    };
  }

  private @Nullable FrequencyRule daily(MapView f) {
    if (!f.has("days")) {
      return new FrequencyRule.Daily(List.of(DayOfWeek.values()));
    }
    List<String> names = f.stringList("days");
    if (names == null) {
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (String n : names) {
      DayOfWeek d = DAYS.get(n);
      if (d == null) {
        sink.add(ProblemCode.INVALID_CHOICE, f.valueMark("days"), "'" + n + "' is not a day of the week",
            Suggestions.hint(n, DAYS.keySet()));
        return null;
      }
      days.add(d);
    }
    if (days.isEmpty() || new HashSet<>(days).size() != days.size()) {
      sink.add(ProblemCode.INVALID_VALUE, f.valueMark("days"), "'days' must list distinct days, at least one", null);
      return null;
    }
    return new FrequencyRule.Daily(days);
  }

  private @Nullable DayOfWeek day(MapView f) {
    return f.choice("day", DAYS, true);
  }

  /** Marks a value that was reported missing or invalid; {@link #build} turns it into null. */
  private static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing() {
      super(null, null, false, false);
    }
  }

  private static <T> T req(@Nullable T v) {
    if (v == null) {
      throw new Missing();
    }
    return v;
  }

  private @Nullable FrequencyRule build(MapView f, java.util.function.Supplier<FrequencyRule> s) {
    try {
      return s.get();
    } catch (Missing e) {
      return null;
    } catch (IllegalArgumentException e) {
      sink.add(ProblemCode.INVALID_VALUE, f.mark(), String.valueOf(e.getMessage()), null);
      return null;
    }
  }
}
