package io.companyos.scoring.recommend;

import io.companyos.model.data.CostRow;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.finops.SavingsOpportunities;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FinOps rule kinds, from FOCUS rows (FinOps Open Cost and Usage Specification 1.x): commitment coverage below
 * target, with the monthly saving of closing the gap, commitments left unused, spend without an allocation tag and the
 * fastest-growing cost drivers per MAU. Amounts for a month are the
 * window's amounts × 30 days / the window's days. Credits and adjustments are not usage and are left out
 * ({@link CostBreakdown#isCreditOrAdjustment}), as are taxes and purchases (a purchase's cost reaches usage rows
 * amortized, so counting both would count it twice).
 */
public final class FinOpsRules {
  /** The month amounts are scaled to. */
  public static final Duration MONTH = Duration.ofDays(30);

  private FinOpsRules() {}

  /**
   * Commitment coverage gap → commit more. Coverage is valued at the on-demand equivalent, FOCUS {@code ListCost} (never
   * EffectiveCost, which would understate covered usage by its own discount): {@code covered ListCost / eligible
   * ListCost}, where eligible usage is usage at on-demand (Standard) or committed pricing and covered usage carries a
   * {@code CommitmentDiscountType} or Committed pricing. The discount a commitment earns is the effective savings rate of
   * the covered rows, {@code 1 − Σ EffectiveCost / Σ ListCost}. When coverage is at least {@code min_gap_points} below
   * {@code target_percent}: impact = {@code (target − coverage) × eligible ListCost × savings rate}, per month. The
   * sums are exact decimals, so the figures do not depend on the rows' order.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in;
   *     amounts are scaled to 30 days by its length
   * @return one recommendation, or none when coverage is close enough to the target or nothing is eligible
   */
  public static List<Recommendation> commitmentCoverage(RecommendationRule rule, String owner, List<CostRow> rows, TimeWindow window) {
    // Exact sums, so the figures do not depend on the rows' order.
    BigDecimal eligibleSum = BigDecimal.ZERO;
    BigDecimal coveredSum = BigDecimal.ZERO;
    BigDecimal coveredEffective = BigDecimal.ZERO;
    int eligibleRows = 0;
    for (CostRow r : rows) {
      if (!CommitmentFigures.eligible(r, window)) {
        continue; // not usage, a commitment's unused part, or spot and other dynamic pricing
      }
      eligibleSum = eligibleSum.add(r.listCost());
      eligibleRows++;
      if (CommitmentFigures.covered(r)) {
        coveredSum = coveredSum.add(r.listCost());
        coveredEffective = coveredEffective.add(r.effectiveCost());
      }
    }
    if (eligibleSum.signum() <= 0) {
      return List.of();
    }
    double eligible = eligibleSum.doubleValue();
    double target = rule.number("target_percent") / 100;
    double coverage = CommitmentCoverage.ratio(coveredSum, eligibleSum).getAsDouble();
    double gap = target - coverage;
    if (gap * 100 < rule.number("min_gap_points")) {
      return List.of();
    }
    double perMonth = (double) MONTH.toSeconds() / window.length().toSeconds();
    List<Evidence> ev = new ArrayList<>(List.of(
        Evidence.of("commitment coverage (ListCost)", coverage * 100, "%", "commitment_coverage", window, List.of(eligibleRows + " usage rows")),
        Evidence.of("eligible usage at on-demand prices (ListCost)", eligible, "USD", "cloud_spend", window, List.of()),
        Evidence.of("coverage target", target * 100, "%", "commitment_coverage", window, List.of("rule " + rule.id()))));
    Impact impact;
    if (coveredSum.signum() <= 0) {
      ev.add(Evidence.absent("effective savings rate of committed usage", "%", "effective_savings_rate", window, "no committed usage"));
      impact = Impact.absent("USD/month", "no committed usage to learn the discount from");
    } else {
      double rate = SavingsOpportunities.committedDiscount(coveredSum, coveredEffective).getAsDouble();
      ev.add(Evidence.of("effective savings rate of committed usage", rate * 100, "%", "effective_savings_rate", window, List.of()));
      double saving = gap * eligible * rate * perMonth;
      impact = Impact.of(saving, "USD/month", String.format(Locale.ROOT, "(%s%% − %s%%) × $%s × %s%% × %s (30 d / window)",
          ReliabilityRules.fmt(target * 100), ReliabilityRules.fmt(coverage * 100), ReliabilityRules.fmt(eligible),
          ReliabilityRules.fmt(rate * 100), ReliabilityRules.fmt(perMonth)));
    }
    return List.of(new Recommendation(rule.id(), "commitment coverage", String.format(Locale.ROOT,
        "Raise commitment coverage from %s%% to the %s%% target with savings plans or reservations for steady on-demand usage",
        ReliabilityRules.fmt(coverage * 100), ReliabilityRules.fmt(target * 100)), owner, rule.priority(), ev, impact));
  }

  /**
   * Unused commitments → use, exchange or resize them. FOCUS marks the part of a commitment's amortized cost that no
   * usage consumed with {@code CommitmentDiscountStatus} Unused. Per commitment type (e.g. Savings Plan, Reservation):
   * {@code used} = Σ EffectiveCost of usage rows with status Used, {@code unused} = Σ EffectiveCost of rows with status
   * Unused, utilization = {@code used / (used + unused)} (FinOps Foundation, "Rate Optimization"; FOCUS 1.x). A type whose
   * utilization is below {@code min_utilization_percent} and whose unused cost reaches {@code min_monthly_usd} a month is
   * recommended; impact = unused EffectiveCost × 30 days / the window's days, the money a month paid for nothing. Rows
   * without a status (an export that does not say) are not judged. The sums are exact decimals, so the figures do not
   * depend on the rows' order.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in;
   *     amounts are scaled to 30 days by its length
   * @return one recommendation per commitment type that qualifies, in {@link Recommendation#ORDER}
   */
  public static List<Recommendation> unusedCommitments(RecommendationRule rule, String owner, List<CostRow> rows, TimeWindow window) {
    record Use(BigDecimal used, BigDecimal unused, int unusedRows) {}
    Map<String, Use> byType = new TreeMap<>();
    for (CostRow r : rows) {
      if (!CommitmentFigures.judged(r, window)) {
        continue;
      }
      String type = CommitmentFigures.type(r);
      BigDecimal cost = r.effectiveCost();
      boolean unused = CostRow.UNUSED.equals(r.commitmentDiscountStatus());
      byType.merge(type, new Use(unused ? BigDecimal.ZERO : cost, unused ? cost : BigDecimal.ZERO, unused ? 1 : 0),
          (a, b) -> new Use(a.used().add(b.used()), a.unused().add(b.unused()), a.unusedRows() + b.unusedRows()));
    }
    double perMonth = (double) MONTH.toSeconds() / window.length().toSeconds();
    List<Recommendation> out = new ArrayList<>();
    for (Map.Entry<String, Use> e : byType.entrySet()) {
      Use exact = e.getValue();
      BigDecimal totalSum = exact.used().add(exact.unused());
      if (totalSum.signum() <= 0 || exact.unused().signum() <= 0) {
        continue;
      }
      // The sums are exact; the figures are their doubles.
      record Figures(double used, double unused, int unusedRows) {}
      Figures u = new Figures(exact.used().doubleValue(), exact.unused().doubleValue(), exact.unusedRows());
      double utilization = CommitmentFigures.utilization(new CommitmentFigures.Use(exact.used(), exact.unused()))
          .getAsDouble();
      double unusedPerMonth = u.unused() * perMonth;
      if (utilization * 100 >= rule.number("min_utilization_percent") || unusedPerMonth < rule.number("min_monthly_usd")) {
        continue;
      }
      String type = e.getKey();
      List<Evidence> ev = List.of(
          Evidence.of(type + " utilization", utilization * 100, "%", "commitment_utilization", window,
              List.of("$" + ReliabilityRules.fmt(u.used()) + " used", "$" + ReliabilityRules.fmt(u.unused()) + " unused")),
          Evidence.of(type + " cost no usage consumed (EffectiveCost, Unused)", u.unused(), "USD", "cloud_spend", window,
              List.of(u.unusedRows() + " rows")));
      Impact impact = Impact.of(unusedPerMonth, "USD/month", String.format(Locale.ROOT, "$%s unused × %s (30 d / window)",
          ReliabilityRules.fmt(u.unused()), ReliabilityRules.fmt(perMonth)));
      out.add(new Recommendation(rule.id(), type, String.format(Locale.ROOT,
          "Use, exchange or resize the %s commitments: %s%% utilized, $%s of their cost went unused", type,
          ReliabilityRules.fmt(utilization * 100), ReliabilityRules.fmt(u.unused())), owner, rule.priority(), ev, impact));
    }
    out.sort(Recommendation.ORDER);
    return out;
  }

  /**
   * Untagged spend → allocate it. Share = {@code EffectiveCost of rows without the tag (or with a blank value) /
   * EffectiveCost of all rows}; above {@code max_share_percent}, the untagged spend per month is the impact (spend made
   * allocatable to a team). The evidence names the largest untagged services.
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param rows the FOCUS cost rows
   * @param window the half-open window {@code [start, end)} the row's {@code ChargePeriodStart} must lie in;
   *     amounts are scaled to 30 days by its length
   * @return one recommendation, or none when the untagged share is within the limit
   */
  public static List<Recommendation> unallocatedSpend(RecommendationRule rule, String owner, List<CostRow> rows, TimeWindow window) {
    String tag = rule.text("tag");
    double total = 0;
    double untagged = 0;
    Map<String, Double> byService = new TreeMap<>();
    for (CostRow r : rows) {
      if (!window.contains(r.chargePeriodStart()) || CostBreakdown.isCreditOrAdjustment(r) || "Tax".equalsIgnoreCase(r.chargeCategory())) {
        continue;
      }
      double cost = r.effectiveCost().doubleValue();
      total += cost;
      String value = r.tags().get(tag);
      if (value == null || value.isBlank()) {
        untagged += cost;
        byService.merge(r.serviceName(), cost, Double::sum);
      }
    }
    if (total <= 0 || untagged / total * 100 <= rule.number("max_share_percent")) {
      return List.of();
    }
    double share = untagged / total;
    double perMonth = (double) MONTH.toSeconds() / window.length().toSeconds();
    List<String> top = byService.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(3)
        .map(e -> e.getKey() + ": " + ReliabilityRules.fmt(e.getValue())).toList();
    List<Evidence> ev = List.of(
        Evidence.of("spend without a '" + tag + "' tag", untagged, "USD", "cloud_spend", window, top),
        Evidence.of("share of all spend", share * 100, "%", "cloud_spend", window, List.of()));
    Impact impact = Impact.of(untagged * perMonth, "USD/month", String.format(Locale.ROOT, "$%s × %s (30 d / window) made allocatable",
        ReliabilityRules.fmt(untagged), ReliabilityRules.fmt(perMonth)));
    return List.of(new Recommendation(rule.id(), "tag " + tag, String.format(Locale.ROOT,
        "Tag or allocate the %s%% of spend that has no '%s' tag (largest: %s)", ReliabilityRules.fmt(share * 100), tag,
        String.join(", ", top)), owner, rule.priority(), ev, impact));
  }

  /**
   * Fastest-growing cost drivers per MAU → review them. For each service: {@code EffectiveCost / MAU} in {@code window}
   * and in the window before (MAU: distinct active users of each window, {@link io.companyos.scoring.product.Engagement#activeUsers}),
   * credits, adjustments, taxes and purchases left out as for usage. A service whose cost per MAU grew by at least
   * {@code min_growth_percent}, and that cost at least {@code min_spend} in the window, is recommended for review, fastest
   * growth first, at most {@code limit}. Impact: the spend of the window above what the previous cost per MAU would
   * have cost at today's MAU, {@code (now/MAU − before/MAU_before) × MAU}, per month. Without active users in either
   * window nothing is judged (cost per MAU is undefined).
   *
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param current the FOCUS cost rows of {@code window}
   * @param previous the FOCUS cost rows of {@code previousWindow}
   * @param mau distinct active users of {@code window}
   * @param mauBefore distinct active users of {@code previousWindow}
   * @param window the half-open window judged; amounts are scaled to 30 days by its length
   * @param previousWindow the half-open window compared against
   * @return the services that qualify, fastest growth first, at most {@code limit}
   */
  public static List<Recommendation> costPerMauGrowth(RecommendationRule rule, String owner, List<CostRow> current,
      List<CostRow> previous, long mau, long mauBefore, TimeWindow window, TimeWindow previousWindow) {
    if (mau <= 0 || mauBefore <= 0) {
      return List.of();
    }
    Map<String, Double> now = spendByService(current, window);
    Map<String, Double> before = spendByService(previous, previousWindow);
    record Growth(String service, double perMau, double perMauBefore, double spend) {
      double percent() {
        return (perMau / perMauBefore - 1) * 100;
      }
    }
    List<Growth> growing = new ArrayList<>();
    for (Map.Entry<String, Double> e : now.entrySet()) {
      Double b = before.get(e.getKey());
      if (b == null || b <= 0 || e.getValue() < rule.number("min_spend")) {
        continue;
      }
      Growth g = new Growth(e.getKey(), e.getValue() / mau, b / mauBefore, e.getValue());
      if (g.percent() >= rule.number("min_growth_percent")) {
        growing.add(g);
      }
    }
    growing.sort(java.util.Comparator.comparingDouble((Growth g) -> -g.percent()).thenComparing(Growth::service));
    double perMonth = (double) MONTH.toSeconds() / window.length().toSeconds();
    List<Recommendation> out = new ArrayList<>();
    for (Growth g : growing.subList(0, Math.min(growing.size(), (int) rule.number("limit")))) {
      String kpi = "cost_per_mau:" + g.service();
      List<Evidence> ev = List.of(
          Evidence.of(g.service() + " cost per MAU", g.perMau(), "USD", kpi, window,
              List.of("$" + ReliabilityRules.fmt(g.spend()) + " / " + mau + " MAU")),
          Evidence.of(g.service() + " cost per MAU the window before", g.perMauBefore(), "USD", kpi, previousWindow,
              List.of("$" + ReliabilityRules.fmt(before.get(g.service())) + " / " + mauBefore + " MAU")));
      double excess = (g.perMau() - g.perMauBefore()) * mau * perMonth;
      Impact impact = Impact.of(excess, "USD/month", String.format(Locale.ROOT, "($%s − $%s) × %d MAU × %s (30 d / window)",
          ReliabilityRules.fmt(g.perMau()), ReliabilityRules.fmt(g.perMauBefore()), mau, ReliabilityRules.fmt(perMonth)));
      out.add(new Recommendation(rule.id(), g.service(), String.format(Locale.ROOT,
          "Review %s: its cost per MAU grew %s%% (from $%s to $%s), faster than usage", g.service(),
          ReliabilityRules.fmt(g.percent()), ReliabilityRules.fmt(g.perMauBefore()), ReliabilityRules.fmt(g.perMau())),
          owner, rule.priority(), ev, impact));
    }
    return out;
  }

  private static Map<String, Double> spendByService(List<CostRow> rows, TimeWindow window) {
    Map<String, Double> m = new TreeMap<>();
    for (CostRow r : rows) {
      if (window.contains(r.chargePeriodStart()) && CommitmentFigures.usage(r)) {
        m.merge(r.serviceName(), r.effectiveCost().doubleValue(), Double::sum);
      }
    }
    return m;
  }
}
