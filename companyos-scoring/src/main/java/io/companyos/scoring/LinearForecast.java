package io.companyos.scoring;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Ordinary least-squares trend line through equally spaced values (x = 0, 1, 2, ...), used to project
 * the next period's spend, as in the FinOps Foundation's "trend-based forecasting" capability.
 */
public final class LinearForecast {
  private LinearForecast() {}

  /**
   * The sum of the next {@code steps} values on the fitted line; empty with fewer than two values.
   * With values {@code y_0..y_{n-1}}: slope {@code b = Σ(x-x̄)(y-ȳ) / Σ(x-x̄)²}, intercept
   * {@code a = ȳ - b·x̄}, forecast {@code Σ_{k=n}^{n+steps-1} (a + b·k)}.
   */
  public static OptionalDouble nextSum(List<Double> values, int steps) {
    return sumAhead(values, 0, steps);
  }

  /**
   * Like {@link #nextSum} but starting {@code skip} steps after the last value: the sum of the fitted
   * line over {@code x = n + skip .. n + skip + steps - 1}.
   */
  public static OptionalDouble sumAhead(List<Double> values, int skip, int steps) {
    int n = values.size();
    if (n < 2 || steps < 1 || skip < 0) {
      return OptionalDouble.empty();
    }
    double meanX = (n - 1) / 2.0;
    double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - meanX) * (values.get(i) - meanY);
      den += (i - meanX) * (i - meanX);
    }
    double b = num / den;
    double a = meanY - b * meanX;
    double sum = 0;
    for (int k = n + skip; k < n + skip + steps; k++) {
      sum += a + b * k;
    }
    return OptionalDouble.of(sum);
  }

  /** The mean of the values times {@code steps} (the "average" method); empty for no values. */
  public static OptionalDouble averageSum(List<Double> values, int steps) {
    return values.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(values.stream().mapToDouble(Double::doubleValue).average().orElse(0) * steps);
  }
}
