package io.companyos.scoring.finops;

import java.util.OptionalDouble;

/** Budget variance and period-over-period change in percent. */
public final class Variance {
  private Variance() {}

  /**
   * Variance against budget, {@code 100 × (actual − budget) / budget}.
   *
   * @param actual the actual spend
   * @param budget the budget, same currency
   * @return the variance in percent, positive when over budget; empty when the budget is 0
   */
  public static OptionalDouble vsBudget(double actual, double budget) {
    return budget == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * (actual - budget) / budget);
  }

  /**
   * Month-over-month (or any period) change {@code (current − previous) / |previous| × 100}.
   *
   * @param current the value of the current period
   * @param previous the value of the previous period
   * @return the change in percent; empty when previous is 0
   */
  public static OptionalDouble change(double current, double previous) {
    return previous == 0 ? OptionalDouble.empty() : OptionalDouble.of((current - previous) / Math.abs(previous) * 100);
  }
}
