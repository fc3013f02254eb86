package io.companyos.scoring;

/**
 * Availability SLO arithmetic from the Google SRE Workbook, chapter 2 ("Implementing SLOs"): the
 * error budget is {@code (1 - target) * requests}; attainment is {@code 1 - errors / requests}; the
 * budget remaining is {@code 1 - errors / budget} (negative once the budget is overspent).
 *
 * @param target the SLO target as a ratio, e.g. 0.999
 * @param requests valid requests in the window
 * @param errors failed requests in the window
 */
public record ErrorBudget(double target, double requests, double errors) {

  public ErrorBudget {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target must be in (0, 1), was " + target);
    }
    if (requests < 0 || errors < 0 || errors > requests) {
      throw new IllegalArgumentException("need 0 <= errors <= requests, got " + errors + " of " + requests);
    }
  }

  /** Share of good requests, 0..1; 1 when there were no requests. */
  public double attainment() {
    return requests == 0 ? 1.0 : 1.0 - errors / requests;
  }

  /** Share of the error budget left, 1 = untouched, 0 = spent, negative = overspent. */
  public double remaining() {
    double budget = (1.0 - target) * requests;
    return budget == 0 ? 1.0 : 1.0 - errors / budget;
  }

  /** True when attainment meets the target. */
  public boolean met() {
    return attainment() >= target;
  }
}
