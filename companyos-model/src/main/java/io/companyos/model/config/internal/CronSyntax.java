package io.companyos.model.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the syntax of a standard 5-field cron expression (minute, hour, day of month, month, day of
 * week) as POSIX {@code crontab} and Vixie cron define it: {@code *}, numbers, ranges {@code a-b},
 * steps {@code /n}, comma lists, and {@code JAN}-{@code DEC} / {@code SUN}-{@code SAT} names.
 * Computing run times is the scheduler's job; this only tells the user early that a value is wrong.
 */
public final class CronSyntax {
  private record Field(String name, int min, int max, List<String> names) {}

  private static final List<Field> FIELDS = List.of(
      new Field("minute", 0, 59, List.of()),
      new Field("hour", 0, 23, List.of()),
      new Field("day of month", 1, 31, List.of()),
      new Field("month", 1, 12,
          List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
      new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

  private CronSyntax() {}

  /** Empty when {@code expression} is valid, else what is wrong with it. */
  public static Optional<String> problem(String expression) {
    String[] parts = expression.strip().split("\\s+");
    if (expression.isBlank() || parts.length != FIELDS.size()) {
      return Optional.of("'" + expression + "' has " + (expression.isBlank() ? 0 : parts.length)
          + " fields; cron needs 5 (minute hour day-of-month month day-of-week)");
    }
    for (int i = 0; i < parts.length; i++) {
      Optional<String> p = checkField(parts[i], FIELDS.get(i));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkField(String text, Field f) {
    for (String item : text.split(",", -1)) {
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        Integer step = number(item.substring(slash + 1), List.of(), 0);
        if (step == null || step < 1 || step > f.max()) {
          return Optional.of("the step in " + f.name() + " '" + item + "' must be 1 to " + f.max());
        }
      }
      if (range.equals("*")) {
        continue;
      }
      String[] ends = range.split("-", -1);
      if (ends.length > 2) {
        return Optional.of(f.name() + " '" + item + "' is not a number, range or list");
      }
      Integer low = number(ends[0], f.names(), f.min());
      Integer high = ends.length == 2 ? number(ends[1], f.names(), f.min()) : low;
      if (low == null || high == null) {
        return Optional.of(f.name() + " '" + item + "' is not a number, range or list");
      }
      if (low < f.min() || high > f.max() || low > f.max() || high < f.min()) {
        return Optional.of(f.name() + " '" + item + "' is outside " + f.min() + "-" + f.max());
      }
      if (low > high) {
        return Optional.of(f.name() + " range '" + item + "' runs backwards");
      }
    }
    return Optional.empty();
  }

  private static @Nullable Integer number(String s, List<String> names, int firstNameValue) {
    if (s.matches("[0-9]{1,2}")) {
      return Integer.parseInt(s);
    }
    int i = names.indexOf(s.toUpperCase(Locale.ROOT));
    return i < 0 ? null : i + firstNameValue;
  }
}
