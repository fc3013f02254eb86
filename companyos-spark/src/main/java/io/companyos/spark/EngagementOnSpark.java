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

  /** The most complete days {@link #productKpis} gives a bit each in one long (four bits are the windows'). */
  static final int MOST_DAYS = 59;

  private static final int IN_WINDOW = 1;
  private static final int IN_PREVIOUS = 2;
  private static final int IN_WEEK = 4;
  private static final int IN_MONTH = 8;
  private static final int FIRST_DAY_BIT = 4;

  /**
   * The product KPIs of the job in one pass: the events of the span the windows cover are read once, each activity
   * event (not {@code signup}, with a user) given a mask — a bit for each window it lies in (the window, the one before,
   * the 7 and the 30 days ending with the window) and a bit for its complete calendar day in the zone — and reduced to
   * one row per user and feature: the OR of the masks and the window's sign-ups. The events are shuffled once, to
   * make those rows; they are kept in memory while two small queries read them: the users per feature (a bit count per
   * window, as each user appears once per feature) and, OR-ing a user's rows, the users per window and the user-days
   * (the day bits set).
   */
  static SparkResult<ProductKpis> productKpis(SparkKpis kpis, TimeWindow window, java.time.ZoneId zone, Instant now) {
    TimeWindow previous = window.previous();
    TimeWindow week = TimeWindow.ending(window.end(), Duration.ofDays(7));
    TimeWindow month = TimeWindow.ending(window.end(), Duration.ofDays(30));
    List<java.time.LocalDate> days = Engagement.completeDays(window, zone);
    String source = kpis.tables().describe("product_events");
    if (kpis.distinctApproximation() != null || days.size() > MOST_DAYS) {
      SparkResult<java.util.OptionalDouble> dau = meanDailyActive(kpis, window, zone, now);
      SparkResult<Engagement.Result> engagement = compute(kpis, window, now);
      SparkResult<List<Engagement.FeatureUse>> uses = featureUse(kpis, window, previous, now);
      // The engagement's WAU and MAU are empty for no users.
      ProductKpis value = new ProductKpis(dau.value(), (long) engagement.value().wau().orElse(0),
          (long) engagement.value().mau().orElse(0), engagement.value().signups(), uses.value());
      String query = "product KPIs: " + dau.provenance().query() + "; " + engagement.provenance().query() + "; "
          + uses.provenance().query();
      return new SparkResult<>(value, Provenance.of("spark", query, window, now).withRowCount(value.mau()), Map.of(),
          kpis.distinctApproximation());
    }
    Instant start = java.util.stream.Stream.of(previous.start(), week.start(), month.start()).min(Instant::compareTo)
        .orElseThrow();
    TimeWindow span = new TimeWindow(start, window.end());
    Column t = col("timestamp");
    Column signup = col("event").equalTo("signup");
    Column activity = org.apache.spark.sql.functions.not(signup).and(col("user_id").isNotNull());
    Column mask = bit(activity.and(SparkKpis.in(t, window)), IN_WINDOW)
        .plus(bit(activity.and(SparkKpis.in(t, previous)), IN_PREVIOUS))
        .plus(bit(activity.and(SparkKpis.in(t, week)), IN_WEEK))
        .plus(bit(activity.and(SparkKpis.in(t, month)), IN_MONTH));
    if (!days.isEmpty()) {
      List<Instant> midnights = new java.util.ArrayList<>();
      for (java.time.LocalDate d : days.subList(1, days.size())) {
        midnights.add(d.atStartOfDay(zone).toInstant());
      }
      TimeWindow complete = new TimeWindow(days.get(0).atStartOfDay(zone).toInstant(),
          days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant());
      mask = mask.plus(org.apache.spark.sql.functions.when(activity.and(SparkKpis.in(t, complete)),
          dayBit(t, midnights, 0, midnights.size())).otherwise(0L));
    }
    Column signedUp = org.apache.spark.sql.functions.when(signup.and(SparkKpis.in(t, window)), 1L).otherwise(0L);
    Dataset<Row> events = kpis.tables().table("product_events");
    Dataset<Row> perUserFeature = events.where(SparkKpis.placedIn(events, "timestamp", span)
            // Every activity event of the span lies in one of the windows, so a row is kept for its mask or its sign-up
            // without a filter on the mask (pushed below the projection, it would be computed twice).
            .and(activity.or(signup.and(SparkKpis.in(t, window)))))
        .select(col("user_id"), col("feature"), mask.as("mask"), signedUp.as("signup"))
        .groupBy("user_id", "feature")
        .agg(org.apache.spark.sql.functions.bit_or(col("mask")).as("mask"),
            org.apache.spark.sql.functions.sum(col("signup")).as("signups"));
    // The rows per user and feature (a few per user) are kept while two small queries read them: per feature, and per
    // user then in all.
    Dataset<Row> kept = perUserFeature.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> inWindow = new TreeMap<>();
      Map<String, Long> before = new TreeMap<>();
      for (Row r : kept.groupBy("feature").agg(has(IN_WINDOW), has(IN_PREVIOUS)).collectAsList()) {
        // A row of no user (sign-ups only) has no window bit; as the per-window query lists a feature only where it
        // was used in that window, a count of 0 is left out.
        if (!r.isNullAt(0) && r.getLong(1) > 0) {
          inWindow.put(r.getString(0), r.getLong(1));
        }
        if (!r.isNullAt(0) && r.getLong(2) > 0) {
          before.put(r.getString(0), r.getLong(2));
        }
      }
      Row totals = kept.groupBy("user_id")
          .agg(org.apache.spark.sql.functions.bit_or(col("mask")).as("mask"),
              org.apache.spark.sql.functions.sum(col("signups")).as("signups"))
          .agg(has(IN_WINDOW), has(IN_PREVIOUS), has(IN_WEEK), has(IN_MONTH),
              org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.bit_count(
                  org.apache.spark.sql.functions.shiftright(col("mask"), FIRST_DAY_BIT))).cast("long"),
              org.apache.spark.sql.functions.sum(col("signups")))
          .first();
      long userDays = totals.isNullAt(4) ? 0 : totals.getLong(4);
      long signups = totals.isNullAt(5) ? 0 : totals.getLong(5);
      ProductKpis value = new ProductKpis(days.isEmpty() ? java.util.OptionalDouble.empty()
          : Engagement.meanDailyActive(userDays, days.size()), totals.getLong(2), totals.getLong(3), signups,
          Engagement.featureUse(inWindow, totals.getLong(0), before, totals.getLong(1)));
      String query = "product KPIs in one pass over the events of " + span.start() + " to " + span.end() + ": DAU as "
          + "the distinct users per complete " + zone + " day of the window averaged over " + days.size()
          + (days.size() == 1 ? " day" : " days") + ", distinct users of the 7 and 30 days ending at its end, signup "
          + "events in the window, distinct users per feature / distinct active users in the window and the one before ("
          + source + ")";
      return new SparkResult<>(value, Provenance.of("spark", query, window, now).withRowCount(value.mau()), Map.of());
    } finally {
      kept.unpersist();
    }
  }

  /** {@code bit} where {@code condition} holds, else 0 (a null condition is not met). */
  private static Column bit(Column condition, long bit) {
    return org.apache.spark.sql.functions.when(condition, bit).otherwise(0L);
  }

  /** The rows (of one user each) whose mask has {@code bit}, named {@code c<n>} for the bit's place. */
  private static Column has(int bit) {
    return org.apache.spark.sql.functions.count_if(col("mask").bitwiseAND(bit).notEqual(0L))
        .as("c" + Integer.numberOfTrailingZeros(bit));
  }

  /**
   * The bit of {@code t}'s day: {@code 1 << (FIRST_DAY_BIT + d)}, where {@code d} is {@code from} plus how many of
   * {@code midnights[from, to)} (ascending) lie at or before {@code t}. A balanced tree of comparisons, so each row
   * makes about log2 of the days' count of them.
   */
  private static Column dayBit(Column t, List<Instant> midnights, int from, int to) {
    if (from == to) {
      return org.apache.spark.sql.functions.lit(1L << (FIRST_DAY_BIT + from));
    }
    int mid = (from + to) >>> 1;
    return org.apache.spark.sql.functions.when(t.lt(org.apache.spark.sql.functions.lit(midnights.get(mid))),
        dayBit(t, midnights, from, mid)).otherwise(dayBit(t, midnights, mid + 1, to));
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
