package io.companyos.spark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a Spark result was approximated, as data: which approximate aggregates were used and the error bound asked for
 * each, so a job or a pack reads the bound instead of parsing a sentence. A result may use both kinds.
 *
 * <pre>{@code
 * Approximation a = Approximation.distinctCounts(0.01);
 * a.relativeStandardDeviation(); // OptionalDouble[0.01]
 * a.text();                      // "≈ HyperLogLog++ distinct counts, relative standard deviation 1%"
 * }</pre>
 *
 * @param relativeStandardDeviation the HyperLogLog++ relative standard deviation of the distinct counts, in (0, 0.39],
 *     or empty when they are exact
 * @param medianAccuracy the {@code percentile_approx} accuracy of the medians, at least 1, or empty when they are exact
 */
public record Approximation(OptionalDouble relativeStandardDeviation, OptionalInt medianAccuracy) {
  /** An approximate aggregate a result may use. */
  public enum Kind {
    /** Distinct counts by HyperLogLog++ ({@code approx_count_distinct}), bounded by a relative standard deviation. */
    DISTINCT_COUNTS,
    /** Medians by {@code percentile_approx}, bounded by an accuracy: a rank error of at most 1 / accuracy. */
    MEDIANS
  }

  /**
   * Checks the bounds.
   *
   * @param relativeStandardDeviation the HyperLogLog++ relative standard deviation, or empty
   * @param medianAccuracy the {@code percentile_approx} accuracy, or empty
   * @throws IllegalArgumentException if both are empty, or a bound is outside Spark's range
   */
  public Approximation {
    if (relativeStandardDeviation.isEmpty() && medianAccuracy.isEmpty()) {
      throw new IllegalArgumentException("an approximation needs a relative standard deviation, a median accuracy or both");
    }
    if (relativeStandardDeviation.isPresent()) {
      double d = relativeStandardDeviation.getAsDouble();
      if (!(d > 0 && d <= 0.39)) {
        throw new IllegalArgumentException("relative standard deviation must be in (0, 0.39], was " + d);
      }
    }
    if (medianAccuracy.isPresent() && medianAccuracy.getAsInt() < 1) {
      throw new IllegalArgumentException("median accuracy must be at least 1, was " + medianAccuracy.getAsInt());
    }
  }

  /**
   * Distinct counts by HyperLogLog++ at this relative standard deviation.
   *
   * @param relativeStandardDeviation in (0, 0.39]; 0.01 is 1 %
   * @return the approximation
   */
  public static Approximation distinctCounts(double relativeStandardDeviation) {
    return new Approximation(OptionalDouble.of(relativeStandardDeviation), OptionalInt.empty());
  }

  /**
   * Medians by {@code percentile_approx} at this accuracy.
   *
   * @param accuracy at least 1; 1000 is a rank error of 0.1 %
   * @return the approximation
   */
  public static Approximation medians(int accuracy) {
    return new Approximation(OptionalDouble.empty(), OptionalInt.of(accuracy));
  }

  /**
   * This approximation and another, as used together by one result; where both bound the same kind, the other's bound
   * is taken.
   *
   * @param other the other approximation
   * @return both
   */
  public Approximation and(Approximation other) {
    return new Approximation(other.relativeStandardDeviation.isPresent() ? other.relativeStandardDeviation
        : relativeStandardDeviation, other.medianAccuracy.isPresent() ? other.medianAccuracy : medianAccuracy);
  }

  /**
   * The kinds of approximate aggregate used.
   *
   * @return one or both kinds
   */
  public Set<Kind> kinds() {
    EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (relativeStandardDeviation.isPresent()) {
      kinds.add(Kind.DISTINCT_COUNTS);
    }
    if (medianAccuracy.isPresent()) {
      kinds.add(Kind.MEDIANS);
    }
    return Set.copyOf(kinds);
  }

  /**
   * Whether this kind of approximate aggregate was used.
   *
   * @param kind the kind
   * @return true when it was
   */
  public boolean uses(Kind kind) {
    return kind == Kind.DISTINCT_COUNTS ? relativeStandardDeviation.isPresent() : medianAccuracy.isPresent();
  }

  /**
   * The approximation in words, as {@link SparkResult#approximation()} gives it: one sentence per kind, distinct counts
   * first, joined by {@code "; "}.
   *
   * @return e.g. {@code ≈ medians by percentile_approx, accuracy 1000: rank error at most 0.1% of the values counted}
   */
  public String text() {
    List<String> parts = new ArrayList<>(2);
    if (relativeStandardDeviation.isPresent()) {
      parts.add(String.format(Locale.ROOT, "≈ HyperLogLog++ distinct counts, relative standard deviation %s%%",
          BigDecimal.valueOf(relativeStandardDeviation.getAsDouble() * 100).stripTrailingZeros().toPlainString()));
    }
    if (medianAccuracy.isPresent()) {
      int accuracy = medianAccuracy.getAsInt();
      parts.add(String.format(Locale.ROOT,
          "≈ medians by percentile_approx, accuracy %d: rank error at most %s%% of the values counted", accuracy,
          BigDecimal.valueOf(100).divide(BigDecimal.valueOf(accuracy), MathContext.DECIMAL64).stripTrailingZeros()
              .toPlainString()));
    }
    return String.join("; ", parts);
  }

  /**
   * Reads back what {@link #text()} writes, for results built from a sentence.
   *
   * @param text one or both sentences of {@link #text()}, joined by {@code "; "}
   * @return the approximation
   * @throws IllegalArgumentException if the text is not such sentences
   */
  static Approximation parse(String text) {
    Approximation a = null;
    for (String part : text.split("; ")) {
      java.util.regex.Matcher hll = HLL.matcher(part);
      java.util.regex.Matcher median = MEDIAN.matcher(part);
      Approximation one;
      if (hll.matches()) {
        one = distinctCounts(new BigDecimal(hll.group(1)).movePointLeft(2).doubleValue());
      } else if (median.matches()) {
        one = medians(Integer.parseInt(median.group(1)));
      } else {
        throw new IllegalArgumentException("an approximation reads \"≈ HyperLogLog++ distinct counts, relative standard "
            + "deviation R%\" or \"≈ medians by percentile_approx, accuracy N: …\", was " + text);
      }
      a = a == null ? one : a.and(one);
    }
    return a;
  }

  private static final java.util.regex.Pattern HLL =
      java.util.regex.Pattern.compile("≈ HyperLogLog\\+\\+ distinct counts, relative standard deviation ([0-9.]+)%");
  private static final java.util.regex.Pattern MEDIAN =
      java.util.regex.Pattern.compile("≈ medians by percentile_approx, accuracy ([0-9]+): rank error at most [0-9.]+% of the values counted");

  @Override
  public String toString() {
    return text();
  }
}
