package io.companyos.scoring.product;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The churn-risk rule: an account is at risk when its active user-days in the window fell by at least
 * {@code dropThreshold} (default 70%) against the window before it of the same length. Accounts with
 * no activity in the previous window are not judged (new or already gone).
 */
public final class ChurnRisk {
  /** Default drop that flags an account. */
  public static final double DEFAULT_DROP = 0.7;

  private ChurnRisk() {}

  /**
   * Accounts at risk: active user-days (UTC days; {@code signup} events do not count) in {@code window} at most
   * {@code (1 − dropThreshold)} × those of the window before it.
   *
   * @param events events of the window and of the window of the same length before it
   * @param window the half-open window {@code [start, end)} judged
   * @param dropThreshold the relative drop that flags an account, e.g. {@link #DEFAULT_DROP} (70%)
   * @return the ids of the accounts at risk, sorted
   */
  public static List<String> accountsAtRisk(List<ProductEvent> events, TimeWindow window, double dropThreshold) {
    TimeWindow previous = window.previous();
    Map<String, java.util.Set<String>> now = new HashMap<>();
    Map<String, java.util.Set<String>> before = new HashMap<>();
    for (ProductEvent e : events) {
      if (e.event().equals("signup")) {
        continue;
      }
      String userDay = e.userId() + "@" + e.timestamp().getEpochSecond() / 86_400;
      if (window.contains(e.timestamp())) {
        now.computeIfAbsent(e.accountId(), a -> new java.util.HashSet<>()).add(userDay);
      } else if (previous.contains(e.timestamp())) {
        before.computeIfAbsent(e.accountId(), a -> new java.util.HashSet<>()).add(userDay);
      }
    }
    TreeSet<String> out = new TreeSet<>();
    before.forEach((account, days) -> {
      int current = now.getOrDefault(account, java.util.Set.of()).size();
      if (current <= (1 - dropThreshold) * days.size()) {
        out.add(account);
      }
    });
    return List.copyOf(out);
  }
}
