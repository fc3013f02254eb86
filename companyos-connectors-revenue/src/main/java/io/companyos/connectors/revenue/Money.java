package io.companyos.connectors.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Amounts as Stripe writes them, in the currency's minor unit, and the annual rule: ARR = the recurring amount per
 * interval × the intervals in a year ({@code day} 365, {@code week} 52, {@code month} 12, {@code year} 1) ÷
 * {@code interval_count}, converted to the major unit by the currency's exponent.
 */
final class Money {
  /** Stripe's zero-decimal currencies: amounts are whole units. */
  static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx",
      "vnd", "vuv", "xaf", "xof", "xpf");
  /** Stripe's three-decimal currencies. */
  static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

  private Money() {}

  /** How often a price recurs: {@code interval} ({@code day}, {@code week}, {@code month}, {@code year}) × {@code count}. */
  record Recurrence(String interval, long count) {
    /** Billing periods in a year. */
    BigDecimal perYear() {
      long n = switch (interval) {
        case "day" -> 365;
        case "week" -> 52;
        case "month" -> 12;
        default -> 1;
      };
      return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(count), 12, RoundingMode.HALF_EVEN);
    }
  }

  /** The exponent of a currency: 0, 3 or 2 digits after the point. */
  static int exponent(String currency) {
    return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
  }

  /** An amount in minor units, recurring as given, as ARR in the major unit (unrounded). */
  static BigDecimal annual(BigDecimal minor, Recurrence r, String currency) {
    return minor.multiply(r.perYear()).movePointLeft(exponent(currency));
  }

  /** An ARR rounded to the currency's digits (at least cents). */
  static BigDecimal round(BigDecimal arr, String currency) {
    return arr.setScale(Math.max(2, exponent(currency)), RoundingMode.HALF_EVEN);
  }
}
