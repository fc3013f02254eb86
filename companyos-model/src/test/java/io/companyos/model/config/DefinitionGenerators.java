package io.companyos.model.config;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.check.Threshold;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.ParamSpec;
import io.companyos.model.pack.Recipient;
import io.companyos.model.pack.SectionSpec;
import io.companyos.model.pack.SectionType;
import io.companyos.model.pack.SectionTypeRegistry;
import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.Cadence;
import io.companyos.model.rhythm.FrequencyRule;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import io.companyos.model.time.SprintCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** QuickTheories generators of valid definitions, built from the section-type registry's declarations. */
final class DefinitionGenerators {
  /** Text that is awkward in YAML: indicators, look-alikes of numbers, booleans, nulls and times. */
  private static final List<String> TRICKY = List.of("yes", "no", "null", "~", "0.5", "10:00", "#ops-review",
      "{{recipients}}", "- item", "a: b", "'quoted'", "\"double\"", "Ünïcödé", "[x]", "&anchor", "*alias", "%", "@",
      "multi\nline", " padded ", "tab\there");
  private static final List<ZoneId> ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
  private static final List<String> UNITS = List.of("s", "m", "h", "d", "w");

  private DefinitionGenerators() {}

  static Gen<PackDefinition> packs() {
    return DefinitionGenerators::pack;
  }

  static Gen<HealthChecks> healthChecks() {
    return in -> {
      int n = (int) between(in, 0, 4);
      Set<String> names = new LinkedHashSet<>();
      List<HealthCheck> checks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = text(in) + i;
        if (names.add(name)) {
          Threshold.Operator op = pick(in, List.of(Threshold.Operator.values()));
          double value = between(in, -1000, 1000) / Math.pow(10, between(in, 0, 3));
          String severity = between(in, 0, 1) == 0 ? null : pick(in, HealthCheck.SEVERITIES);
          checks.add(new HealthCheck(name, text(in), new Threshold(op, value == 0 ? 0 : value), text(in), between(in, 0, 1) == 1,
              severity));
        }
      }
      // The built-in RACI's activities, so that the round trip through the loader resolves the reference.
      io.companyos.model.check.EscalationPolicy escalation = between(in, 0, 1) == 0 ? io.companyos.model.check.EscalationPolicy.DEFAULT
          : new io.companyos.model.check.EscalationPolicy((int) between(in, 1, 9), text(in),
              between(in, 0, 1) == 0 ? null : pick(in, List.of("Daily Health Check", "Weekly Security")));
      return new HealthChecks(duration(in), checks, escalation);
    };
  }

  static Gen<Rhythm> rhythms() {
    return in -> {
      int n = (int) between(in, 0, 4);
      List<Meeting> meetings = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        FrequencyRule rule = rule(in);
        LocalTime time = LocalTime.of((int) between(in, 0, 23), (int) between(in, 0, 59));
        List<AgendaItem> agenda = new ArrayList<>();
        for (int a = 0, k = (int) between(in, 0, 3); a < k; a++) {
          agenda.add(new AgendaItem(text(in), (int) between(in, 1, 120), between(in, 0, 1) == 0 ? "" : text(in)));
        }
        meetings.add(new Meeting("meeting-" + i, text(in), pick(in, List.of(Cadence.values())), text(in), rule, time,
            pick(in, ZONES), between(in, 0, 1) == 0 ? null : duration(in), role(in), List.of(role(in)), text(in),
            agenda));
      }
      SprintCalendar sprints = new SprintCalendar(LocalDate.of(2020, 1, 6).plusDays(between(in, 0, 2000)),
          (int) between(in, 1, 366));
      return new Rhythm(meetings, sprints);
    };
  }

  private static FrequencyRule rule(RandomnessSource in) {
    DayOfWeek day = pick(in, List.of(DayOfWeek.values()));
    int n = (int) between(in, 1, 4);
    return switch ((int) between(in, 0, 8)) {
      case 0 -> new FrequencyRule.EveryMinutes((int) between(in, 1, 1440));
      case 1 -> new FrequencyRule.Daily(List.of(day));
      case 2 -> new FrequencyRule.Weekly(day);
      case 3 -> new FrequencyRule.NthWeekdayOfMonth(n, day);
      case 4 -> new FrequencyRule.NthWeekOfMonth(n, day);
      case 5 -> new FrequencyRule.LastWeekOfMonth(day);
      case 6 -> new FrequencyRule.LastWeeksOfQuarter(n, day);
      case 7 -> new FrequencyRule.EndOfSprint();
      default -> new FrequencyRule.Quarterly((int) between(in, 1, 3), n, day);
    };
  }

  private static PackDefinition pack(RandomnessSource in) {
    List<SectionType> types = SectionTypeRegistry.builtin().types();
    List<SectionSpec> sections = new ArrayList<>();
    for (int i = 0, n = (int) between(in, 1, 5); i < n; i++) {
      SectionType t = pick(in, types);
      Map<String, Object> params = new LinkedHashMap<>();
      for (ParamSpec p : t.params().values()) {
        if (between(in, 0, 2) == 0) {
          params.put(p.name(), value(in, p));
        }
      }
      sections.add(new SectionSpec(t.name(), params));
    }
    List<Recipient> recipients = new ArrayList<>();
    for (int i = 0, n = (int) between(in, 0, 3); i < n; i++) {
      recipients.add(new Recipient(role(in)));
    }
    List<Delivery> delivery = new ArrayList<>();
    for (int i = 0, n = (int) between(in, 0, 3); i < n; i++) {
      DeliveryChannel c = pick(in, List.of(DeliveryChannel.values()));
      delivery.add(c.usesUrl() ? Delivery.dashboard("/dashboards/" + text(in)) : Delivery.to(c, text(in)));
    }
    boolean hasMeeting = between(in, 0, 1) == 0;
    String schedule = !hasMeeting || between(in, 0, 1) == 0 ? cron(in) : null;
    return new PackDefinition("pack-" + between(in, 0, 99), text(in), schedule, pick(in, ZONES),
        hasMeeting ? pick(in, BuiltinDefinitions.PACK_IDS) : null, between(in, 0, 1) == 0 ? null : duration(in),
        recipients, sections, delivery);
  }

  private static Object value(RandomnessSource in, ParamSpec p) {
    return switch (p.type()) {
      case STRING -> text(in);
      case CHOICE -> pick(in, p.choices());
      case STRING_LIST -> {
        List<String> items = new ArrayList<>();
        for (int i = 0, n = (int) between(in, 1, 3); i < n; i++) {
          items.add(p.choices().isEmpty() ? text(in) : pick(in, p.choices()));
        }
        yield items;
      }
      case ROLE_LIST -> List.of(role(in), role(in));
      case BOOLEAN -> between(in, 0, 1) == 1;
      case DECIMAL -> {
        BigDecimal low = p.min() != null ? p.min() : BigDecimal.valueOf(-1000);
        BigDecimal high = p.max() != null ? p.max() : BigDecimal.valueOf(1000);
        int scale = (int) between(in, 0, 3);
        long steps = high.subtract(low).movePointRight(scale).longValue();
        yield low.setScale(scale).add(BigDecimal.valueOf(between(in, 0, steps), scale));
      }
      case INTEGER -> (int) between(in, p.min() == null ? -1000 : p.min().longValue(),
          p.max() == null ? 1000 : p.max().longValue());
      case DURATION -> duration(in);
    };
  }

  private static String cron(RandomnessSource in) {
    return between(in, 0, 59) + " " + between(in, 0, 23) + " * * " + between(in, 0, 6) + "-" + between(in, 6, 7);
  }

  private static Duration duration(RandomnessSource in) {
    long n = between(in, 1, 500);
    return io.companyos.model.time.Durations.parse(n + pick(in, UNITS));
  }

  private static String role(RandomnessSource in) {
    return pick(in, BuiltinDefinitions.load().roles().ids());
  }

  private static String text(RandomnessSource in) {
    if (between(in, 0, 3) == 0) {
      return pick(in, TRICKY);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = (int) between(in, 1, 12); i < n; i++) {
      sb.append((char) between(in, 0x21, 0x7e));
    }
    return sb.toString();
  }

  private static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get((int) between(in, 0, from.size() - 1));
  }

  private static long between(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }
}
