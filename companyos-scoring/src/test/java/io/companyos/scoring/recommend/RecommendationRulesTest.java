package io.companyos.scoring.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.recommend.RuleKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.slo.BurnRateAlerts;
import io.companyos.scoring.slo.BurnRateWindow;
import io.companyos.scoring.slo.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every rule kind on small hand-made data; each test writes the arithmetic of its evidence and impact. */
class RecommendationRulesTest {
  static final Instant AT = Instant.parse("2026-11-23T00:00:00Z");
  static final TimeWindow WEEK = TimeWindow.ending(AT, Duration.ofDays(7));

  static RecommendationRule rule(String id) {
    return BuiltinDefinitions.load().recommendationRules().rule(id).orElseThrow();
  }

  static RecommendationRule rule(RuleKind kind, Map<String, String> params) {
    return new RecommendationRule("test", kind, kind.defaultSection(), "Weekly Ops Review", null, 3, params, true);
  }

  @Test
  void ownersComeFromTheRuleElseTheAccountableRoleOfItsRaciActivity() {
    var matrix = BuiltinDefinitions.load().raci();
    java.util.function.Function<String, java.util.Optional<String>> raci =
        a -> matrix.activity(a).map(io.companyos.model.org.RaciActivity::accountable);
    assertThat(Owners.of(rule("slo-burn-tier"), raci)).isEqualTo("sre_lead");
    // "Weekly Ops Review": cto is accountable.
    assertThat(Owners.of(rule(RuleKind.BURN_RATE_TIER, Map.of()), raci)).isEqualTo("cto");
    RecommendationRule orphan = new RecommendationRule("x", RuleKind.BURN_RATE_TIER, "recommendations", "No Such Meeting", null, 1,
        Map.of(), true);
    assertThat(Owners.of(orphan, raci)).isEqualTo(Owners.UNASSIGNED);
  }

  /** Burn rates per window length: 1h and 5m at 20x, everything longer at 0.5x. */
  private static BurnRateAlerts.Tier tier(double fastBurn, double slowBurn) {
    double target = 0.999;
    return BurnRateAlerts.tier(length -> {
      double burn = length.compareTo(Duration.ofHours(1)) <= 0 ? fastBurn : slowBurn;
      // 1,000,000 events; bad = burn × (1 − target) × events.
      return Slo.ofCounts(target, 1_000_000, Math.round(burn * (1 - target) * 1_000_000));
    });
  }

  @Test
  void aPageTierFreezesRolloutsAndPricesTheBudgetSpentPerDay() {
    var burns = List.of(new ReliabilityRules.ServiceBurn("checkout", tier(20, 0.5), AT, List.of("checkout: 1000000 events")),
        new ReliabilityRules.ServiceBurn("search", tier(0.2, 0.2), AT, List.of()));
    List<Recommendation> out = ReliabilityRules.burnRate(rule("slo-burn-tier"), "sre_lead", burns);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    // 20x over 1h and 5m > 14.4 → the page-fast tier fires; 14.4 ≥ freeze_factor 6 → freeze.
    assertThat(r.action()).startsWith("Freeze rollouts of checkout").contains("14.4x page tier (1h/5m)");
    assertThat(r.owner()).isEqualTo("sre_lead");
    assertThat(r.evidence().get(0).value()).isCloseTo(20.0, within(1e-9));
    assertThat(r.evidence().get(0).window()).isEqualTo(TimeWindow.ending(AT, Duration.ofHours(1)));
    // Impact: 20 × 1 d / 30 d × 100 = 66.67 % of the 30-day budget per day; it lasts 30 / 20 = 1.5 days.
    assertThat(r.impact().amount()).isCloseTo(66.667, within(1e-3));
    assertThat(r.impact().basis()).contains("1.5 days");
  }

  @Test
  void aTicketTierSlowsRolloutsAndAMinimumFactorFiltersIt() {
    // 3.5x over every window: 3x (1d/2h) and 1x (3d/6h) fire, 6x and 14.4x do not → the tier is 3x.
    var burns = List.of(new ReliabilityRules.ServiceBurn("search", tier(3.5, 3.5), AT, List.of()));
    Recommendation r = ReliabilityRules.burnRate(rule("slo-burn-tier"), "sre_lead", burns).get(0);
    assertThat(r.action()).startsWith("Slow rollouts of search").contains("3x ticket tier (1d/2h)");
    // 3.5 × 1/30 × 100 = 11.67 % of the budget per day.
    assertThat(r.impact().amount()).isCloseTo(11.667, within(1e-3));
    assertThat(ReliabilityRules.burnRate(rule(RuleKind.BURN_RATE_TIER, Map.of("min_factor", "6")), "x", burns)).isEmpty();
    assertThat(BurnRateWindow.sreWorkbookDefaults()).extracting(BurnRateWindow::factor).containsExactly(14.4, 6.0, 3.0, 1.0);
  }

  private static Incident incident(String id, String created, @Nullable String resolved, String service, String title) {
    return new Incident(id, Instant.parse(created), resolved == null ? null : Instant.parse(resolved), "P2", service, title, null);
  }

  @Test
  void repeatIncidentsWithinTheirWindowCallForAProblemReview() {
    List<Incident> incidents = List.of(
        incident("INC-1", "2026-10-01T10:00:00Z", "2026-10-01T12:00:00Z", "checkout", "checkout: Payment provider timeouts"),
        incident("INC-2", "2026-11-01T10:00:00Z", "2026-11-01T13:30:00Z", "checkout", "checkout: payment provider timeouts (EU)"),
        incident("INC-3", "2026-11-20T08:00:00Z", "2026-11-20T09:00:00Z", "checkout", "Payment provider timeouts"),
        // Same cause but its newest is weeks before the period: a stale repeat is not this week's focus.
        incident("INC-4", "2026-10-02T08:00:00Z", "2026-10-02T09:00:00Z", "search", "Index lag"),
        incident("INC-5", "2026-10-03T08:00:00Z", "2026-10-03T09:00:00Z", "search", "Index lag"),
        // Once only.
        incident("INC-6", "2026-11-21T08:00:00Z", null, "auth", "Token refresh errors"));
    List<Recommendation> out = ReliabilityRules.repeatIncidents(rule("repeat-incidents"), "sre_lead", incidents, WEEK);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    // Newest INC-3 (2026-11-20) is in the week; within 30 days before it: INC-2 (11-01) and INC-3; INC-1 (10-01) is 50 days
    // earlier. 2 ≥ min_count 2.
    assertThat(r.evidence().get(0).value()).isEqualTo(2.0);
    assertThat(r.records()).containsExactly("INC-2", "INC-3");
    // Impact: 3.5 h (INC-2) + 1 h (INC-3) = 4.5 incident hours.
    assertThat(r.impact().amount()).isEqualTo(4.5);
    assertThat(r.action()).contains("problem review of checkout").contains("2 times in 30 days");
  }

  private static Deployment deploy(int n, boolean failed) {
    return new Deployment("d" + n, WEEK.start().plus(Duration.ofHours(n)), List.of(), failed ? DeployStatus.FAILURE : DeployStatus.SUCCESS);
  }

  private static DoraResult dora(TimeWindow w, int deploys, int failed) {
    List<Deployment> ds = new ArrayList<>();
    for (int i = 0; i < deploys; i++) {
      Deployment d = deploy(i, i < failed);
      ds.add(new Deployment(d.deployId(), w.start().plus(Duration.ofHours(i)), d.changes(), d.status()));
    }
    return DoraMetrics.compute(List.of(), ds, List.of(), w);
  }

  @Test
  void aChangeFailureRateUpByFivePointsCallsForADeploySafetyReview() {
    // Now 4 of 20 = 20 %; before 2 of 25 = 8 %: +12 points ≥ 5, and 20 deployments ≥ 10.
    DoraResult now = dora(WEEK, 20, 4);
    DoraResult before = dora(WEEK.previous(), 25, 2);
    List<Recommendation> out = ReliabilityRules.changeFailureRate(rule("change-failure-rate-up"), "vp_engineering", now, before);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(20.0, 8.0, 20.0);
    assertThat(r.evidence().get(0).kpi()).isEqualTo("change_failure_rate");
    // Impact: (20 % − 8 %) × 20 deployments = 2.4 failed deployments more than at the earlier rate.
    assertThat(r.impact().amount()).isCloseTo(2.4, within(1e-9));
    assertThat(r.action()).contains("from 8% to 20% (+12 points, 4 of 20 deployments failed)");
    // 9 deployments is below min_deploys 10; a rise of 4 points is below 5.
    assertThat(ReliabilityRules.changeFailureRate(rule("change-failure-rate-up"), "x", dora(WEEK, 9, 4), before)).isEmpty();
    assertThat(ReliabilityRules.changeFailureRate(rule("change-failure-rate-up"), "x", dora(WEEK, 25, 3), before)).isEmpty();
  }

  @Test
  void vulnerabilitiesPastTheirSlaGoToTheirOwnerWithTheirComponents() {
    List<Vulnerability> v = List.of(
        // critical, SLA 7 days: detected 10 days before → 3 days over.
        new Vulnerability("V1", "CVE-2026-0001", "critical", "openssl", "t", AT.minus(Duration.ofDays(10)), null),
        // high, SLA 30 days: 45 days → 15 over.
        new Vulnerability("V2", null, "high", "openssl", "t", AT.minus(Duration.ofDays(45)), null),
        // high, 20 days: within its SLA.
        new Vulnerability("V3", null, "high", "libxml", "t", AT.minus(Duration.ofDays(20)), null),
        // critical, past SLA but resolved before the as-of.
        new Vulnerability("V4", null, "critical", "libxml", "t", AT.minus(Duration.ofDays(30)), AT.minus(Duration.ofDays(1))),
        // medium, SLA 90 days: 100 days → 10 over.
        new Vulnerability("V5", null, "medium", "glibc", "t", AT.minus(Duration.ofDays(100)), null));
    List<Recommendation> out = ReliabilityRules.vulnerabilitySla(rule("vulnerabilities-past-sla"), "security_lead", v, AT,
        RemediationSla.DEFAULT, WEEK);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.action()).isEqualTo("Remediate 3 findings past the remediation SLA (up to 15 days over) in openssl (2), glibc (1)");
    assertThat(r.records()).containsExactly("V5", "V2", "CVE-2026-0001");
    // 3 findings; 10 + 15 + 3 = 28 days overdue; worst 15.
    assertThat(r.impact().amount()).isEqualTo(3.0);
    assertThat(r.impact().basis()).isEqualTo("28 days overdue in all");
    assertThat(r.evidence().get(1).value()).isEqualTo(15.0);
    assertThat(ReliabilityRules.vulnerabilitySla(rule(RuleKind.VULNERABILITY_SLA, Map.of("min_days_past", "16")), "x", v, AT,
        RemediationSla.DEFAULT, WEEK)).isEmpty();
  }

  static CostRow cost(String day, double list, double effective, String service, @Nullable String pricing, @Nullable String commitment,
      Map<String, String> tags) {
    Instant start = Instant.parse(day + "T00:00:00Z");
    return new CostRow(start, start.plus(Duration.ofDays(1)), BigDecimal.valueOf(effective), BigDecimal.valueOf(effective),
        BigDecimal.valueOf(list), service, "Compute", "aws", "Usage", pricing, commitment, tags);
  }

  static final TimeWindow MONTH = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  @Test
  void aCoverageGapIsPricedAtTheDiscountCommitmentsAlreadyEarn() {
    List<CostRow> rows = List.of(
        // Covered: ListCost 6,000, EffectiveCost 4,200 → savings rate 1 − 4,200 / 6,000 = 30 %.
        cost("2026-11-03", 6000, 4200, "AmazonEC2", "Committed", "Savings Plan", Map.of("team", "core")),
        // On demand: ListCost = EffectiveCost = 4,000.
        cost("2026-11-04", 4000, 4000, "AmazonEC2", "Standard", null, Map.of("team", "core")),
        // Spot is not eligible for commitments.
        cost("2026-11-05", 1000, 300, "AmazonEC2", "Dynamic", null, Map.of("team", "core")),
        // Outside the window.
        cost("2026-10-30", 9000, 9000, "AmazonEC2", "Standard", null, Map.of("team", "core")));
    List<Recommendation> out = FinOpsRules.commitmentCoverage(rule("commitment-coverage-gap"), "finops_lead", rows, MONTH);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    // Coverage = 6,000 / (6,000 + 4,000) = 60 %; target 80 %: a 20-point gap ≥ 5.
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(60.0, 10000.0, 80.0, 30.000000000000004);
    // Saving = (80 % − 60 %) × 10,000 × 30 % × (30 d / 30 d) = 600 USD a month.
    assertThat(r.impact().amount()).isCloseTo(600.0, within(1e-6));
    assertThat(r.impact().unit()).isEqualTo("USD/month");
    assertThat(r.action()).contains("from 60% to the 80% target");
  }

  @Test
  void withoutCommittedUsageTheSavingIsNotAvailableNeverZero() {
    List<CostRow> rows = List.of(cost("2026-11-04", 4000, 4000, "AmazonEC2", "Standard", null, Map.of()));
    Recommendation r = FinOpsRules.commitmentCoverage(rule("commitment-coverage-gap"), "finops_lead", rows, MONTH).get(0);
    // Coverage 0 / 4,000 = 0 %: an 80-point gap, but no discount to price it at.
    assertThat(r.impact().amount()).isNull();
    assertThat(r.impact().absentReason()).isEqualTo("no committed usage to learn the discount from");
    assertThat(r.evidence().get(3).value()).isNull();
  }

  static CostRow commitment(String day, double effective, String type, String status) {
    Instant start = Instant.parse(day + "T00:00:00Z");
    return new CostRow(start, start.plus(Duration.ofDays(1)), BigDecimal.valueOf(effective), BigDecimal.valueOf(effective),
        BigDecimal.valueOf(effective), "AmazonEC2", "Compute", "aws", "Usage", "Committed", type, status, Map.of());
  }

  @Test
  void unusedCommitmentsAreRecommendedWithTheMoneyPaidForNothing() {
    List<CostRow> rows = List.of(
        // Savings Plan: used 2,700 + 900 = 3,600, unused 400 → utilization 3,600 / 4,000 = 90 % < 95 %.
        commitment("2026-11-03", 2700, "Savings Plan", CostRow.USED),
        commitment("2026-11-04", 900, "Savings Plan", CostRow.USED),
        commitment("2026-11-04", 400, "Savings Plan", CostRow.UNUSED),
        // Reservation: used 1,980, unused 20 → 99 %, above the 95 % floor: not recommended.
        commitment("2026-11-05", 1980, "Reservation", CostRow.USED),
        commitment("2026-11-05", 20, "Reservation", CostRow.UNUSED),
        // Outside the window, and a row without a status: neither is judged.
        commitment("2026-10-30", 5000, "Savings Plan", CostRow.UNUSED),
        cost("2026-11-06", 700, 500, "AmazonEC2", "Committed", "Savings Plan", Map.of()));
    List<Recommendation> out = FinOpsRules.unusedCommitments(rule("unused-commitments"), "finops_lead", rows, MONTH);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.subject()).isEqualTo("Savings Plan");
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(90.0, 400.0);
    assertThat(r.evidence().get(0).kpi()).isEqualTo("commitment_utilization");
    // Impact: 400 unused × 30 d / 30 d = 400 USD a month.
    assertThat(r.impact().amount()).isCloseTo(400.0, within(1e-9));
    assertThat(r.action()).isEqualTo("Use, exchange or resize the Savings Plan commitments: 90% utilized, $400 of their cost went unused");
    // Over one week the same 400 unused is 400 × 30 / 7 = 1,714.29 a month.
    TimeWindow week = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T00:00:00Z"));
    assertThat(FinOpsRules.unusedCommitments(rule("unused-commitments"), "x", rows, week).get(0).impact().amount())
        .isCloseTo(400.0 * 30 / 7, within(1e-9));
    // A higher monthly floor silences it.
    assertThat(FinOpsRules.unusedCommitments(rule(RuleKind.UNUSED_COMMITMENTS, Map.of("min_monthly_usd", "500")), "x", rows, MONTH))
        .isEmpty();
  }

  @Test
  void aCommitmentsUnusedPartIsNotCoveredUsage() {
    List<CostRow> rows = List.of(
        cost("2026-11-03", 6000, 4200, "AmazonEC2", "Committed", "Savings Plan", Map.of()),
        cost("2026-11-04", 4000, 4000, "AmazonEC2", "Standard", null, Map.of()),
        // 2,000 of list cost nobody used: counting it would lift coverage to 8,000 / 12,000 = 66.7 %.
        commitment("2026-11-05", 2000, "Savings Plan", CostRow.UNUSED));
    Recommendation r = FinOpsRules.commitmentCoverage(rule("commitment-coverage-gap"), "finops_lead", rows, MONTH).get(0);
    assertThat(r.evidence().get(0).value()).isEqualTo(60.0);
  }

  @Test
  void untaggedSpendAboveItsShareIsAllocated() {
    List<CostRow> rows = List.of(
        cost("2026-11-03", 900, 900, "AmazonEC2", "Standard", null, Map.of("team", "core")),
        cost("2026-11-03", 60, 60, "AmazonS3", "Standard", null, Map.of()),
        cost("2026-11-04", 40, 40, "AWSLambda", "Standard", null, Map.of("team", " ")));
    List<Recommendation> out = FinOpsRules.unallocatedSpend(rule("unallocated-spend"), "finops_lead", rows, MONTH);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    // Untagged: 60 + 40 (blank value) = 100 of 1,000 = 10 % > 5 %.
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(100.0, 10.0);
    assertThat(r.records()).containsExactly("AmazonS3: 60", "AWSLambda: 40");
    // Impact: 100 × 30 d / 30 d = 100 USD a month made allocatable.
    assertThat(r.impact().amount()).isCloseTo(100.0, within(1e-9));
    assertThat(FinOpsRules.unallocatedSpend(rule(RuleKind.UNALLOCATED_SPEND, Map.of("max_share_percent", "10")), "x", rows, MONTH))
        .isEmpty();
  }

  @Test
  void recommendationsAreOrderedByPriorityThenImpact() {
    Impact small = Impact.of(1, "x", "");
    Impact big = Impact.of(9, "x", "");
    Impact none = Impact.absent("x", "n/a");
    List<Recommendation> all = new ArrayList<>(List.of(new Recommendation("a", "s", "a", "o", 2, List.of(), big),
        new Recommendation("b", "s", "b", "o", 1, List.of(), none), new Recommendation("c", "s", "c", "o", 1, List.of(), small),
        new Recommendation("d", "s", "d", "o", 1, List.of(), big)));
    all.sort(Recommendation.ORDER);
    assertThat(all).extracting(Recommendation::ruleId).containsExactly("d", "c", "b", "a");
  }
}
