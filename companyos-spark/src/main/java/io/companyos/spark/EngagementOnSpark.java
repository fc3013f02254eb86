package io.companyos.spark;

import static org.apache.spark.sql.functions.col;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.product.Engagement;
import io.companyos.sources.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Product engagement ({@link Engagement}) over the {@code product_events} table: exact distinct counts found by Spark,
 * divided by {@link Engagement#fromCounts} and {@link Engagement#featureUse(Map, long, Map, long)}.
 */
final class EngagementOnSpark {
  private EngagementOnSpark() {}

  static SparkResult<Engagement.Result> compute(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> events = kpis.tables().table("product_events");
    Column t = col("timestamp");
    Column signup = col("event").equalTo("signup");
    Dataset<Row> activity = events.where(org.apache.spark.sql.functions.not(signup));
    Dataset<Row> inWindow = activity.where(SparkKpis.placedIn(activity, "timestamp", window));
    Row counts = inWindow.agg(kpis.distinct(col("user_id")), kpis.distinct(col("session_id")),
        kpis.distinct(Exact.utcDay(t), col("user_id"))).first();
    long users = counts.getLong(0);
    long sessions = counts.getLong(1);
    long userDays = counts.getLong(2);
    long wau = distinctUsers(kpis, activity, TimeWindow.ending(window.end(), Duration.ofDays(7)));
    long mau = distinctUsers(kpis, activity, TimeWindow.ending(window.end(), Duration.ofDays(30)));
    long signups = events.where(signup.and(SparkKpis.placedIn(events, "timestamp", window))).count();
    Engagement.Result result = Engagement.fromCounts(window, userDays, users, sessions, wau, mau, signups);
    String query = "product engagement: distinct users, sessions and user-days of the events other than signup in the "
        + "window, distinct users of the 7 and 30 days ending at its end (" + kpis.tables().describe("product_events") + ")";
    return new SparkResult<>(result, Provenance.of("spark", query, window, now).withRowCount(users), Map.of(),
        kpis.distinctApproximation());
  }

  static SparkResult<List<Engagement.FeatureUse>> featureUse(SparkKpis kpis, TimeWindow window, TimeWindow previous,
      Instant now) {
    Dataset<Row> activity = kpis.tables().table("product_events").where(org.apache.spark.sql.functions.not(col("event").equalTo("signup")));
    List<Engagement.FeatureUse> uses = Engagement.featureUse(usersByFeature(kpis, activity, window),
        distinctUsers(kpis, activity, window), usersByFeature(kpis, activity, previous),
        distinctUsers(kpis, activity, previous));
    String query = "feature adoption: distinct users per feature / distinct active users, in the window and the one before "
        + "(" + kpis.tables().describe("product_events") + ")";
    return new SparkResult<>(uses, Provenance.of("spark", query, window, now).withRowCount(uses.size()), Map.of(),
        kpis.distinctApproximation());
  }

  static SparkResult<java.util.OptionalDouble> meanDailyActive(SparkKpis kpis, TimeWindow window, java.time.ZoneId zone,
      Instant now) {
    List<java.time.LocalDate> days = Engagement.completeDays(window, zone);
    String query = "DAU: distinct users with an activity event per complete " + zone + " day of the window, averaged over "
        + days.size() + (days.size() == 1 ? " day" : " days") + " (" + kpis.tables().describe("product_events") + ")";
    if (days.isEmpty()) {
      return new SparkResult<>(java.util.OptionalDouble.empty(), Provenance.of("spark", query, window, now), Map.of());
    }
    // The day of an event: how many of the days' inner midnights (DST-aware, in the zone) lie at or before it.
    List<Column> midnights = new java.util.ArrayList<>();
    for (java.time.LocalDate d : days.subList(1, days.size())) {
      midnights.add(org.apache.spark.sql.functions.lit(d.atStartOfDay(zone).toInstant()));
    }
    TimeWindow complete = new TimeWindow(days.get(0).atStartOfDay(zone).toInstant(),
        days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant());
    Column t = col("timestamp");
    Column day = midnights.isEmpty() ? org.apache.spark.sql.functions.lit(0)
        : org.apache.spark.sql.functions.size(org.apache.spark.sql.functions.filter(
            org.apache.spark.sql.functions.array(midnights.toArray(new Column[0])), m -> m.leq(t)));
    Dataset<Row> events = kpis.tables().table("product_events");
    long userDays = events
        .where(org.apache.spark.sql.functions.not(col("event").equalTo("signup")).and(SparkKpis.placedIn(events, "timestamp",
            complete)))
        .agg(kpis.distinct(day, col("user_id"))).first().getLong(0);
    return new SparkResult<>(Engagement.meanDailyActive(userDays, days.size()),
        Provenance.of("spark", query, window, now).withRowCount(userDays), Map.of(), kpis.distinctApproximation());
  }

  static SparkResult<Long> activeUsers(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> activity = kpis.tables().table("product_events").where(org.apache.spark.sql.functions.not(
        col("event").equalTo("signup")));
    long users = distinctUsers(kpis, activity, window);
    String query = "active users: distinct users with an event other than signup in the window ("
        + kpis.tables().describe("product_events") + ")";
    return new SparkResult<>(users, Provenance.of("spark", query, window, now).withRowCount(users), Map.of(),
        kpis.distinctApproximation());
  }

  static SparkResult<List<String>> churnRisk(SparkKpis kpis, TimeWindow window, double drop, Instant now) {
    TimeWindow previous = window.previous();
    Dataset<Row> events = kpis.tables().table("product_events");
    TimeWindow both = new TimeWindow(previous.start(), window.end());
    Column t = col("timestamp");
    // Active user-days per account in the window and in the one before, as ChurnRisk counts them (UTC days).
    Dataset<Row> perAccount = events.where(org.apache.spark.sql.functions.not(col("event").equalTo("signup"))
            .and(SparkKpis.placedIn(events, "timestamp", both)))
        .select(col("account_id"), col("user_id"), Exact.utcDay(t).as("day"),
            SparkKpis.in(t, window).as("now"))
        .groupBy("account_id")
        .agg(kpis.distinct(org.apache.spark.sql.functions.when(col("now"), col("user_id")),
                org.apache.spark.sql.functions.when(col("now"), col("day"))).as("current"),
            kpis.distinct(org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.not(col("now")), col("user_id")),
                org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.not(col("now")), col("day"))).as("before"));
    // The reference's test, current ≤ (1 − drop) × before, in the same double arithmetic.
    Dataset<Row> atRisk = perAccount.where(col("before").gt(0)
        .and(col("current").leq(org.apache.spark.sql.functions.lit(1 - drop).multiply(col("before")))));
    Map<String, Long> leftOut = new java.util.TreeMap<>();
    List<String> accounts = Exact.ids(atRisk, "account_id", kpis.maxIds(), "accounts", leftOut);
    String query = "churn risk: accounts whose active user-days fell by " + Math.round(drop * 100) + "% or more against the "
        + "window before (" + kpis.tables().describe("product_events") + ")";
    return new SparkResult<>(accounts, Provenance.of("spark", query, window, now).withRowCount(accounts.size()), leftOut,
        kpis.distinctApproximation());
  }

  private static long distinctUsers(SparkKpis kpis, Dataset<Row> activity, TimeWindow w) {
    return activity.where(SparkKpis.placedIn(activity, "timestamp", w)).agg(kpis.distinct(col("user_id"))).first().getLong(0);
  }

  private static Map<String, Long> usersByFeature(SparkKpis kpis, Dataset<Row> activity, TimeWindow w) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : activity.where(SparkKpis.placedIn(activity, "timestamp", w).and(col("feature").isNotNull()))
        .groupBy("feature").agg(kpis.distinct(col("user_id"))).collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }
}
