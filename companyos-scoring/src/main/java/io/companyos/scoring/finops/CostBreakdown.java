package io.companyos.scoring.finops;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cloud cost from FOCUS rows (FinOps Open Cost and Usage Specification 1.x). Amounts use
 * {@code EffectiveCost} (cost after discounts and amortized commitments), as FOCUS recommends for
 * showback; a row belongs to the window in which its {@code ChargePeriodStart} lies.
 */
public final class CostBreakdown {
  private CostBreakdown() {}

  /**
   * Whether {@code row} is a FOCUS Credit or Adjustment: it changes what was paid (so totals include it) but is not
   * usage, so usage-based shares, coverage and discounts leave it out (FOCUS 1.0, ChargeCategory).
   *
   * @param row the FOCUS cost row
   * @return true when its {@code ChargeCategory} is Credit or Adjustment (case-insensitive)
   */
  public static boolean isCreditOrAdjustment(CostRow row) {
    return "Credit".equalsIgnoreCase(row.chargeCategory()) || "Adjustment".equalsIgnoreCase(row.chargeCategory());
  }

  /**
   * Total effective cost in the window (0 for no rows: the caller decides whether "no rows" means no data).
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in
   * @return the sum of their {@code EffectiveCost}
   */
  public static BigDecimal total(List<CostRow> rows, TimeWindow window) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostRow r : rows) {
      if (window.contains(r.chargePeriodStart())) {
        sum = sum.add(r.effectiveCost());
      }
    }
    return sum;
  }

  /**
   * The evidence of a cost total: per {@code ServiceName}, how many rows were summed, the charge days they cover and
   * their effective cost, e.g. {@code "AmazonEC2: 22 rows, 2026-11-01 to 2026-11-22, 41234.50"}; sorted by service.
   * FOCUS rows carry no id of their own, so the service and charge period are what identify them.
   *
   * @param rows the rows summed
   * @param zone the time zone the charge days are written in
   * @return one line per service, sorted by service; the cost rounded half-even to two decimals
   */
  public static List<String> evidence(List<CostRow> rows, java.time.ZoneId zone) {
    Map<String, List<CostRow>> by = new java.util.TreeMap<>();
    for (CostRow r : rows) {
      by.computeIfAbsent(r.serviceName(), k -> new java.util.ArrayList<>()).add(r);
    }
    List<String> out = new java.util.ArrayList<>();
    by.forEach((service, rs) -> {
      java.time.Instant first = rs.stream().map(CostRow::chargePeriodStart).min(java.util.Comparator.naturalOrder()).orElseThrow();
      java.time.Instant last = rs.stream().map(CostRow::chargePeriodStart).max(java.util.Comparator.naturalOrder()).orElseThrow();
      out.add(service + ": " + rs.size() + (rs.size() == 1 ? " row, " : " rows, ") + first.atZone(zone).toLocalDate() + " to "
          + last.atZone(zone).toLocalDate() + ", " + total(rs).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
    });
    return out;
  }

  /**
   * Total effective cost of {@code rows}, whatever their dates (rows already chosen for a window).
   *
   * @param rows the FOCUS cost rows
   * @return the sum of their {@code EffectiveCost}; 0 for no rows
   */
  public static BigDecimal total(List<CostRow> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostRow r : rows) {
      sum = sum.add(r.effectiveCost());
    }
    return sum;
  }

  /**
   * Effective cost of {@code rows} per {@code key} (any grouping: service, a tag, region), whatever their dates.
   *
   * @param rows the FOCUS cost rows
   * @param key the group of a row
   * @return group → summed {@code EffectiveCost}, sorted by key
   */
  public static Map<String, BigDecimal> by(List<CostRow> rows, Function<CostRow, String> key) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (CostRow r : rows) {
      sums.merge(key.apply(r), r.effectiveCost(), BigDecimal::add);
    }
    return sums;
  }

  /**
   * Effective cost of the compute usage in {@code rows}: rows whose FOCUS {@code ServiceCategory} is
   * {@value CommitmentCoverage#COMPUTE} (the "infrastructure" line of the cost summary).
   *
   * @param rows the FOCUS cost rows, whatever their dates
   * @return the sum of their {@code EffectiveCost}; 0 when none is compute
   */
  public static BigDecimal compute(List<CostRow> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostRow r : rows) {
      if (CommitmentCoverage.COMPUTE.equals(r.serviceCategory())) {
        sum = sum.add(r.effectiveCost());
      }
    }
    return sum;
  }

  /**
   * One cost group of a period: its effective cost, its cost in the comparison period (null when it had no rows
   * there) and its share of the period's total.
   *
   * @param key the group
   * @param cost effective cost of the group in the period
   * @param previous effective cost of the group in the comparison period; null when it had no rows there
   * @param sharePercent {@code cost / total × 100} with total the effective cost of all the period's rows (every
   *     group, not only those shown), so the shares of all groups add up to 100; empty when the total is 0
   */
  public record Group(String key, BigDecimal cost, @Nullable BigDecimal previous, OptionalDouble sharePercent) {}

  /**
   * The cost groups of {@code current} by {@code key} ({@link #by}), largest first (ties by key), each with its
   * cost in {@code previous} and its share of {@code current}'s total ({@link #total(List)}). No rows, no groups.
   *
   * @param current the rows of the period
   * @param previous the rows of the comparison period
   * @param key the group of a row
   * @return one group per key of {@code current}, largest first
   */
  public static List<Group> groups(List<CostRow> current, List<CostRow> previous, Function<CostRow, String> key) {
    return groups(by(current, key), by(previous, key), total(current));
  }

  /**
   * The cost groups from sums already made ({@link #groups(List, List, Function)} from its sums): the one place the
   * shares are divided and the groups ordered, whoever summed.
   *
   * @param now group → effective cost in the period
   * @param before group → effective cost in the comparison period
   * @param all the period's total effective cost (every row, so the shares add up to 100)
   * @return one group per key of {@code now}, largest first (ties by key)
   */
  public static List<Group> groups(Map<String, BigDecimal> now, Map<String, BigDecimal> before, BigDecimal all) {
    return now.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Group(e.getKey(), e.getValue(), before.get(e.getKey()), all.signum() == 0 ? OptionalDouble.empty()
            : OptionalDouble.of(100 * e.getValue().doubleValue() / all.doubleValue())))
        .toList();
  }

  /**
   * Effective cost per {@code ServiceName} in the window.
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in
   * @return service → summed {@code EffectiveCost}, largest first (ties by name)
   */
  public static Map<String, BigDecimal> byService(List<CostRow> rows, TimeWindow window) {
    return by(rows, window, CostRow::serviceName);
  }

  /**
   * Effective cost per value of tag {@code tag} (e.g. {@code team}) in the window.
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in
   * @param tag the tag's key
   * @return tag value → summed {@code EffectiveCost}, untagged rows under "(untagged)", largest first
   */
  public static Map<String, BigDecimal> byTag(List<CostRow> rows, TimeWindow window, String tag) {
    return by(rows, window, r -> r.tags().getOrDefault(tag, "(untagged)"));
  }

  /**
   * Effective cost per {@code PricingCategory} (Standard, Committed, Dynamic) in the window.
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in
   * @return category → summed {@code EffectiveCost}, "(none)" when absent, largest first
   */
  public static Map<String, BigDecimal> byPricingCategory(List<CostRow> rows, TimeWindow window) {
    return by(rows, window, r -> r.pricingCategory() != null ? r.pricingCategory() : "(none)");
  }

  /**
   * Effective cost per {@code CommitmentDiscountType} (e.g. Savings Plan, Reservation) in the window.
   *
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in
   * @return type → summed {@code EffectiveCost}, "(none)" when absent, largest first
   */
  public static Map<String, BigDecimal> byCommitmentType(List<CostRow> rows, TimeWindow window) {
    return by(rows, window, r -> r.commitmentDiscountType() != null ? r.commitmentDiscountType() : "(none)");
  }

  private static Map<String, BigDecimal> by(List<CostRow> rows, TimeWindow window, Function<CostRow, String> key) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (CostRow r : rows) {
      if (window.contains(r.chargePeriodStart())) {
        sums.merge(key.apply(r), r.effectiveCost(), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> sorted = new LinkedHashMap<>();
    sums.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
