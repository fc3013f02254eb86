package io.companyos.connectors.security;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The CVSS v3.0/v3.1 base score of a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H},
 * by the formula of the FIRST specification (section 7.1), with its Roundup. Temporal and environmental
 * metrics in the vector are allowed and do not change the base score.
 */
public final class Cvss3 {
  private Cvss3() {}

  /**
   * The base score, 0.0–10.0, with one decimal.
   *
   * @throws IllegalArgumentException when the vector is not a CVSS 3 vector with all eight base metrics
   */
  public static BigDecimal baseScore(String vector) {
    String[] parts = vector.strip().split("/");
    if (parts.length < 9 || !(parts[0].equals("CVSS:3.0") || parts[0].equals("CVSS:3.1"))) {
      throw new IllegalArgumentException("'" + vector + "' is not a CVSS:3.0 or CVSS:3.1 vector with the eight base metrics");
    }
    Map<String, String> m = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      if (colon <= 0 || m.put(parts[i].substring(0, colon), parts[i].substring(colon + 1)) != null) {
        throw new IllegalArgumentException("'" + vector + "': '" + parts[i] + "' is not a metric given once");
      }
    }
    boolean changed = switch (need(m, "S", vector)) {
      case "U" -> false;
      case "C" -> true;
      default -> throw bad(vector, "S");
    };
    double av = switch (need(m, "AV", vector)) {
      case "N" -> 0.85;
      case "A" -> 0.62;
      case "L" -> 0.55;
      case "P" -> 0.2;
      default -> throw bad(vector, "AV");
    };
    double ac = switch (need(m, "AC", vector)) {
      case "L" -> 0.77;
      case "H" -> 0.44;
      default -> throw bad(vector, "AC");
    };
    double pr = switch (need(m, "PR", vector)) {
      case "N" -> 0.85;
      case "L" -> changed ? 0.68 : 0.62;
      case "H" -> changed ? 0.5 : 0.27;
      default -> throw bad(vector, "PR");
    };
    double ui = switch (need(m, "UI", vector)) {
      case "N" -> 0.85;
      case "R" -> 0.62;
      default -> throw bad(vector, "UI");
    };
    double c = cia(m, "C", vector);
    double i = cia(m, "I", vector);
    double a = cia(m, "A", vector);
    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    double score;
    if (impact <= 0) {
      score = 0;
    } else if (changed) {
      score = roundUp(Math.min(1.08 * (impact + exploitability), 10));
    } else {
      score = roundUp(Math.min(impact + exploitability, 10));
    }
    return BigDecimal.valueOf(score).setScale(1, java.math.RoundingMode.HALF_UP);
  }

  /** CVSS 3.1's Roundup: the smallest number with one decimal that is equal to or higher than its input. */
  static double roundUp(double x) {
    long n = Math.round(x * 100000);
    if (n % 10000 == 0) {
      return n / 100000.0;
    }
    return (Math.floor(n / 10000.0) + 1) / 10.0;
  }

  private static double cia(Map<String, String> m, String key, String vector) {
    return switch (need(m, key, vector)) {
      case "H" -> 0.56;
      case "L" -> 0.22;
      case "N" -> 0;
      default -> throw bad(vector, key);
    };
  }

  private static String need(Map<String, String> m, String key, String vector) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("'" + vector + "' has no " + key + " metric");
    }
    return v;
  }

  private static IllegalArgumentException bad(String vector, String key) {
    return new IllegalArgumentException("'" + vector + "': the value of " + key + " is not one CVSS 3 defines");
  }
}
