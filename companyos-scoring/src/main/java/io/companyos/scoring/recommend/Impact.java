package io.companyos.scoring.recommend;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The estimated effect of acting on a recommendation, in the KPI's unit or in dollars, with the formula that gave it;
 * absent with a reason when the data cannot price it (never 0 for "unknown").
 *
 * @param unit {@code USD/month}, {@code % of error budget/day}, {@code hours}, {@code deployments}, ...
 * @param basis the formula with its numbers, e.g. {@code (80% − 62%) × $10,000 × 30%}
 */
public record Impact(@Nullable Double amount, String unit, String basis, @Nullable String absentReason) {
  public Impact {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(basis, "basis");
    if (amount == null && absentReason == null) {
      throw new IllegalArgumentException("an absent impact needs a reason");
    }
  }

  /** An estimated impact. */
  public static Impact of(double amount, String unit, String basis) {
    return new Impact(amount, unit, basis, null);
  }

  /** An impact that cannot be estimated, for {@code reason}. */
  public static Impact absent(String unit, String reason) {
    return new Impact(null, unit, "", reason);
  }
}
