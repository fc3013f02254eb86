package io.companyos.render;

import java.util.Locale;

/**
 * The unit of a pack value; it decides how the number is written ("12", "99.95%", "$1,234",
 * "3.5 h") so that every renderer formats the same number the same way.
 */
public enum Unit {
  /** A whole count of things. */
  COUNT,
  /** A percentage already scaled to 0-100. */
  PERCENT,
  /** A duration in hours. */
  HOURS,
  /** A duration in days. */
  DAYS,
  /** An amount of money in US dollars. */
  USD,
  /** A score out of 100. */
  SCORE,
  /** A rate per day. */
  PER_DAY,
  /** A plain decimal number. */
  NUMBER,
  /** Story points. */
  POINTS,
  /** No number: the value is text only. */
  TEXT;

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Writes {@code v} in this unit with {@link Locale#ROOT} rules. */
  public String format(double v) {
    return switch (this) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(v));
      case PERCENT -> trim(String.format(Locale.ROOT, "%.2f", v)) + "%";
      case HOURS -> trim(String.format(Locale.ROOT, "%.1f", v)) + " h";
      case DAYS -> trim(String.format(Locale.ROOT, "%.1f", v)) + " d";
      case USD -> (v < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.0f", Math.abs(v));
      case SCORE -> String.format(Locale.ROOT, "%.0f", v);
      case PER_DAY -> trim(String.format(Locale.ROOT, "%.2f", v)) + "/day";
      case POINTS -> trim(String.format(Locale.ROOT, "%.1f", v)) + " pts";
      case NUMBER -> trim(String.format(Locale.ROOT, "%.2f", v));
      case TEXT -> trim(String.format(Locale.ROOT, "%.2f", v));
    };
  }

  /** Writes a change of {@code d} in this unit with an explicit sign ("+3", "-1.5 h"). */
  public String formatSigned(double d) {
    String s = format(Math.abs(d));
    if (d > 0) {
      return "+" + s;
    }
    return d < 0 ? "-" + s : s;
  }

  private static String trim(String s) {
    if (!s.contains(".")) {
      return s;
    }
    String t = s.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
