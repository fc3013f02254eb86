package io.companyos.scoring.recommend;

import io.companyos.model.data.Account;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.recommend.RecommendationRule;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.product.ChurnRisk;
import io.companyos.scoring.product.Engagement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The product rule kinds: feature adoption that dropped against the window before, and accounts at churn risk with the
 * ARR they hold. Adoption is the catalog's {@code feature_adoption} (distinct users of a feature / distinct active
 * users, {@link Engagement#isActivity}); churn risk is the catalog's {@code churn_risk_accounts}
 * ({@link ChurnRisk#accountsAtRisk}), so the numbers equal the ones the product pack shows for the same windows.
 */
public final class ProductRules {
  private ProductRules() {}

  /**
   * Adoption drop → review the feature. For every feature used in either window: adoption now and in the window before
   * (a feature nobody used now has adoption 0); when it fell by at least {@code min_drop_points} percentage points and at
   * least {@code min_users} people used it before, the drop is recommended for review, largest drop first, at most
   * {@code limit}. Impact: the drop in points of feature adoption. Windows without active users judge nothing.
   *
   * @param current the events of {@code window}
   * @param previous the events of the window before (same length)
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param window the window judged
   * @param previousWindow the window before it
   * @return the features whose adoption dropped enough, largest drop first, at most {@code limit}
   */
  public static List<Recommendation> adoptionDrops(RecommendationRule rule, String owner, List<ProductEvent> current,
      List<ProductEvent> previous, TimeWindow window, TimeWindow previousWindow) {
    Map<String, Set<String>> now = usersByFeature(current);
    Map<String, Set<String>> before = usersByFeature(previous);
    long active = Engagement.activeUsers(current);
    long activeBefore = Engagement.activeUsers(previous);
    if (active == 0 || activeBefore == 0) {
      return List.of();
    }
    record Drop(String feature, double nowPct, double beforePct, int usersNow, int usersBefore) {
      double points() {
        return beforePct - nowPct;
      }
    }
    List<Drop> drops = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      int usersBefore = e.getValue().size();
      int usersNow = now.getOrDefault(e.getKey(), Set.of()).size();
      double beforePct = 100.0 * usersBefore / activeBefore;
      double nowPct = 100.0 * usersNow / active;
      if (usersBefore >= rule.number("min_users") && beforePct - nowPct >= rule.number("min_drop_points")) {
        drops.add(new Drop(e.getKey(), nowPct, beforePct, usersNow, usersBefore));
      }
    }
    drops.sort(Comparator.comparingDouble((Drop d) -> -d.points()).thenComparing(Drop::feature));
    List<Recommendation> out = new ArrayList<>();
    for (Drop d : drops.subList(0, Math.min(drops.size(), (int) rule.number("limit")))) {
      String kpi = "feature_adoption:" + d.feature();
      List<Evidence> ev = List.of(
          Evidence.of("adoption of " + d.feature(), d.nowPct(), "%", kpi, window,
              List.of(d.usersNow() + " of " + active + " active users")),
          Evidence.of("adoption of " + d.feature() + " the window before", d.beforePct(), "%", kpi, previousWindow,
              List.of(d.usersBefore() + " of " + activeBefore + " active users")));
      Impact impact = Impact.of(-d.points(), "points of adoption", String.format(Locale.ROOT, "%s%% − %s%%",
          ReliabilityRules.fmt(d.nowPct()), ReliabilityRules.fmt(d.beforePct())));
      out.add(new Recommendation(rule.id(), d.feature(), String.format(Locale.ROOT,
          "Review why adoption of %s fell from %s%% to %s%% of active users (a release, an error, a moved entry point)",
          d.feature(), ReliabilityRules.fmt(d.beforePct()), ReliabilityRules.fmt(d.nowPct())), owner, rule.priority(), ev, impact));
    }
    return out;
  }

  /**
   * Churn-risk accounts → reach out. Accounts whose active user-days in {@code window} fell by at least
   * {@code drop_percent} against the window before ({@link ChurnRisk#accountsAtRisk}); with at least {@code min_accounts}
   * of them, one recommendation naming the largest by ARR. Impact: the ARR the accounts hold ({@link Account#arr}); an
   * account without an account record adds its id to the evidence and nothing to the sum, and when none has one the
   * impact is n/a.
   *
   * @param events the events of {@code window} and the window before it
   * @param rule the rule's settings from recommendations.yaml
   * @param owner the role id that owns the recommendations
   * @param accounts the account records, for their ARR
   * @param window the half-open window {@code [start, end)} judged
   * @return one recommendation, or none with fewer than {@code min_accounts} accounts at risk
   */
  public static List<Recommendation> churnRisk(RecommendationRule rule, String owner, List<ProductEvent> events,
      List<Account> accounts, TimeWindow window) {
    List<String> atRisk = ChurnRisk.accountsAtRisk(events, window, rule.number("drop_percent") / 100);
    if (atRisk.isEmpty() || atRisk.size() < rule.number("min_accounts")) {
      return List.of();
    }
    Map<String, Account> byId = new HashMap<>();
    accounts.forEach(a -> byId.put(a.accountId(), a));
    Map<String, BigDecimal> arr = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (String id : atRisk) {
      Account a = byId.get(id);
      if (a == null) {
        unknown.add(id);
      } else {
        arr.put(id, a.arr());
      }
    }
    BigDecimal total = arr.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<String> largest = arr.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> byId.get(e.getKey()).name() + " ($" + String.format(Locale.ROOT, "%,.0f", e.getValue()) + ")").toList();
    List<String> records = new ArrayList<>(atRisk);
    unknown.forEach(id -> records.add(id + ": no account record, ARR unknown"));
    List<Evidence> ev = new ArrayList<>();
    ev.add(Evidence.of("accounts whose active user-days fell " + ReliabilityRules.fmt(rule.number("drop_percent")) + "% or more",
        atRisk.size(), "accounts", "churn_risk_accounts", window, records));
    Impact impact;
    if (arr.isEmpty()) {
      ev.add(Evidence.absent("ARR of those accounts", "USD", "arr_at_risk", window, "no account records for them"));
      impact = Impact.absent("USD ARR", "no account records for the accounts at risk");
    } else {
      ev.add(Evidence.of("ARR of those accounts", total.doubleValue(), "USD", "arr_at_risk", window, List.of()));
      impact = Impact.of(total.doubleValue(), "USD ARR at risk", "sum of the ARR of " + arr.size() + " account"
          + (arr.size() == 1 ? "" : "s") + (unknown.isEmpty() ? "" : "; " + unknown.size() + " without an account record"));
    }
    String names = largest.isEmpty() ? String.join(", ", atRisk.subList(0, Math.min(3, atRisk.size()))) : String.join(", ", largest);
    return List.of(new Recommendation(rule.id(), "churn risk", String.format(Locale.ROOT,
        "Reach out to the %d account%s whose use fell %s%% or more (largest: %s)", atRisk.size(), atRisk.size() == 1 ? "" : "s",
        ReliabilityRules.fmt(rule.number("drop_percent")), names), owner, rule.priority(), ev, impact));
  }

  private static Map<String, Set<String>> usersByFeature(List<ProductEvent> events) {
    Map<String, Set<String>> m = new TreeMap<>();
    for (ProductEvent e : events) {
      if (e.feature() != null && Engagement.isActivity(e)) {
        m.computeIfAbsent(e.feature(), k -> new HashSet<>()).add(e.userId());
      }
    }
    return m;
  }
}
