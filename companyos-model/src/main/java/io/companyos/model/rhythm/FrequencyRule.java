package io.companyos.model.rhythm;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a meeting recurs, as the seed states it ("every 5 minutes", "first Monday", "second week",
 * "last week", "last 2 weeks of quarter", "end of sprint"). The time of day lives on the
 * {@link Meeting}; the scheduler turns a rule plus that time into concrete occurrences.
 */
public sealed interface FrequencyRule {

  /** The YAML name of the rule, the value of {@code frequency.rule}. */
  String ruleName();

  /** Automated checks that run every {@code minutes} minutes around the clock. */
  record EveryMinutes(int minutes) implements FrequencyRule {
    public EveryMinutes {
      if (minutes < 1) {
        throw new IllegalArgumentException("minutes must be at least 1, got " + minutes);
      }
    }

    @Override
    public String ruleName() {
      return "every_minutes";
    }
  }

  /** Once a day on each of {@code days} (all seven when the YAML omits them). */
  record Daily(List<DayOfWeek> days) implements FrequencyRule {
    /** Monday to Friday, the usual working-day standup. */
    public static final List<DayOfWeek> WORKDAYS = List.of(
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public Daily {
      days = List.copyOf(days);
      if (days.isEmpty() || Set.copyOf(days).size() != days.size()) {
        throw new IllegalArgumentException("days must be non-empty and distinct: " + days);
      }
    }

    @Override
    public String ruleName() {
      return "daily";
    }
  }

  /** Once a week on {@code day}. */
  record Weekly(DayOfWeek day) implements FrequencyRule {
    public Weekly {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public String ruleName() {
      return "weekly";
    }
  }

  /** The {@code ordinal}-th (1-4) {@code day} of each month, e.g. "first Monday". */
  record NthWeekdayOfMonth(int ordinal, DayOfWeek day) implements FrequencyRule {
    public NthWeekdayOfMonth {
      Objects.requireNonNull(day, "day");
      if (ordinal < 1 || ordinal > 4) {
        throw new IllegalArgumentException("ordinal must be 1 to 4, got " + ordinal);
      }
    }

    @Override
    public String ruleName() {
      return "nth_weekday_of_month";
    }
  }

  /**
   * On {@code day} during week {@code week} (1-4) of each month, where week n covers days
   * {@code 7n-6} to {@code 7n}: "second week" is days 8-14.
   */
  record NthWeekOfMonth(int week, DayOfWeek day) implements FrequencyRule {
    public NthWeekOfMonth {
      Objects.requireNonNull(day, "day");
      if (week < 1 || week > 4) {
        throw new IllegalArgumentException("week must be 1 to 4, got " + week);
      }
    }

    @Override
    public String ruleName() {
      return "nth_week_of_month";
    }
  }

  /** On the last {@code day} of each month ("last week"). */
  record LastWeekOfMonth(DayOfWeek day) implements FrequencyRule {
    public LastWeekOfMonth {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public String ruleName() {
      return "last_week_of_month";
    }
  }

  /**
   * During the last {@code weeks} weeks of each calendar quarter, starting on the first {@code day}
   * of that stretch ("last 2 weeks of quarter").
   */
  record LastWeeksOfQuarter(int weeks, DayOfWeek day) implements FrequencyRule {
    public LastWeeksOfQuarter {
      Objects.requireNonNull(day, "day");
      if (weeks < 1 || weeks > 12) {
        throw new IllegalArgumentException("weeks must be 1 to 12, got " + weeks);
      }
    }

    @Override
    public String ruleName() {
      return "last_weeks_of_quarter";
    }
  }

  /**
   * On the last working day (Monday to Friday) of every sprint; {@link Rhythm#sprints()} says where
   * sprints fall.
   */
  record EndOfSprint() implements FrequencyRule {
    @Override
    public String ruleName() {
      return "end_of_sprint";
    }
  }

  /**
   * Once a quarter on the {@code ordinal}-th (1-4) {@code day} of month {@code month} (1-3) of the
   * quarter; the QBR reviewing a finished quarter runs early in the next one.
   */
  record Quarterly(int month, int ordinal, DayOfWeek day) implements FrequencyRule {
    public Quarterly {
      Objects.requireNonNull(day, "day");
      if (month < 1 || month > 3) {
        throw new IllegalArgumentException("month of quarter must be 1 to 3, got " + month);
      }
      if (ordinal < 1 || ordinal > 4) {
        throw new IllegalArgumentException("ordinal must be 1 to 4, got " + ordinal);
      }
    }

    @Override
    public String ruleName() {
      return "quarterly";
    }
  }
}
