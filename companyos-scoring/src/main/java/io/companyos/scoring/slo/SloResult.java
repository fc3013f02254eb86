package io.companyos.scoring.slo;

import java.util.OptionalDouble;

/**
 * An SLO over one window from event counts. With no events there is no attainment, no budget and no
 * burn rate (all empty): "no data" is never reported as meeting or missing the objective.
 *
 * @param target objective as a ratio, e.g. 0.999
 * @param total events in the window
 * @param bad events that broke the SLI
 * @param attainment {@code (total − bad) / total}
 * @param errorRatio {@code bad / total}
 * @param budgetRemaining {@code ((1 − target) − bad/total) / (1 − target)}; 1 = untouched, 0 = spent,
 *     negative = overspent
 * @param burnRate {@code errorRatio / (1 − target)}; 1 spends the budget exactly over the SLO window
 */
public record SloResult(
    double target, long total, long bad, OptionalDouble attainment, OptionalDouble errorRatio,
    OptionalDouble budgetRemaining, OptionalDouble burnRate) {

  /**
   * Whether the objective is met.
   *
   * @return true when there is data and attainment is at least the target; false with no events
   */
  public boolean met() {
    return attainment.isPresent() && attainment.getAsDouble() >= target;
  }
}
