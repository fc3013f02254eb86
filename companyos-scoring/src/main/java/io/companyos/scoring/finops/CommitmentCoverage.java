package io.companyos.scoring.finops;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Commitment coverage as FinOps practice measures it: the share of eligible usage, valued at its on-demand
 * equivalent, that a commitment covered. FOCUS gives the on-demand equivalent of every row as {@code ListCost};
 * amortized {@code EffectiveCost} would understate covered usage by exactly the discount it earned (FinOps
 * Foundation, "Rate Optimization" capability; FOCUS 1.x, ListCost and CommitmentDiscountType).
 *
 * <p>Savings Plans and spot are measured against compute usage; reservations against the rest. Credits and adjustments
 * are not usage and count in neither part ({@link CostBreakdown#isCreditOrAdjustment}).
 */
public final class CommitmentCoverage {
  /** FOCUS {@code CommitmentDiscountType} of savings plans. */
  public static final String SAVINGS_PLAN = "Savings Plan";
  /** FOCUS {@code CommitmentDiscountType} of reservations (providers also write {@code Reserved Instances}). */
  public static final String RESERVATION = "Reservation";
  private static final java.util.Set<String> RESERVATIONS = java.util.Set.of(RESERVATION, "Reserved Instances");
  /** FOCUS {@code PricingCategory} of spot-like dynamic pricing. */
  public static final String DYNAMIC = "Dynamic";
  /** FOCUS {@code ServiceCategory} savings plans apply to. */
  public static final String COMPUTE = "Compute";

  private CommitmentCoverage() {}

  /**
   * Savings-plan coverage: ListCost of compute usage covered by a savings plan / ListCost of all compute usage.
   *
   * @param rows the FOCUS cost rows
   * @return the ratio in [0, 1]; empty when the eligible usage has no ListCost
   */
  public static OptionalDouble savingsPlan(List<CostRow> rows) {
    return share(rows, CommitmentCoverage::compute, r -> SAVINGS_PLAN.equals(r.commitmentDiscountType()));
  }

  /**
   * Reservation coverage: ListCost of non-compute usage covered by a reservation / ListCost of non-compute usage.
   *
   * @param rows the FOCUS cost rows
   * @return the ratio in [0, 1]; empty when the eligible usage has no ListCost
   */
  public static OptionalDouble reservation(List<CostRow> rows) {
    return share(rows, r -> !compute(r), r -> r.commitmentDiscountType() != null && RESERVATIONS.contains(r.commitmentDiscountType()));
  }

  /**
   * Spot share: ListCost of compute usage at dynamic (spot) pricing / ListCost of all compute usage.
   *
   * @param rows the FOCUS cost rows
   * @return the ratio in [0, 1]; empty when the eligible usage has no ListCost
   */
  public static OptionalDouble spot(List<CostRow> rows) {
    return share(rows, CommitmentCoverage::compute, r -> DYNAMIC.equals(r.pricingCategory()));
  }

  /**
   * The three shares of one set of rows.
   *
   * @param savingsPlan {@link #savingsPlan}
   * @param reservation {@link #reservation}
   * @param spot {@link #spot}
   */
  public record Shares(OptionalDouble savingsPlan, OptionalDouble reservation, OptionalDouble spot) {}

  /**
   * Savings-plan coverage, reservation coverage and the spot share of the same rows.
   *
   * @param rows the FOCUS cost rows
   * @return the three shares
   */
  public static Shares shares(List<CostRow> rows) {
    return new Shares(savingsPlan(rows), reservation(rows), spot(rows));
  }

  /**
   * The step every share ends with: covered ListCost / eligible ListCost, both exact sums, divided once, so another
   * implementation that sums elsewhere (e.g. on Spark) gets the same share to the bit.
   *
   * @param covered ListCost of the eligible rows that are covered
   * @param eligible ListCost of the eligible rows
   * @return the ratio; empty when {@code eligible} is not above 0
   */
  public static OptionalDouble ratio(BigDecimal covered, BigDecimal eligible) {
    return eligible.signum() > 0 ? OptionalDouble.of(covered.doubleValue() / eligible.doubleValue()) : OptionalDouble.empty();
  }

  private static boolean compute(CostRow r) {
    return COMPUTE.equals(r.serviceCategory());
  }

  /**
   * ListCost of the eligible rows that are covered / ListCost of the eligible rows; empty when nothing is eligible. Rows of
   * a commitment's unused part (FOCUS {@code CommitmentDiscountStatus} Unused) are not usage and count on neither side.
   * The sums are exact, so the share does not depend on the rows' order.
   */
  static OptionalDouble share(List<CostRow> rows, Predicate<CostRow> eligible, Predicate<CostRow> covered) {
    BigDecimal all = BigDecimal.ZERO;
    BigDecimal part = BigDecimal.ZERO;
    for (CostRow r : rows) {
      if (!CostBreakdown.isCreditOrAdjustment(r) && !CostRow.UNUSED.equals(r.commitmentDiscountStatus()) && eligible.test(r)) {
        all = all.add(r.listCost());
        if (covered.test(r)) {
          part = part.add(r.listCost());
        }
      }
    }
    return ratio(part, all);
  }
}
