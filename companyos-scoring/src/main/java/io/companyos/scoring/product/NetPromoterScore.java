package io.companyos.scoring.product;

import io.companyos.model.data.NpsResponse;
import io.companyos.model.time.TimeWindow;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Net Promoter Score (Reichheld, 2003): % promoters (9–10) − % detractors (0–6), over the responses
 * in a window (the seed's pack uses a rolling 30 days). Range −100..100; empty without responses.
 */
public final class NetPromoterScore {
  private NetPromoterScore() {}

  /**
   * The NPS of the responses in a window.
   *
   * @param responses the survey responses
   * @param window the half-open window {@code [start, end)} the response's timestamp must lie in
   * @return the score in [−100, 100]; empty without responses in the window
   * @throws IllegalArgumentException if a response in the window is outside 0..10
   */
  public static OptionalDouble of(List<NpsResponse> responses, TimeWindow window) {
    long n = 0;
    long promoters = 0;
    long detractors = 0;
    for (NpsResponse r : responses) {
      if (!window.contains(r.timestamp())) {
        continue;
      }
      if (r.score() < 0 || r.score() > 10) {
        throw new IllegalArgumentException("NPS answers are 0..10, got " + r.score());
      }
      n++;
      if (r.score() >= 9) {
        promoters++;
      } else if (r.score() <= 6) {
        detractors++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (promoters - detractors) / n);
  }
}
