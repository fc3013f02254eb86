package io.companyos.scoring.recommend;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The estimated effect of acting on a recommendation, in the KPI's unit or in dollars, with the formula that gave it;
 * absent with a reason when the data cannot price it (never 0 for "unknown").
 *
 * @param amount the estimated effect; null when it cannot be estimated
 * @param unit {@code USD/month}, {@code % of error budget/day}, {@code hours}, {@code deployments}, ...
 * @param basis the formula with its numbers, e.g. {@code (80% − 62%) × $10,000 × 30%}
 * @param absentReason why there is no estimate; null when there is one
 */
public record Impact(@Nullable Double amount, String unit, String basis, @Nullable String absentReason) {
  /**
   * Checks the impact.
   *
   * @param amount the estimated effect, or null
   * @param unit the unit of the amount
   * @param basis the formula with its numbers
   * @param absentReason why there is no estimate, or null
   * @throws NullPointerException if {@code unit} or {@code basis} is null
   * @throws IllegalArgumentException if there is neither an amount nor a reason
   */
  public Impact {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(basis, "basis");
    if (amount == null && absentReason == null) {
      throw new IllegalArgumentException("an absent impact needs a reason");
    }
  }

  /**
   * An estimated impact.
   *
   * @param amount the estimated effect
   * @param unit the unit of the amount
   * @param basis the formula with its numbers
   * @return the impact
   */
  public static Impact of(double amount, String unit, String basis) {
    return new Impact(amount, unit, basis, null);
  }

  /**
   * An impact that cannot be estimated.
   *
   * @param unit the unit an amount would have
   * @param reason why it cannot be estimated
   * @return the impact, without amount and with an empty basis
   */
  public static Impact absent(String unit, String reason) {
    return new Impact(null, unit, "", reason);
  }
}
