package io.companyos.model.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * One reporting period: whole local days {@code [start, end)} of a given kind, for example ISO week
 * 2026-W05 or quarter 2026-Q1. Packs show "this period" next to {@link #previous()}, and
 * {@link #toWindow(ZoneId)} turns the period into the instants sources are queried with.
 */
public record Period(PeriodKind kind, LocalDate start, LocalDate end, String label) {

  public Period {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(label, "label");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("period end " + end + " must be after start " + start);
    }
  }

  /** The calendar period of {@code kind} containing {@code date}; sprints use {@link SprintCalendar#DEFAULT}. */
  public static Period containing(PeriodKind kind, LocalDate date) {
    return containing(kind, date, SprintCalendar.DEFAULT);
  }

  /** The period of {@code kind} containing {@code date}, with sprints placed by {@code sprints}. */
  public static Period containing(PeriodKind kind, LocalDate date, SprintCalendar sprints) {
    return switch (kind) {
      case DAY -> new Period(kind, date, date.plusDays(1), date.toString());
      case WEEK -> {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(Locale.ROOT, "%d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        yield new Period(kind, monday, monday.plusWeeks(1), label);
      }
      case SPRINT -> {
        long n = sprints.sprintNumber(date);
        LocalDate first = sprints.startOf(n);
        yield new Period(kind, first, first.plusDays(sprints.lengthDays()), "Sprint " + n);
      }
      case MONTH -> {
        LocalDate first = date.withDayOfMonth(1);
        yield new Period(kind, first, first.plusMonths(1),
            String.format(Locale.ROOT, "%d-%02d", first.getYear(), first.getMonthValue()));
      }
      case QUARTER -> {
        int q = (date.getMonthValue() - 1) / 3 + 1;
        LocalDate first = LocalDate.of(date.getYear(), (q - 1) * 3 + 1, 1);
        yield new Period(kind, first, first.plusMonths(3),
            String.format(Locale.ROOT, "%d-Q%d", first.getYear(), q));
      }
    };
  }

  /**
   * The period of the same kind just before this one. Sprints step back by this period's length, so
   * the previous of "Sprint 12" is "Sprint 11" for any {@link SprintCalendar}.
   */
  public Period previous() {
    if (kind == PeriodKind.SPRINT) {
      long days = ChronoUnit.DAYS.between(start, end);
      return new Period(kind, start.minusDays(days), start, previousSprintLabel());
    }
    return containing(kind, start.minusDays(1));
  }

  private String previousSprintLabel() {
    String digits = label.replaceFirst("^Sprint ", "");
    if (digits.matches("-?[0-9]{1,18}")) {
      return "Sprint " + (Long.parseLong(digits) - 1);
    }
    return "before " + label;
  }

  /** True when {@code date} lies in {@code [start, end)}. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  /** The half-open instant window from the start of {@code start} to the start of {@code end} in {@code zone}. */
  public TimeWindow toWindow(ZoneId zone) {
    return new TimeWindow(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
  }

  @Override
  public String toString() {
    return label;
  }
}
