package io.companyos.connectors.security;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The four severities of the Vulnerability record and how scanners' words and CVSS scores map to them
 * (docs/connectors.md, "Severity"). A score of 0.0 or a word such as "none", "unknown" or "negligible"
 * gives no severity: such findings are left out and counted in the provenance.
 */
public final class Severity {
  /** From most to least severe. */
  public static final List<String> ALL = List.of("critical", "high", "medium", "low");

  private static final BigDecimal NINE = new BigDecimal("9.0");
  private static final BigDecimal SEVEN = new BigDecimal("7.0");
  private static final BigDecimal FOUR = new BigDecimal("4.0");
  private static final BigDecimal TEN = BigDecimal.TEN;

  private Severity() {}

  /**
   * The CVSS band of {@code score}: 9.0–10.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low, 0.0 none
   * (null).
   *
   * @throws IllegalArgumentException when the score lies outside 0–10
   */
  public static @Nullable String fromScore(BigDecimal score) {
    if (score.signum() < 0 || score.compareTo(TEN) > 0) {
      throw new IllegalArgumentException("CVSS score " + score.toPlainString() + " is outside 0.0-10.0");
    }
    if (score.compareTo(NINE) >= 0) {
      return "critical";
    }
    if (score.compareTo(SEVEN) >= 0) {
      return "high";
    }
    if (score.compareTo(FOUR) >= 0) {
      return "medium";
    }
    return score.signum() > 0 ? "low" : null;
  }

  /**
   * A scanner's or database's word: critical; high or important; medium or moderate; low. Anything else
   * (none, info, negligible, unknown, unspecified) is null. Case does not matter.
   */
  public static @Nullable String fromWord(@Nullable String word) {
    if (word == null) {
      return null;
    }
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "critical" -> "critical";
      case "high", "important" -> "high";
      case "medium", "moderate" -> "medium";
      case "low" -> "low";
      default -> null;
    };
  }

  /** The more severe of two severities (either may be null). */
  static @Nullable String worse(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return ALL.indexOf(a) <= ALL.indexOf(b) ? a : b;
  }
}
