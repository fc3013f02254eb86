package io.companyos.model.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short duration notation of the seed's YAML ({@code 7d}, {@code 24h}, {@code 30m}, {@code 2w},
 * {@code 45s}): one whole number of at most nine digits followed by one unit letter (the bound keeps
 * every unit far inside a {@link Duration}). Packs and health checks use it
 * for look-backs, lead times and intervals, so it has exactly one parser and one printer.
 */
public final class Durations {
  private static final Pattern SHORT_FORM = Pattern.compile("([0-9]{1,9})([smhdw])");

  private Durations() {}

  /**
   * Parses {@code <number><unit>} with unit {@code s}, {@code m}, {@code h}, {@code d} (24h) or
   * {@code w} (7d). Zero is allowed here; callers that need a positive duration check it.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Duration parse(String text) {
    Matcher m = SHORT_FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a whole number and a unit: 30s, 30m, 24h, 7d or 2w");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).charAt(0)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** True when {@link #parse} would accept {@code text}. */
  public static boolean isValid(String text) {
    return SHORT_FORM.matcher(text.strip()).matches();
  }

  /**
   * Prints a duration in the largest unit that divides it exactly ({@code 14d} prints as {@code 2w},
   * {@code 90m} as {@code 90m}); {@code parse(format(d))} equals {@code d} for whole seconds.
   *
   * @throws IllegalArgumentException for negative durations or fractions of a second
   */
  public static String format(Duration d) {
    if (d.isNegative() || d.getNano() != 0) {
      throw new IllegalArgumentException("cannot write " + d + " in the short form");
    }
    long s = d.getSeconds();
    if (s == 0) {
      return "0s";
    }
    long[] sizes = {7L * 86_400, 86_400, 3_600, 60, 1};
    String[] units = {"w", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s % sizes[i] == 0) {
        return String.format(Locale.ROOT, "%d%s", s / sizes[i], units[i]);
      }
    }
    throw new AssertionError("unreachable: 1s divides every whole-second duration");
  }
}
