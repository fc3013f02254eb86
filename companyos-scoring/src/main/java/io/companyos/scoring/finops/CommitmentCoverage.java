package io.companyos.scoring.finops;

import io.companyos.model.data.CostRow;
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

  private static boolean compute(CostRow r) {
    return COMPUTE.equals(r.serviceCategory());
  }

  /**
   * ListCost of the eligible rows that are covered / ListCost of the eligible rows; empty when nothing is eligible. Rows of
   * a commitment's unused part (FOCUS {@code CommitmentDiscountStatus} Unused) are not usage and count on neither side.
   */
  static OptionalDouble share(List<CostRow> rows, Predicate<CostRow> eligible, Predicate<CostRow> covered) {
    double all = 0;
    double part = 0;
    for (CostRow r : rows) {
      if (!CostBreakdown.isCreditOrAdjustment(r) && !CostRow.UNUSED.equals(r.commitmentDiscountStatus()) && eligible.test(r)) {
        double list = r.listCost().doubleValue();
        all += list;
        if (covered.test(r)) {
          part += list;
        }
      }
    }
    return all > 0 ? OptionalDouble.of(part / all) : OptionalDouble.empty();
  }
}
