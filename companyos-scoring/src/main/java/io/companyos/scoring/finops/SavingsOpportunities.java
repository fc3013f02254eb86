package io.companyos.scoring.finops;

import io.companyos.model.data.CostRow;
import io.companyos.scoring.Percentiles;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Rule-based cost optimisation candidates from the usage rows of FOCUS data (credits and adjustments are left out, see
 * {@link CostBreakdown#isCreditOrAdjustment}):
 * <ul>
 *   <li><b>On-demand compute</b> ({@link #onDemandCompute}): a service whose on-demand ({@code PricingCategory}
 *       Standard) share of its compute {@code EffectiveCost} is above a threshold, with the saving a commitment
 *       would bring at the discount already achieved on committed rows ({@link #committedDiscount}).
 *   <li><b>Unusual cost days</b> ({@link #outliers}): a service's day whose effective cost the anomaly detector
 *       scores as an outlier against the days before it and which lies above the service's median day.
 * </ul>
 */
public final class SavingsOpportunities {
  /** On-demand share of a service's compute above which covering it is suggested. */
  public static final double ON_DEMAND_SHARE = 0.3;

  /** Anomaly score from which a cost day counts as unusual. */
  public static final double OUTLIER_SCORE = 0.5;

  /** Daily cost outliers: the robust z-score detector with a 90-day window and 14 days of history before judging. */
  public static final RobustZScoreDetector OUTLIERS =
      new RobustZScoreDetector(new RobustZScoreDetector.Parameters(90, 14, 1, 15, 0.02, 0.5, 3));

  private SavingsOpportunities() {}

  /**
   * The effective savings rate of the committed usage: {@code 1 − EffectiveCost / ListCost} over the rows whose
   * {@code PricingCategory} is Committed (summed exactly first, then divided once). Empty without committed list cost.
   *
   * @param rows the FOCUS cost rows; credits and adjustments are left out
   * @return the discount as a ratio (0.3 = 30% below list), or empty without committed list cost
   */
  public static OptionalDouble committedDiscount(List<CostRow> rows) {
    BigDecimal list = BigDecimal.ZERO;
    BigDecimal eff = BigDecimal.ZERO;
    for (CostRow r : rows) {
      if ("Committed".equals(r.pricingCategory()) && !CostBreakdown.isCreditOrAdjustment(r)) {
        list = list.add(r.listCost());
        eff = eff.add(r.effectiveCost());
      }
    }
    return committedDiscount(list, eff);
  }

  /**
   * The committed discount from its two sums, the step {@link #committedDiscount(List)} ends with, for an implementation
   * that sums elsewhere (e.g. on Spark).
   *
   * @param list exact sum of the committed usage's ListCost
   * @param effective exact sum of the same rows' EffectiveCost
   * @return {@code 1 − effective / list}, or empty when {@code list} is not above 0
   */
  public static OptionalDouble committedDiscount(BigDecimal list, BigDecimal effective) {
    return list.signum() > 0 ? OptionalDouble.of(1 - effective.doubleValue() / list.doubleValue()) : OptionalDouble.empty();
  }

  /**
   * A service's on-demand compute.
   *
   * @param service the {@code ServiceName}
   * @param compute effective cost of the service's compute rows
   * @param onDemand of that, the effective cost at Standard (on-demand) pricing
   * @param discount the committed discount ({@link #committedDiscount}) the saving is priced at
   * @param saving {@code onDemand × discount}
   */
  public record OnDemandCompute(String service, double compute, double onDemand, double discount, double saving) {
    /**
     * The on-demand share of the service's compute.
     *
     * @return {@code 100 × onDemand / compute}, in percent
     */
    public double onDemandPercent() {
      return 100 * onDemand / compute;
    }
  }

  /**
   * Services (by {@code ServiceName}, in name order) whose on-demand share of compute is above {@code threshold},
   * priced at the committed discount. None when there is no committed discount above 0.
   *
   * @param rows the FOCUS cost rows; credits and adjustments are left out
   * @param threshold the on-demand share as a ratio, e.g. {@link #ON_DEMAND_SHARE}
   * @return the services above the threshold, in name order
   */
  public static List<OnDemandCompute> onDemandCompute(List<CostRow> rows, double threshold) {
    Map<String, BigDecimal> compute = new HashMap<>();
    Map<String, BigDecimal> onDemand = new HashMap<>();
    for (CostRow r : rows) {
      if (!CommitmentCoverage.COMPUTE.equals(r.serviceCategory()) || CostBreakdown.isCreditOrAdjustment(r)) {
        continue; // credits and adjustments are not usage: they would distort the on-demand share
      }
      compute.merge(r.serviceName(), r.effectiveCost(), BigDecimal::add);
      if ("Standard".equals(r.pricingCategory())) {
        onDemand.merge(r.serviceName(), r.effectiveCost(), BigDecimal::add);
      }
    }
    return onDemandCompute(compute, onDemand, committedDiscount(rows), threshold);
  }

  /**
   * The services above the threshold from exact sums per service, the step {@link #onDemandCompute(List, double)} ends
   * with, for an implementation that sums elsewhere (e.g. on Spark): each sum is turned into a {@code double} once.
   *
   * @param compute ServiceName → exact sum of the EffectiveCost of its compute usage rows
   * @param onDemand ServiceName → of that, the exact sum at Standard pricing (a service without any may be absent)
   * @param discount the committed discount ({@link #committedDiscount(BigDecimal, BigDecimal)})
   * @param threshold the on-demand share as a ratio, e.g. {@link #ON_DEMAND_SHARE}
   * @return the services above the threshold, in name order; none without a committed discount above 0
   */
  public static List<OnDemandCompute> onDemandCompute(Map<String, BigDecimal> compute, Map<String, BigDecimal> onDemand,
      OptionalDouble discount, double threshold) {
    if (discount.isEmpty() || discount.getAsDouble() <= 0) {
      return List.of();
    }
    double d = discount.getAsDouble();
    List<OnDemandCompute> out = new ArrayList<>();
    new TreeMap<>(compute).forEach((service, sum) -> {
      double all = sum.doubleValue();
      double standard = onDemand.getOrDefault(service, BigDecimal.ZERO).doubleValue();
      if (all > 0 && standard / all > threshold) {
        out.add(new OnDemandCompute(service, all, standard, d, standard * d));
      }
    });
    return out;
  }

  /**
   * An unusual cost day of a service.
   *
   * @param service the {@code ServiceName}
   * @param day the calendar day
   * @param cost the day's effective cost
   * @param median the median of the service's daily costs over the history (days with rows)
   * @param score the detector's anomaly score of the day against the days before it
   */
  public record CostOutlier(String service, LocalDate day, double cost, double median, double score) {
    /**
     * What the day cost above a usual day.
     *
     * @return {@code cost − median}
     */
    public double excess() {
      return cost - median;
    }

    /**
     * The day's cost as a multiple of the median day.
     *
     * @return {@code cost / median}; empty when the median is 0
     */
    public OptionalDouble timesMedian() {
      return median == 0 ? OptionalDouble.empty() : OptionalDouble.of(cost / median);
    }
  }

  /**
   * Unusual cost days on or after {@code from}: per {@code ServiceName}, the effective cost per day (in
   * {@code zone}) of {@code history}, each day scored by {@code detector} against the days before it; a day counts
   * when its score is at least {@link #OUTLIER_SCORE} and its cost is above the service's median day. Services in
   * name order, days in order. A day's cost is the exact sum of its rows, so it does not depend on their order.
   *
   * @param history the FOCUS cost rows of the days judged and of the days before them
   * @param zone the time zone of the calendar days
   * @param from the first day reported
   * @param detector the detector that scores the days, e.g. {@link #OUTLIERS}
   * @return the unusual days on or after {@code from}
   */
  public static List<CostOutlier> outliers(List<CostRow> history, ZoneId zone, LocalDate from, RobustZScoreDetector detector) {
    Map<String, Map<LocalDate, BigDecimal>> daily = new TreeMap<>();
    history.stream().filter(r -> !CostBreakdown.isCreditOrAdjustment(r)).forEach(r -> daily.computeIfAbsent(r.serviceName(), k -> new TreeMap<>())
        .merge(r.chargePeriodStart().atZone(zone).toLocalDate(), r.effectiveCost(), BigDecimal::add));
    return outliers(daily, from, detector);
  }

  /**
   * Unusual cost days from the exact daily sums, the step {@link #outliers(List, ZoneId, LocalDate, RobustZScoreDetector)}
   * ends with, for an implementation that sums the days elsewhere (e.g. on Spark): each day's sum is turned into a
   * {@code double} once and the days are scored in order.
   *
   * @param daily ServiceName → calendar day → exact sum of the day's EffectiveCost (usage rows only; days without rows
   *     absent)
   * @param from the first day reported
   * @param detector the detector that scores the days, e.g. {@link #OUTLIERS}
   * @return the unusual days on or after {@code from}, services in name order, days in order
   */
  public static List<CostOutlier> outliers(Map<String, ? extends Map<LocalDate, BigDecimal>> daily, LocalDate from,
      RobustZScoreDetector detector) {
    List<CostOutlier> out = new ArrayList<>();
    new TreeMap<>(daily).forEach((service, byDay) -> {
      Map<LocalDate, BigDecimal> days = new TreeMap<>(byDay);
      double[] costs = days.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
      double median = Percentiles.median(costs).orElse(0);
      List<LocalDate> order = new ArrayList<>(days.keySet());
      double[] scores = detector.scores(costs);
      for (int i = 0; i < order.size(); i++) {
        LocalDate day = order.get(i);
        if (!day.isBefore(from) && scores[i] >= OUTLIER_SCORE && costs[i] > median) {
          out.add(new CostOutlier(service, day, costs[i], median, scores[i]));
        }
      }
    });
    return out;
  }
}
