package io.companyos.scoring.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductMetricsTest {
  static final Instant END = Instant.parse("2026-11-23T00:00:00Z");

  static ProductEvent ev(int daysAgo, String user, String account, String session, String feature) {
    return new ProductEvent(END.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(10)), user, account, session,
        feature == null ? "session_start" : "feature_used", feature);
  }

  @Test
  void npsIsPromotersMinusDetractors() {
    TimeWindow w = TimeWindow.ending(END, Duration.ofDays(30));
    // 10, 9 promoters; 8, 7 passive; 6, 0 detractors -> (2 - 2) / 6 = 0.
    List<NpsResponse> a = List.of(10, 9, 8, 7, 6, 0).stream().map(s -> new NpsResponse(END.minusSeconds(60), "a", s)).toList();
    assertThat(NetPromoterScore.of(a, w)).hasValue(0.0);
    // 10, 10, 9, 5 -> (3 - 1) / 4 = 50.
    List<NpsResponse> b = List.of(10, 10, 9, 5).stream().map(s -> new NpsResponse(END.minusSeconds(60), "a", s)).toList();
    assertThat(NetPromoterScore.of(b, w)).hasValue(50.0);
    assertThat(NetPromoterScore.of(List.of(), w)).isEmpty();
  }

  @Test
  void activeUsersStickinessAndSessions() {
    // Week = last 7 days. u1 active on days 1 and 2 (2 sessions), u2 on day 1, u3 only 20 days ago.
    List<ProductEvent> events = List.of(ev(1, "u1", "a", "s1", null), ev(1, "u1", "a", "s1", "reports"),
        ev(2, "u1", "a", "s2", null), ev(1, "u2", "b", "s3", null), ev(20, "u3", "c", "s4", null),
        new ProductEvent(END.minus(Duration.ofDays(3)), "u9", "z", "s9", "signup", null));
    Engagement.Result r = Engagement.compute(events, TimeWindow.ending(END, Duration.ofDays(7)));
    // DAU: day-1 {u1,u2} + day-2 {u1} = 3 user-days over 7 days = 0.4286; WAU 2; MAU 3 (u3 within 30 days).
    assertThat(r.dau().getAsDouble()).isEqualTo(3.0 / 7);
    assertThat(r.wau()).hasValue(2.0);
    assertThat(r.mau()).hasValue(3.0);
    assertThat(r.stickiness().getAsDouble()).isEqualTo((3.0 / 7) / 3);
    // Sessions in the week: s1, s2, s3 over users u1, u2 -> 1.5.
    assertThat(r.sessionsPerUser()).hasValue(1.5);
    assertThat(r.signups()).isEqualTo(1);
    // reports used by u1 of the 2 active users -> 50%.
    assertThat(Engagement.featureAdoption(events, TimeWindow.ending(END, Duration.ofDays(7)))).containsEntry("reports", 0.5);
  }

  @Test
  void accountsWhoseUsageCollapsedAreAtRisk() {
    List<ProductEvent> events = new ArrayList<>();
    for (int d = 31; d <= 40; d++) { // previous 30-day window: 10 user-days for a, 10 for b
      events.add(ev(d, "ua", "a", "x" + d, null));
      events.add(ev(d, "ub", "b", "y" + d, null));
    }
    for (int d = 1; d <= 3; d++) { // current window: a keeps 3 (a 70% drop: at risk), b keeps 8 (not at risk)
      events.add(ev(d, "ua", "a", "xa" + d, null));
    }
    for (int d = 1; d <= 8; d++) {
      events.add(ev(d, "ub", "b", "yb" + d, null));
    }
    assertThat(ChurnRisk.accountsAtRisk(events, TimeWindow.ending(END, Duration.ofDays(30)), ChurnRisk.DEFAULT_DROP))
        .containsExactly("a");
  }

  static ProductEvent at(String t, String user, String event) {
    return new ProductEvent(Instant.parse(t), user, "acme", user + "-s", event, null);
  }

  @Test
  void dauCountsCompleteDaysOnlyAndSignUpsAreNotActivity() {
    List<ProductEvent> events = List.of(
        at("2026-11-21T10:00:00Z", "u1", "session_start"), at("2026-11-21T11:00:00Z", "u2", "page_view"),
        at("2026-11-22T10:00:00Z", "u1", "session_start"), at("2026-11-22T12:00:00Z", "u4", "signup"),
        at("2026-11-23T08:00:00Z", "u3", "session_start")); // the partial as-of morning
    // Window 2026-11-21 00:00 to 2026-11-23 09:00: complete days Nov 21 (u1, u2) and Nov 22 (u1; u4 only signed up).
    // DAU = (2 + 1) / 2 = 1.5. Adding the morning's u3 and dividing by 2 days would read 2.0.
    TimeWindow w = new TimeWindow(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(Engagement.meanDailyActive(events, w, java.time.ZoneOffset.UTC)).hasValue(1.5);
    // Active users over the whole window: u1, u2, u3 (u4's sign-up is not a use of the product).
    assertThat(Engagement.activeUsers(events, w)).isEqualTo(3);
    assertThat(Engagement.activeUsers(events)).isEqualTo(3);
    // A window inside one day has no complete day: no DAU rather than zero.
    assertThat(Engagement.meanDailyActive(events, new TimeWindow(Instant.parse("2026-11-23T00:00:00Z"),
        Instant.parse("2026-11-23T09:00:00Z")), java.time.ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void dauCountsEachEventInItsLocalDayAcrossADaylightSavingChangeAndOnMidnightExactly() {
    // Berlin leaves summer time on 2026-10-25: that day runs from 2026-10-24T22:00Z to 2026-10-25T23:00Z (25 hours).
    List<ProductEvent> events = List.of(
        at("2026-10-24T21:59:59Z", "d", "session_start"), // Oct 24, 23:59:59 local: a partial day, left out
        at("2026-10-24T22:00:00Z", "a", "session_start"), // Oct 25, 00:00 local exactly
        at("2026-10-25T22:59:59Z", "b", "page_view"),     // Oct 25, 23:59:59 (winter time)
        at("2026-10-25T23:00:00Z", "c", "session_start"), // Oct 26, 00:00
        at("2026-10-26T05:00:00Z", "a", "page_view"),     // Oct 26
        at("2026-10-26T22:59:59Z", "c", "page_view"),     // Oct 26 again: c counts once
        at("2026-10-26T12:00:00Z", "s", "signup"),        // not a use of the product
        at("2026-10-26T23:00:00Z", "e", "session_start")); // Oct 27: partial, left out
    // Complete days in [Oct 24 00:00Z, Oct 27 00:00Z): Oct 25 {a, b} and Oct 26 {c, a}. DAU = (2 + 2) / 2 = 2.0.
    TimeWindow w = new TimeWindow(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-27T00:00:00Z"));
    assertThat(Engagement.meanDailyActive(events, w, java.time.ZoneId.of("Europe/Berlin"))).hasValue(2.0);
    // The same events in UTC: complete days Oct 24 {d, a}, Oct 25 {b, c}, Oct 26 {a, c, e}: (2 + 2 + 3) / 3.
    assertThat(Engagement.meanDailyActive(events, w, java.time.ZoneOffset.UTC).getAsDouble())
        .isCloseTo(7.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void stickinessIsDauOfTheLastWeekOverMauOfTheLast30Days() {
    List<ProductEvent> events = List.of(
        at("2026-11-20T10:00:00Z", "u1", "session_start"), at("2026-11-21T10:00:00Z", "u2", "page_view"),
        at("2026-11-01T10:00:00Z", "u3", "session_start"), at("2026-10-30T10:00:00Z", "u4", "session_start"),
        at("2026-11-22T10:00:00Z", "u5", "signup"));
    // DAU over Nov 16-22: (1 + 1) / 7 days; MAU over Oct 24 - Nov 22: u1..u4 (u5 only signed up) = 4. 2/7/4 = 1/14.
    assertThat(Engagement.stickiness(events, END, java.time.ZoneOffset.UTC).getAsDouble())
        .isCloseTo(1.0 / 14, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Engagement.stickiness(List.of(at("2026-11-20T10:00:00Z", "u5", "signup")), END, java.time.ZoneOffset.UTC)).isEmpty();
  }
}
