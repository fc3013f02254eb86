package io.companyos.render;

import io.companyos.render.internal.Decimals;
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
  /** A score out of 100, written with the one decimal the scorer rounds to (never rounded a second time). */
  SCORE,
  /** A rate per day. */
  PER_DAY,
  /** A plain decimal number. */
  NUMBER,
  /** Story points. */
  POINTS,
  /** No number: the value is text only. */
  TEXT;

  /**
   * The name used in JSON.
   *
   * @return the constant's name in lower case ({@code per_day})
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Writes {@code v} in this unit with {@link Locale#ROOT} rules: counts rounded and grouped ("1,234"),
   * dollars without cents ("$1,234"), scores with one decimal, other units with up to two (one for hours, days
   * and points) and no trailing zeros.
   *
   * @param v the number
   * @return the written number with its unit sign or suffix ("99.95%", "3.5 h", "2/day")
   */
  public String format(double v) {
    return switch (this) {
      case COUNT -> Decimals.grouped(Math.round(v));
      case PERCENT -> Decimals.trimmed(v, 2) + "%";
      case HOURS -> Decimals.trimmed(v, 1) + " h";
      case DAYS -> Decimals.trimmed(v, 1) + " d";
      case USD -> (v < 0 ? "-$" : "$") + Decimals.fixed(Math.abs(v), 0, true);
      case SCORE -> Decimals.fixed(v, 1, false);
      case PER_DAY -> Decimals.trimmed(v, 2) + "/day";
      case POINTS -> Decimals.trimmed(v, 1) + " pts";
      case NUMBER, TEXT -> Decimals.trimmed(v, 2);
    };
  }

  /**
   * Writes a change of {@code d} in this unit with an explicit sign ("+3", "-1.5 h").
   *
   * @param d the change
   * @return the written change, signed unless it is zero
   */
  public String formatSigned(double d) {
    String s = format(Math.abs(d));
    if (d > 0) {
      return "+" + s;
    }
    return d < 0 ? "-" + s : s;
  }
}
