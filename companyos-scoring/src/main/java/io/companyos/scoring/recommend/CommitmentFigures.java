package io.companyos.scoring.recommend;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.finops.SavingsOpportunities;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The three figures the FinOps commitment rules judge ({@link FinOpsRules#commitmentCoverage},
 * {@link FinOpsRules#unusedCommitments}) as KPIs of a window: commitment coverage, the effective savings rate of the
 * committed usage and the utilization of each commitment type. None is defined by FOCUS itself; each is derived from
 * FOCUS 1.x columns as the FinOps Foundation's "Rate Optimization" capability measures it: coverage on {@code ListCost}
 * (never {@code EffectiveCost}), effective savings rate {@code (ListCost − EffectiveCost) / ListCost}, utilization
 * {@code Used / (Used + Unused)} by {@code CommitmentDiscountStatus}. The sums are exact decimals and {@link #assemble}
 * divides them, so an implementation that sums elsewhere (e.g. on Spark) gets the same figures to the bit.
 */
public final class CommitmentFigures {
  /** The commitment type of a row with a status but without {@code CommitmentDiscountType}. */
  public static final String UNNAMED_TYPE = "commitment";

  private CommitmentFigures() {}

  /**
   * A commitment type's exact sums of {@code EffectiveCost}.
   *
   * @param used of its usage rows with status Used
   * @param unused of its rows with status Unused
   */
  public record Use(BigDecimal used, BigDecimal unused) {}

  /**
   * The figures of a window.
   *
   * @param coverage covered ListCost / eligible ListCost ({@code commitment_coverage}), empty without eligible usage
   * @param effectiveSavingsRate {@code 1 − EffectiveCost / ListCost} of the covered usage ({@code effective_savings_rate}),
   *     empty without covered usage
   * @param utilization commitment type → {@code used / (used + unused)} ({@code commitment_utilization}), in type order;
   *     a type without cost is left out
   */
  public record Figures(OptionalDouble coverage, OptionalDouble effectiveSavingsRate, SortedMap<String, Double> utilization) {
    /**
     * Copies the map, unmodifiable.
     *
     * @param coverage the coverage
     * @param effectiveSavingsRate the effective savings rate
     * @param utilization the utilization per type
     */
    public Figures {
      utilization = Collections.unmodifiableSortedMap(new TreeMap<>(utilization));
    }
  }

  /**
   * The figures of the rows whose {@code ChargePeriodStart} lies in the window, the Java reference.
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window
   * @return the figures
   */
  public static Figures of(List<CostRow> rows, TimeWindow window) {
    BigDecimal eligible = BigDecimal.ZERO;
    BigDecimal covered = BigDecimal.ZERO;
    BigDecimal coveredEffective = BigDecimal.ZERO;
    Map<String, Use> byType = new TreeMap<>();
    for (CostRow r : rows) {
      if (eligible(r, window)) {
        eligible = eligible.add(r.listCost());
        if (covered(r)) {
          covered = covered.add(r.listCost());
          coveredEffective = coveredEffective.add(r.effectiveCost());
        }
      }
      if (judged(r, window)) {
        boolean unused = CostRow.UNUSED.equals(r.commitmentDiscountStatus());
        byType.merge(type(r), new Use(unused ? BigDecimal.ZERO : r.effectiveCost(), unused ? r.effectiveCost()
            : BigDecimal.ZERO), (a, b) -> new Use(a.used().add(b.used()), a.unused().add(b.unused())));
      }
    }
    return assemble(eligible, covered, coveredEffective, byType);
  }

  /**
   * The step from the window's exact sums to the figures, which {@link #of} ends with.
   *
   * @param eligible ListCost of the eligible usage: usage (not credits, adjustments, taxes, purchases or a
   *     commitment's unused part) at Standard or Committed pricing or under a commitment discount
   * @param covered ListCost of the eligible usage under a commitment discount or at Committed pricing
   * @param coveredEffective EffectiveCost of the same covered rows
   * @param byType commitment type ({@code CommitmentDiscountType}, or {@link #UNNAMED_TYPE}) → its sums, over the rows
   *     with a {@code CommitmentDiscountStatus} that are not credits, adjustments, taxes or purchases
   * @return the figures
   */
  public static Figures assemble(BigDecimal eligible, BigDecimal covered, BigDecimal coveredEffective,
      Map<String, Use> byType) {
    SortedMap<String, Double> utilization = new TreeMap<>();
    byType.forEach((type, use) -> utilization(use).ifPresent(u -> utilization.put(type, u)));
    return new Figures(CommitmentCoverage.ratio(covered, eligible),
        covered.signum() > 0 ? SavingsOpportunities.committedDiscount(covered, coveredEffective) : OptionalDouble.empty(),
        utilization);
  }

  /**
   * A commitment type's utilization: {@code used / (used + unused)}.
   *
   * @param use the type's exact sums
   * @return the ratio, or empty when {@code used + unused} is not above 0
   */
  public static OptionalDouble utilization(Use use) {
    return CommitmentCoverage.ratio(use.used(), use.used().add(use.unused()));
  }

  /** Usage in the window that commitments could cover: Standard or Committed pricing, or under a commitment discount. */
  static boolean eligible(CostRow r, TimeWindow window) {
    if (!window.contains(r.chargePeriodStart()) || !usage(r) || CostRow.UNUSED.equals(r.commitmentDiscountStatus())) {
      return false; // a commitment's unused part is not usage
    }
    return covered(r) || "Standard".equals(r.pricingCategory()); // spot and other dynamic pricing is not covered
  }

  /** Under a commitment discount or at Committed pricing. */
  static boolean covered(CostRow r) {
    return r.commitmentDiscountType() != null || "Committed".equals(r.pricingCategory());
  }

  /** A row of a commitment's use in the window: with a status, and not a credit, adjustment, tax or purchase. */
  static boolean judged(CostRow r, TimeWindow window) {
    return r.commitmentDiscountStatus() != null && window.contains(r.chargePeriodStart()) && usage(r);
  }

  /** The row's commitment type, {@link #UNNAMED_TYPE} without one. */
  static String type(CostRow r) {
    return r.commitmentDiscountType() != null ? r.commitmentDiscountType() : UNNAMED_TYPE;
  }

  /** Not a credit, adjustment, tax or purchase (a purchase's cost reaches usage rows amortized). */
  static boolean usage(CostRow r) {
    return !CostBreakdown.isCreditOrAdjustment(r) && !"Tax".equalsIgnoreCase(r.chargeCategory())
        && !"Purchase".equalsIgnoreCase(r.chargeCategory());
  }
}
