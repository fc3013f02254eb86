package io.companyos.scoring.finops;

import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The budget of a window, and spend against it. Budgets are set per calendar month; a window gets, from each
 * month it touches, that month's budget times the share of the month's time the window covers (November 1–22
 * gets 22/30 of November's budget; a quarter to date gets all of October and 22/30 of November). This is
 * the one definition of "spend vs budget" (FinOps Foundation, "Budgeting" capability: compare like periods).
 */
public final class CloudBudget {
  private CloudBudget() {}

  /**
   * The budget of {@code w}: the sum over the months it touches of {@code monthly}'s budget times the covered
   * share of that month. Empty when a touched month has no budget.
   *
   * @param w the half-open window {@code [start, end)}
   * @param zone the time zone of the calendar months
   * @param monthly the budget of a month, empty when it has none
   * @return the window's budget; empty for an empty window or when a touched month has no budget
   */
  public static OptionalDouble proRated(TimeWindow w, ZoneId zone, Function<YearMonth, OptionalDouble> monthly) {
    if (w.isEmpty()) {
      return OptionalDouble.empty();
    }
    double total = 0;
    YearMonth m = YearMonth.from(w.start().atZone(zone));
    YearMonth last = YearMonth.from(w.end().minusNanos(1).atZone(zone));
    while (!m.isAfter(last)) {
      OptionalDouble b = monthly.apply(m);
      if (b.isEmpty()) {
        return OptionalDouble.empty();
      }
      Instant ms = m.atDay(1).atStartOfDay(zone).toInstant();
      Instant me = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      Instant from = w.start().isAfter(ms) ? w.start() : ms;
      Instant to = w.end().isBefore(me) ? w.end() : me;
      double share = (double) Duration.between(from, to).toSeconds() / Duration.between(ms, me).toSeconds();
      total += b.getAsDouble() * share;
      m = m.plusMonths(1);
    }
    return OptionalDouble.of(total);
  }

  /**
   * True when {@link #proRated} gives only part of a month's budget for {@code w}: the window does not end at the
   * start of a month in {@code zone}, so the budget of its last month is pro-rated (packs label it so).
   *
   * @param w the window
   * @param zone the time zone of the calendar months
   * @return whether the window's end is not midnight of the first of a month
   */
  public static boolean isProRated(TimeWindow w, ZoneId zone) {
    java.time.ZonedDateTime end = w.end().atZone(zone);
    return !(end.getDayOfMonth() == 1 && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
  }

  /**
   * A cost per MAU against its target: {@code perMau / target} (1.05 = 5% over target); empty without a value or a
   * positive target.
   *
   * @param perMau the cost per MAU
   * @param target the target cost per MAU, same currency; null when none is set
   * @return the ratio; empty without a value or a positive target
   */
  public static OptionalDouble againstTarget(OptionalDouble perMau, @org.jspecify.annotations.Nullable Double target) {
    return target == null || !(target > 0) || perMau.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(perMau.getAsDouble() / target);
  }

  /**
   * Spend against the window's budget in percent ({@link Variance#vsBudget}).
   *
   * @param spend the window's spend
   * @param budget the window's budget ({@link #proRated})
   * @return the variance in percent, positive when over; empty without a positive budget
   */
  public static OptionalDouble variancePercent(double spend, OptionalDouble budget) {
    return budget.isPresent() && budget.getAsDouble() > 0 ? Variance.vsBudget(spend, budget.getAsDouble()) : OptionalDouble.empty();
  }

  /**
   * Cost per monthly active user: the spend of the 30 days ending at the window's end divided by the distinct
   * users active (any event but sign-up) in the same 30 days. Both sides use one window, so the ratio needs
   * no day-count scaling. Empty without users.
   *
   * @param spend30 spend over {@link #mauWindow(TimeWindow)}
   * @param mau distinct active users over the same window
   * @return the cost per MAU in the spend's currency; empty when {@code mau} is 0
   */
  public static OptionalDouble costPerMau(double spend30, long mau) {
    return mau > 0 ? OptionalDouble.of(spend30 / mau) : OptionalDouble.empty();
  }

  /**
   * The window cost per MAU is computed over.
   *
   * @param w the reporting window
   * @return the 30 days ending at {@code w}'s end
   */
  public static TimeWindow mauWindow(TimeWindow w) {
    return TimeWindow.ending(w.end(), Duration.ofDays(30));
  }
}
