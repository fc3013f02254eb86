package io.companyos.scoring.finops;

import java.util.OptionalDouble;

/** Budget variance and period-over-period change in percent. */
public final class Variance {
  private Variance() {}

  /** {@code 100 × (actual − budget) / budget}: positive means over budget; empty when the budget is 0. */
  public static OptionalDouble vsBudget(double actual, double budget) {
    return budget == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * (actual - budget) / budget);
  }

  /** Month-over-month (or any period) change {@code (current − previous) / previous × 100}; empty when previous is 0. */
  public static OptionalDouble change(double current, double previous) {
    return previous == 0 ? OptionalDouble.empty() : OptionalDouble.of((current - previous) / Math.abs(previous) * 100);
  }
}
