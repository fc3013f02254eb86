package io.companyos.sources.sample;

import io.companyos.model.data.FeedbackItem;
import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.SupportTicket;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Product usage (sessions, feature use, sign-ups of a user base growing from 250 at the start to 600 on
 * the reference day, and on after it), NPS answers, support tickets and feature requests. Users belong to
 * accounts {@code acct-001..}; a few accounts go quiet in the 30 days before the reference as-of (and stay
 * quiet), which is what the churn-risk rule should catch.
 */
final class ProductGenerator {
  static final List<String> FEATURES = List.of("reports", "alerts", "dashboards-v2", "exports", "sso", "ai-assistant");
  private static final double[] FEATURE_USE = {0.45, 0.30, 0.25, 0.15, 0.10, 0.20};
  /** The ai-assistant feature launched this many days before the reference as-of. */
  static final int AI_LAUNCH_DAYS_BEFORE = 60;
  /** Quiet accounts nearly stop using the product this many days before the reference day. */
  static final int QUIET_DAYS = 30;
  private static final List<String> REQUESTS = List.of(
      "Scheduled PDF exports", "SAML group sync", "Dark mode", "Custom dashboard widgets", "Slack alert routing",
      "Audit log export", "Mobile app");
  private static final double[] REQUEST_WEIGHTS = {9, 7, 3, 6, 5, 4, 2};
  private static final String DAY = "day";

  private final SampleCompanyProfile p;
  private final SampleDraws draws;
  private final SampleRows rows;
  private final List<String> userIds = new ArrayList<>();

  ProductGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.draws = new SampleDraws(profile, seed, "product");
    this.rows = rows;
  }

  static String accountOf(int user) {
    return accountName(1 + user / 6);
  }

  void generate() {
    Instant aiLaunch = p.reference.minus(AI_LAUNCH_DAYS_BEFORE, ChronoUnit.DAYS);
    int known = p.usersAt(p.start);
    for (long d = 0; d <= p.lastDay; d++) {
      SampleRandom r = draws.day(DAY, d);
      Instant dayStart = p.at(d, 0, 0);
      int users = p.usersAt(dayStart);
      for (int u = known; u < users; u++) {
        event(p.at(d, r.between(8, 20), r.between(0, 59)), u, "signup", "s-" + u + "-0", null);
      }
      known = Math.max(known, users);
      double active = p.isWeekday(d) ? 0.38 : 0.12;
      for (int u = 0; u < users; u++) {
        boolean quietAccount = (1 + u / 6) % 17 == 0 && d > p.referenceDay - QUIET_DAYS;
        if (!r.chance(quietAccount ? active * 0.1 : active)) {
          continue;
        }
        for (int s = r.between(1, 3); s > 0; s--) {
          Instant t = p.at(d, r.between(7, 21), r.between(0, 59));
          String session = "s-" + u + "-" + d + "-" + s;
          event(t, u, "session_start", session, null);
          for (int f = 0; f < FEATURES.size(); f++) {
            if (r.chance(FEATURE_USE[f] / 2) && (f != 5 || !t.isBefore(aiLaunch))) {
              event(t.plus(r.between(1, 40), ChronoUnit.MINUTES), u, "feature_used", session, FEATURES.get(f));
            }
          }
        }
      }
      customerSignals(d, users, r);
    }
  }

  private void event(Instant t, int user, String type, String session, @Nullable String feature) {
    rows.add(RecordKind.PRODUCT_EVENTS, new ProductEvent(t, userId(user), accountOf(user), session, type, feature));
  }

  private String userId(int user) {
    while (userIds.size() <= user) {
      userIds.add(String.format(Locale.ROOT, "u-%04d", userIds.size()));
    }
    return userIds.get(user);
  }

  private void customerSignals(long d, int users, SampleRandom r) {
    int accounts = 1 + users / 6;
    for (int k = r.between(1, 5); k > 0; k--) {
      Instant t = p.at(d, r.between(8, 20), r.between(0, 59));
      int score = switch (r.weighted(48 + 10 * p.progress(t), 32, 20 - 5 * p.progress(t))) {
        case 0 -> r.between(9, 10);
        case 1 -> r.between(7, 8);
        default -> r.between(0, 6);
      };
      rows.add(RecordKind.NPS_RESPONSES, new NpsResponse(t, accountName(draws.at(DAY, d, t).between(1, accounts)), score));
    }
    for (int k = r.between(2, 8); k > 0; k--) {
      Instant opened = p.at(d, r.between(0, 23), r.between(0, 59));
      Instant closed = opened.plus((long) (r.uniform(0.1, 6) * 24 * 60), ChronoUnit.MINUTES);
      SampleRandom x = draws.at(DAY, d, opened);
      rows.add(RecordKind.SUPPORT_TICKETS, new SupportTicket(String.format(Locale.ROOT, "T-%d-%d", d, k),
          accountName(x.between(1, accounts)), x.pick(List.of("low", "normal", "normal", "high", "urgent")), opened,
          p.known(closed)));
    }
    for (int k = r.between(0, 3); k > 0; k--) {
      Instant t = p.at(d, r.between(8, 20), r.between(0, 59));
      SampleRandom x = draws.at(DAY, d, t);
      rows.add(RecordKind.FEEDBACK, new FeedbackItem(t, accountName(x.between(1, accounts)),
          REQUESTS.get(x.weighted(REQUEST_WEIGHTS))));
    }
  }

  private static String accountName(int n) {
    return String.format(Locale.ROOT, "acct-%03d", n);
  }
}
