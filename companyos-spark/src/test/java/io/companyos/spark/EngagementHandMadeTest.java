package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.product.Engagement;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Twenty product events with the engagement of the week [2026-11-01, 2026-11-08) and feature adoption against the week
 * before worked out by hand; Spark and the Java reference must both give them.
 */
class EngagementHandMadeTest {
  static final TimeWindow WEEK = DoraHandMadeTest.WEEK;
  static final TimeWindow WEEK_BEFORE = new TimeWindow(t("2026-10-25T00:00:00Z"), t("2026-11-01T00:00:00Z"));

  static final List<ProductEvent> EVENTS = List.of(
      e("2026-10-05T10:00:00Z", "u1", "s1", "session_start", null), // before the 30 days: not in MAU
      e("2026-10-20T10:00:00Z", "u2", "s2", "session_start", null), // MAU only
      e("2026-10-31T23:59:00Z", "u3", "s3", "feature_used", "export"), // MAU; the week before
      e("2026-11-01T00:00:00Z", "u1", "s4", "session_start", null), // on the start: in
      e("2026-11-01T10:00:00Z", "u1", "s4", "feature_used", "export"),
      e("2026-11-01T11:00:00Z", "u2", "s5", "feature_used", "search"),
      e("2026-11-02T09:00:00Z", "u1", "s6", "session_start", null),
      e("2026-11-02T09:05:00Z", "u3", "s7", "feature_used", "export"),
      e("2026-11-03T00:00:00Z", "u4", "s8", "signup", null), // a sign-up, not activity
      e("2026-11-03T00:01:00Z", "u4", "s8", "session_start", null),
      e("2026-11-04T12:00:00Z", "u2", "s9", "feature_used", "search"),
      e("2026-11-05T12:00:00Z", "u5", "s10", "signup", null), // u5 only signed up: not active
      e("2026-11-06T08:00:00Z", "u1", "s11", "feature_used", "dashboards"),
      e("2026-11-07T23:59:59Z", "u2", "s12", "session_start", null),
      e("2026-11-08T00:00:00Z", "u6", "s13", "session_start", null), // on the end: out
      e("2026-10-28T10:00:00Z", "u2", "s14", "feature_used", "search"), // the week before
      e("2026-10-27T10:00:00Z", "u7", "s15", "feature_used", "export"), // the week before
      e("2026-10-26T10:00:00Z", "u8", "s16", "session_start", null), // the week before
      e("2026-11-04T12:30:00Z", "u2", "s9", "feature_used", "search"), // same user, session and day again
      e("2026-11-06T09:00:00Z", "u3", "s17", "session_start", null));

  @Test
  void sparkAndTheReferenceGiveTheHandWorkedEngagement() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    for (Engagement.Result r : List.of(Engagement.compute(EVENTS, WEEK), kpis.engagement(WEEK).value())) {
      // User-days: 11-01 u1 u2, 11-02 u1 u3, 11-03 u4, 11-04 u2, 11-06 u1 u3, 11-07 u2 = 9 over 7 days.
      assertThat(r.dau().getAsDouble()).isCloseTo(9 / 7.0, within(1e-12));
      assertThat(r.wau()).isEqualTo(OptionalDouble.of(4)); // u1..u4
      assertThat(r.mau()).isEqualTo(OptionalDouble.of(6)); // u1..u4, u7, u8 (u2 and u3 also earlier)
      assertThat(r.stickiness().getAsDouble()).isCloseTo(9 / 42.0, within(1e-12));
      // Sessions s4 s5 s6 s7 s8 s9 s11 s12 s17 of 4 users.
      assertThat(r.sessionsPerUser().getAsDouble()).isEqualTo(2.25);
      assertThat(r.signups()).isEqualTo(2);
    }
  }

  @Test
  void sparkAndTheReferenceGiveTheHandWorkedFeatureAdoption() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    List<ProductEvent> now = EVENTS.stream().filter(e -> WEEK.contains(e.timestamp())).toList();
    List<ProductEvent> before = EVENTS.stream().filter(e -> WEEK_BEFORE.contains(e.timestamp())).toList();
    SparkResult<List<Engagement.FeatureUse>> spark = kpis.featureUse(WEEK, WEEK_BEFORE);
    for (List<Engagement.FeatureUse> uses : List.of(Engagement.featureUse(now, before), spark.value())) {
      // Four active users this week (u1..u4) and four the week before (u2, u3, u7, u8).
      assertThat(uses).containsExactly(
          new Engagement.FeatureUse("export", 2, 50.0, OptionalDouble.of(50.0)), // u1, u3; before u3, u7
          new Engagement.FeatureUse("dashboards", 1, 25.0, OptionalDouble.empty()), // u1; nobody before
          new Engagement.FeatureUse("search", 1, 25.0, OptionalDouble.of(25.0))); // u2; before u2
    }
    assertThat(spark.provenance().query()).contains("table product_events");
  }

  @Test
  void dauOverCompleteNewYorkDaysAcrossTheEndOfDaylightSavingTime() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    // 10-31 00:00 EDT to 11-03 00:00 EST: three complete days, 11-01 of 25 hours, plus an hour before and after.
    TimeWindow days = new TimeWindow(t("2026-10-31T03:00:00Z"), t("2026-11-03T06:00:00Z"));
    // 10-31: u3 (19:59 EDT), u1 (20:00 EDT); 11-01: u1, u2; 11-02: u1 (04:00 EST), u3, u4 (19:01 EST; its sign-up is
    // not activity): 7 user-days over 3 days.
    assertThat(Engagement.meanDailyActive(EVENTS, days, ny).getAsDouble()).isCloseTo(7 / 3.0, within(1e-12));
    assertThat(kpis.meanDailyActive(days, ny).value()).isEqualTo(Engagement.meanDailyActive(EVENTS, days, ny));
    assertThat(kpis.meanDailyActive(new TimeWindow(t("2026-11-01T05:00:00Z"), t("2026-11-02T04:00:00Z")), ny).value())
        .isEmpty(); // 23 hours: no complete day
    assertThat(kpis.activeUsers(WEEK).value()).isEqualTo(4L).isEqualTo(Engagement.activeUsers(EVENTS, WEEK));
  }

  @Test
  void theProductKpisInOnePassAreTheHandWorkedOnes() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    SparkResult<ProductKpis> r = kpis.productKpis(WEEK, java.time.ZoneOffset.UTC);
    // DAU: 9 user-days over the week's 7 complete UTC days (as in the engagement above); WAU u1..u4; MAU u1..u4, u7,
    // u8 (u1's event of 10-05 is before the 30 days); sign-ups u4 and u5; adoption against the week before.
    assertThat(r.value().dau().getAsDouble()).isCloseTo(9 / 7.0, within(1e-12));
    assertThat(r.value().wau()).isEqualTo(4);
    assertThat(r.value().mau()).isEqualTo(6);
    assertThat(r.value().signups()).isEqualTo(2);
    assertThat(r.value().adoption()).containsExactly(
        new Engagement.FeatureUse("export", 2, 50.0, OptionalDouble.of(50.0)),
        new Engagement.FeatureUse("dashboards", 1, 25.0, OptionalDouble.empty()),
        new Engagement.FeatureUse("search", 1, 25.0, OptionalDouble.of(25.0)));
    assertThat(r.exact()).isTrue();
    assertThat(r.provenance().query()).startsWith("product KPIs in one pass over the events of 2026-10-09T00:00:00Z to "
        + "2026-11-08T00:00:00Z").contains("averaged over 7 days").endsWith("(table product_events)");
    // Across the end of daylight saving time in New York: three complete days and 7 user-days (worked out below); the
    // window before, [10-28 00:00Z, 10-31 03:00Z), holds u2's search.
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    TimeWindow days = new TimeWindow(t("2026-10-31T03:00:00Z"), t("2026-11-03T06:00:00Z"));
    ProductKpis dst = kpis.productKpis(days, ny).value();
    assertThat(dst.dau().getAsDouble()).isCloseTo(7 / 3.0, within(1e-12));
    assertThat(dst.dau()).isEqualTo(kpis.meanDailyActive(days, ny).value());
    assertThat(dst.wau()).isEqualTo(kpis.activeUsers(TimeWindow.ending(days.end(), java.time.Duration.ofDays(7))).value());
    assertThat(dst.adoption()).isEqualTo(kpis.featureUse(days, days.previous()).value());
  }

  @Test
  void theProductKpisOfAnEmptyWindowAndOfALongOneAreThoseOfTheirOwnCalls() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    TimeWindow later = new TimeWindow(t("2027-01-01T00:00:00Z"), t("2027-01-08T00:00:00Z"));
    // Seven complete days with nobody active: DAU 0 (as Engagement.meanDailyActive), no active users, no sign-ups.
    assertThat(kpis.productKpis(later, java.time.ZoneOffset.UTC).value())
        .isEqualTo(new ProductKpis(OptionalDouble.of(0), 0, 0, 0, List.of()))
        .isEqualTo(new ProductKpis(Engagement.meanDailyActive(EVENTS, later, java.time.ZoneOffset.UTC), 0, 0, 0, List.of()));
    // 70 complete days: more than the one pass gives a bit each, so the KPIs' own calls answer, with the same values.
    TimeWindow seventy = new TimeWindow(t("2026-09-01T00:00:00Z"), t("2026-11-10T00:00:00Z"));
    ProductKpis p = kpis.productKpis(seventy, java.time.ZoneOffset.UTC).value();
    // 16 user-days over 70 days: u1 10-05, u2 10-20, u8 10-26, u7 10-27, u2 10-28, u3 10-31, the week's 9, u6 11-08.
    assertThat(p.dau().getAsDouble()).isCloseTo(16 / 70.0, within(1e-12));
    assertThat(p.dau()).isEqualTo(kpis.meanDailyActive(seventy, java.time.ZoneOffset.UTC).value());
    // The 30 days ending 11-10 begin 10-11: u1..u4, u6, u7, u8 (u1's event of 10-05 is before them).
    assertThat(p.mau()).isEqualTo(7);
    assertThat(p.adoption()).isEqualTo(kpis.featureUse(seventy, seventy.previous()).value());
  }

  @Test
  void parquetPartitionedByLocalDayGivesTheSameNumbers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // Partitioned by the New York day (the session's zone), as a lake may be: pruning by day must not lose the
    // evening events whose UTC day is the next one.
    LocalSpark.views(List.of(), List.of(), List.of(), EVENTS);
    LocalSpark.session().table("product_events")
        .withColumn("day", org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.col("timestamp")))
        .write().partitionBy("day").parquet(dir.resolve("product_events").toString());
    SparkKpis lake = SparkKpis.over(SparkTables.parquet(LocalSpark.session(), dir.toUri().toString()));
    assertThat(lake.engagement(WEEK).value()).isEqualTo(Engagement.compute(EVENTS, WEEK));
    List<ProductEvent> now = EVENTS.stream().filter(e -> WEEK.contains(e.timestamp())).toList();
    List<ProductEvent> before = EVENTS.stream().filter(e -> WEEK_BEFORE.contains(e.timestamp())).toList();
    assertThat(lake.featureUse(WEEK, WEEK_BEFORE).value()).isEqualTo(Engagement.featureUse(now, before));
    assertThat(lake.tables().describe("product_events")).isEqualTo("parquet product_events");
  }

  @Test
  void approximateDistinctCountsAreOptInAndSaySo() {
    SparkKpis exact = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    SparkKpis approximate = exact.approximateDistinctCounts(0.01);
    SparkResult<Engagement.Result> e = exact.engagement(WEEK);
    SparkResult<Engagement.Result> a = approximate.engagement(WEEK);
    assertThat(e.exact()).isTrue();
    assertThat(e.approximation()).isNull();
    assertThat(a.exact()).isFalse();
    assertThat(a.approximation()).isEqualTo("≈ HyperLogLog++ distinct counts, relative standard deviation 1%");
    // Within three standard deviations of the hand-worked counts (MAU 6, WAU 4, 9 user-days).
    assertThat(a.value().mau().getAsDouble()).isCloseTo(6, within(3 * 0.01 * 6));
    assertThat(a.value().wau().getAsDouble()).isCloseTo(4, within(3 * 0.01 * 4));
    assertThat(a.value().dau().getAsDouble()).isCloseTo(9 / 7.0, within(3 * 0.01 * 9 / 7.0));
    assertThat(approximate.featureUse(WEEK, WEEK_BEFORE).approximation()).startsWith("≈");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> exact.approximateDistinctCounts(0.5)))
        .hasMessage("relative standard deviation must be in (0, 0.39], was 0.5");
  }

  @Test
  void churnRiskAccountsAsWorkedByHand() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    // The week before: u2, u3, u7, u8 one user-day each; this week u2 3, u3 2, u7 and u8 none: 0 ≤ 0.3 × 1.
    List<String> want = List.of("acct-u7", "acct-u8");
    assertThat(io.companyos.scoring.product.ChurnRisk.accountsAtRisk(EVENTS, WEEK, 0.7)).isEqualTo(want);
    assertThat(kpis.churnRisk(WEEK, 0.7).value()).isEqualTo(want);
    assertThat(kpis.approximateDistinctCounts(0.01).churnRisk(WEEK, 0.7).value()).isEqualTo(want);
  }

  @Test
  void anEmptyWindowHasNoValuesNotZeros() {
    SparkKpis kpis = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), EVENTS));
    TimeWindow later = new TimeWindow(t("2027-01-01T00:00:00Z"), t("2027-01-08T00:00:00Z"));
    Engagement.Result r = kpis.engagement(later).value();
    assertThat(r).isEqualTo(Engagement.compute(EVENTS, later));
    assertThat(r.dau()).isEmpty();
    assertThat(r.mau()).isEmpty();
    assertThat(r.stickiness()).isEmpty();
    assertThat(kpis.featureUse(later, WEEK).value()).isEmpty();
  }

  private static ProductEvent e(String time, String user, String session, String event, String feature) {
    return new ProductEvent(t(time), user, "acct-" + user, session, event, feature);
  }
}
