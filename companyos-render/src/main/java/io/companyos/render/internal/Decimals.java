package io.companyos.render.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Fixed-point number text, exactly as {@code String.format(Locale.ROOT, "%.Nf")} (and {@code "%,.Nf"},
 * {@code "%,d"}) writes it, without parsing a format string on every call: the number's shortest decimal
 * form rounded half-up, a minus sign for negative numbers that round to zero, commas between thousands
 * when grouped.
 */
public final class Decimals {
  private Decimals() {}

  /** {@code v} with {@code scale} decimals; with {@code grouping}, commas between thousands. */
  public static String fixed(double v, int scale, boolean grouping) {
    if (!Double.isFinite(v)) {
      return String.format(Locale.ROOT, grouping ? "%,." + scale + "f" : "%." + scale + "f", v);
    }
    String plain = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    if (negative && plain.charAt(0) != '-') {
      plain = "-" + plain;
    }
    return grouping ? group(plain) : plain;
  }

  /** {@code v} with at most {@code scale} decimals: trailing zeros and a trailing dot removed. */
  public static String trimmed(double v, int scale) {
    String s = fixed(v, scale, false);
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code n} with commas between thousands ({@code "%,d"}). */
  public static String grouped(long n) {
    return group(Long.toString(n));
  }

  private static String group(String plain) {
    int start = plain.charAt(0) == '-' ? 1 : 0;
    int dot = plain.indexOf('.');
    int intEnd = dot < 0 ? plain.length() : dot;
    int digits = intEnd - start;
    if (digits <= 3) {
      return plain;
    }
    StringBuilder sb = new StringBuilder(plain.length() + digits / 3);
    sb.append(plain, 0, start);
    for (int i = start; i < intEnd; i++) {
      if (i > start && (intEnd - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(plain.charAt(i));
    }
    sb.append(plain, intEnd, plain.length());
    return sb.toString();
  }
}
