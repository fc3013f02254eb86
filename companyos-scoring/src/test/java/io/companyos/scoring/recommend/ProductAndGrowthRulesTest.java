package io.companyos.scoring.recommend;

import static io.companyos.scoring.recommend.RecommendationRulesTest.cost;
import static io.companyos.scoring.recommend.RecommendationRulesTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Account;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.recommend.RuleKind;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The adoption-drop, churn-risk and cost-per-MAU-growth rules on hand-made data; each test writes its arithmetic. */
class ProductAndGrowthRulesTest {
  static final Instant AT = Instant.parse("2026-11-23T00:00:00Z");
  static final TimeWindow WEEK = TimeWindow.ending(AT, Duration.ofDays(7));
  static final TimeWindow WEEK_BEFORE = WEEK.previous();

  static ProductEvent use(String user, String account, Instant at, @Nullable String feature) {
    return new ProductEvent(at, user, account, user + "-s", "click", feature);
  }

  /** {@code n} users u{first}..u{first+n-1}, each with one event at {@code at}, using {@code feature} (or none). */
  static List<ProductEvent> users(int first, int n, Instant at, @Nullable String feature) {
    List<ProductEvent> out = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      out.add(use("u" + i, "acct-1", at, feature));
    }
    return out;
  }

  @Test
  void aFeatureThatLostTenPointsOfAdoptionIsReviewedLargestDropFirst() {
    Instant now = WEEK.start().plus(Duration.ofDays(1));
    Instant before = WEEK_BEFORE.start().plus(Duration.ofDays(1));
    List<ProductEvent> previous = new ArrayList<>();
    // Before: 20 active users; 10 use "reports" (50 %), 6 use "export" (30 %), 2 use "beta" (10 %).
    previous.addAll(users(0, 10, before, "reports"));
    previous.addAll(users(10, 6, before, "export"));
    previous.addAll(users(16, 2, before, "beta"));
    previous.addAll(users(18, 2, before, null));
    List<ProductEvent> current = new ArrayList<>();
    // Now: 25 active users; 5 use "reports" (20 %), 7 use "export" (28 %), nobody uses "beta" (0 %).
    current.addAll(users(0, 5, now, "reports"));
    current.addAll(users(10, 7, now, "export"));
    current.addAll(users(30, 13, now, null));
    current.add(new ProductEvent(now, "u99", "acct-1", "s", "signup", "reports")); // a sign-up is not a use
    List<Recommendation> out = ProductRules.adoptionDrops(rule("adoption-drop"), "vp_product", current, previous, WEEK, WEEK_BEFORE);
    // reports: 50 % → 20 % = −30 points ≥ 10, 10 users before ≥ 5. export: −2 points. beta: −10 points but 2 users < 5.
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.subject()).isEqualTo("reports");
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(20.0, 50.0);
    assertThat(r.evidence()).extracting(Evidence::kpi).containsOnly("feature_adoption:reports");
    assertThat(r.records()).containsExactly("5 of 25 active users", "10 of 20 active users");
    assertThat(r.impact().amount()).isCloseTo(-30.0, within(1e-9));
    assertThat(r.impact().unit()).isEqualTo("points of adoption");
    assertThat(r.action()).startsWith("Review why adoption of reports fell from 50% to 20%");
    // With min_users 2, "beta" (10 % → 0 %, exactly 10 points) joins, after the larger drop.
    List<Recommendation> both = ProductRules.adoptionDrops(rule(RuleKind.ADOPTION_DROP, Map.of("min_users", "2")), "x",
        current, previous, WEEK, WEEK_BEFORE);
    assertThat(both).extracting(Recommendation::subject).containsExactly("reports", "beta");
    assertThat(both.get(1).impact().amount()).isCloseTo(-10.0, within(1e-9));
  }

  @Test
  void noActiveUsersInEitherWindowJudgesNoFeature() {
    Instant before = WEEK_BEFORE.start().plus(Duration.ofDays(1));
    assertThat(ProductRules.adoptionDrops(rule("adoption-drop"), "x", List.of(), users(0, 10, before, "reports"), WEEK, WEEK_BEFORE))
        .isEmpty();
  }

  static Account account(String id, String name, double arr) {
    return new Account(id, name, "smb", BigDecimal.valueOf(arr), Instant.parse("2024-01-01T00:00:00Z"));
  }

  /** {@code days} user-days of one user of {@code account}, one a day from {@code from}. */
  static List<ProductEvent> days(String account, Instant from, int days) {
    List<ProductEvent> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      out.add(use(account + "-user", account, from.plus(Duration.ofDays(d)), null));
    }
    return out;
  }

  @Test
  void accountsWhoseUseFellSeventyPercentPutTheirArrAtRisk() {
    TimeWindow month = TimeWindow.ending(AT, Duration.ofDays(30));
    Instant before = month.previous().start();
    Instant now = month.start();
    List<ProductEvent> events = new ArrayList<>();
    // acct-a: 10 user-days before, 2 now: fell 80 % → at risk. acct-b: 10 before, 3 now: fell exactly 70 % → at risk.
    // acct-c: 10 before, 4 now: fell 60 % → not. acct-d: 5 before, 0 now → at risk, but has no account record.
    events.addAll(days("acct-a", before, 10));
    events.addAll(days("acct-a", now, 2));
    events.addAll(days("acct-b", before, 10));
    events.addAll(days("acct-b", now, 3));
    events.addAll(days("acct-c", before, 10));
    events.addAll(days("acct-c", now, 4));
    events.addAll(days("acct-d", before, 5));
    List<Account> accounts = List.of(account("acct-a", "Alpha", 12_000), account("acct-b", "Beta", 30_000.5),
        account("acct-c", "Gamma", 99_000));
    List<Recommendation> out = ProductRules.churnRisk(rule("churn-risk-arr"), "customer_success", events, accounts, month);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.evidence().get(0).value()).isEqualTo(3.0);
    assertThat(r.evidence().get(0).kpi()).isEqualTo("churn_risk_accounts");
    assertThat(r.records()).containsExactly("acct-a", "acct-b", "acct-d", "acct-d: no account record, ARR unknown");
    // ARR at risk: 12,000 + 30,000.50 = 42,000.50 (acct-d adds nothing: unknown, not zero).
    assertThat(r.evidence().get(1).value()).isCloseTo(42_000.5, within(1e-9));
    assertThat(r.impact().amount()).isCloseTo(42_000.5, within(1e-9));
    assertThat(r.impact().basis()).isEqualTo("sum of the ARR of 2 accounts; 1 without an account record");
    assertThat(r.action()).isEqualTo("Reach out to the 3 accounts whose use fell 70% or more (largest: Beta ($30,001), Alpha ($12,000))");
  }

  @Test
  void withoutAccountRecordsTheArrAtRiskIsNotAvailableNeverZero() {
    TimeWindow month = TimeWindow.ending(AT, Duration.ofDays(30));
    List<Recommendation> out = ProductRules.churnRisk(rule("churn-risk-arr"), "x", days("acct-d", month.previous().start(), 5),
        List.of(), month);
    assertThat(out.get(0).impact().amount()).isNull();
    assertThat(out.get(0).impact().absentReason()).isEqualTo("no account records for the accounts at risk");
    assertThat(ProductRules.churnRisk(rule(RuleKind.CHURN_RISK, Map.of("min_accounts", "2")), "x",
        days("acct-d", month.previous().start(), 5), List.of(), month)).isEmpty();
  }

  @Test
  void aServiceWhoseCostPerMauGrewFasterThanUsageIsReviewedWithItsExcessSpend() {
    TimeWindow nov = RecommendationRulesTest.MONTH;
    TimeWindow oct = nov.previous();
    List<CostRow> before = List.of(
        cost("2026-10-05", 4000, 4000, "AmazonEC2", "Standard", null, Map.of()),
        cost("2026-10-05", 2000, 2000, "AmazonRDS", "Standard", null, Map.of()),
        cost("2026-10-05", 500, 500, "AmazonS3", "Standard", null, Map.of()));
    List<CostRow> now = List.of(
        cost("2026-11-05", 6000, 6000, "AmazonEC2", "Standard", null, Map.of()),
        cost("2026-11-05", 2200, 2200, "AmazonRDS", "Standard", null, Map.of()),
        cost("2026-11-05", 900, 900, "AmazonS3", "Standard", null, Map.of()));
    // MAU 1,000 → 1,100. EC2: 4.00 → 6000/1100 = 5.4545 per MAU, +36.4 % ≥ 20 %. RDS: 2.00 → 2.00, 0 %.
    // S3: 0.50 → 0.818, +63.6 %, but its 900 of spend is under min_spend 1,000.
    List<Recommendation> out = FinOpsRules.costPerMauGrowth(rule("cost-per-mau-growth"), "finops_lead", now, before, 1100, 1000, nov, oct);
    assertThat(out).hasSize(1);
    Recommendation r = out.get(0);
    assertThat(r.subject()).isEqualTo("AmazonEC2");
    assertThat(r.evidence()).extracting(Evidence::value).containsExactly(6000.0 / 1100, 4.0);
    assertThat(r.evidence()).extracting(Evidence::kpi).containsOnly("cost_per_mau:AmazonEC2");
    // Excess: (5.4545 − 4.00) × 1,100 MAU = 6,000 − 4,400 = 1,600 USD, × 30 d / 30 d.
    assertThat(r.impact().amount()).isCloseTo(1600.0, within(1e-9));
    assertThat(r.action()).isEqualTo("Review AmazonEC2: its cost per MAU grew 36.36% (from $4 to $5.45), faster than usage");
    // With min_spend 0, S3 joins and comes first (faster growth): (0.818 − 0.5) × 1,100 = 900 − 550 = 350.
    List<Recommendation> all = FinOpsRules.costPerMauGrowth(rule(RuleKind.COST_PER_MAU_GROWTH, Map.of("min_spend", "0")), "x",
        now, before, 1100, 1000, nov, oct);
    assertThat(all).extracting(Recommendation::subject).containsExactly("AmazonS3", "AmazonEC2");
    assertThat(all.get(0).impact().amount()).isCloseTo(350.0, within(1e-9));
    // Without active users in a window, cost per MAU is undefined: nothing is judged.
    assertThat(FinOpsRules.costPerMauGrowth(rule("cost-per-mau-growth"), "x", now, before, 0, 1000, nov, oct)).isEmpty();
  }
}
