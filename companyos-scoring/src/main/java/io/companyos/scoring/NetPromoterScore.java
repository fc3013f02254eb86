package io.companyos.scoring;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Net Promoter Score (Reichheld, "The One Number You Need to Grow", HBR 2003): the percentage of
 * promoters (9-10) minus the percentage of detractors (0-6), from -100 to +100.
 */
public final class NetPromoterScore {
  private NetPromoterScore() {}

  /** The NPS of {@code scores} (each 0..10); empty when there are no responses. */
  public static OptionalDouble of(Collection<Integer> scores) {
    if (scores.isEmpty()) {
      return OptionalDouble.empty();
    }
    long promoters = 0;
    long detractors = 0;
    for (int s : scores) {
      if (s < 0 || s > 10) {
        throw new IllegalArgumentException("NPS answers are 0..10, got " + s);
      }
      if (s >= 9) {
        promoters++;
      } else if (s <= 6) {
        detractors++;
      }
    }
    return OptionalDouble.of(100.0 * (promoters - detractors) / scores.size());
  }
}
