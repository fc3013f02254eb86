package io.companyos.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.scoring.sprint.SprintMetrics;
import io.companyos.sources.Provenance;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Sprint metrics ({@link SprintMetrics#compute}, {@link SprintMetrics#deliveredBy}, {@link SprintMetrics#goals}, the
 * velocity trend) over the {@code sprint_items} table.
 * Points are summed as exact decimals of the values the files source reads (the {@code double} a cell parses to, as
 * its shortest decimal: {@link SprintMetrics#points}), cycle times in whole minutes as {@link SprintMetrics#cycleMinutes}
 * truncates them, the percentiles by a distributed sort; {@link SprintMetrics#assemble} turns them into the result.
 * The carry-over and the escaped bug ids are bounded evidence lists, in id order.
 */
final class SprintsOnSpark {
  private SprintsOnSpark() {}

  /** The sprints of the {@code sprints} table, collected to the driver (one row per sprint: a small table). */
  static List<Sprint> sprints(SparkKpis kpis) {
    Dataset<Row> t = kpis.tables().table("sprints");
    boolean goals = Arrays.asList(t.columns()).contains("goals");
    List<Sprint> out = new ArrayList<>();
    for (Row r : t.select(col("sprint_id"), col("start"), col("end"),
        goals ? col("goals") : functions.array().cast("array<string>")).collectAsList()) {
      List<String> g = r.isNullAt(3) ? List.of() : r.<String>getList(3);
      out.add(new Sprint(r.getString(0), instant(r.get(1)), instant(r.get(2)), g));
    }
    return out;
  }

  static SparkResult<SprintMetrics.Result> compute(SparkKpis kpis, Sprint sprint, Instant now) {
    Dataset<Row> items = items(kpis, sprint);
    Column delivered = delivered(sprint);
    Column cycled = delivered.and(col("started_at").isNotNull());
    Column bug = coalesce(col("kind").equalTo("bug"), lit(false));
    Column escaped = bug.and(flag(items, "escaped", false));
    Dataset<Row> withMinutes = items.withColumn("minutes", Exact.wholeMinutes(col("started_at"), col("completed_at")));
    Row r = withMinutes.agg(sum(when(flag(items, "committed", true), points())), sum(when(delivered, points())),
        count(when(delivered, lit(1))), count(when(cycled, lit(1))), sum(when(cycled, col("minutes"))),
        count(when(bug, lit(1))), count(when(escaped, lit(1)))).first();
    Dataset<Row> cycles = withMinutes.where(cycled).withColumn("days", col("minutes").divide(lit(1440.0)));
    OptionalDouble p50 = Exact.cont(cycles, "days", 0.5);
    OptionalDouble p85 = Exact.cont(cycles, "days", 0.85);
    Map<String, Long> leftOut = new HashMap<>();
    List<String> escapedIds = Exact.ids(items.where(escaped), "item_id", kpis.maxIds(), "escapedBugs", leftOut);
    List<SprintItem> carryover = carryover(items.where(functions.not(delivered)), kpis.maxIds(), leftOut);
    SprintMetrics.Result result = SprintMetrics.assemble(sprint.sprintId(), orZero(r.getDecimal(0)),
        orZero(r.getDecimal(1)), r.getLong(2), carryover, r.getLong(3), r.isNullAt(4) ? 0 : r.getLong(4), p50, p85,
        r.getLong(5), r.getLong(6), escapedIds);
    String query = "items of sprint " + sprint.sprintId() + ": points committed and completed before its end, cycle "
        + "times in whole minutes, bugs and escaped bugs (" + kpis.tables().describe("sprint_items") + ")";
    return new SparkResult<>(result, Provenance.of("spark", query, new TimeWindow(sprint.start(), sprint.end()), now)
        .withRowCount(r.getLong(2)), leftOut);
  }

  static SparkResult<Double> deliveredBy(SparkKpis kpis, Sprint sprint, Instant cutoff, Instant now) {
    Instant until = cutoff.isBefore(sprint.end()) ? cutoff : sprint.end();
    Dataset<Row> items = items(kpis, sprint);
    Row r = items.agg(sum(when(col("completed_at").isNotNull().and(col("completed_at").lt(lit(until))), points())))
        .first();
    String query = "points of the items of sprint " + sprint.sprintId() + " completed before " + until + " ("
        + kpis.tables().describe("sprint_items") + ")";
    return new SparkResult<>(orZero(r.getDecimal(0)).doubleValue(),
        Provenance.of("spark", query, new TimeWindow(sprint.start(), sprint.end()), now), Map.of());
  }

  static SparkResult<List<SprintMetrics.Goal>> goals(SparkKpis kpis, Sprint sprint, Instant now) {
    Dataset<Row> items = items(kpis, sprint);
    List<SprintMetrics.Goal> out = new ArrayList<>();
    Map<String, Long> leftOut = new HashMap<>();
    Map<String, Row> counts = new HashMap<>();
    boolean linked = Arrays.asList(items.columns()).contains("goal") && !sprint.goals().isEmpty();
    if (linked) {
      Dataset<Row> ofGoals = items.where(col("goal").isin(sprint.goals().toArray()));
      for (Row r : ofGoals.groupBy(col("goal")).agg(count(lit(1)), count(when(delivered(sprint), lit(1))))
          .collectAsList()) {
        counts.put(r.getString(0), r);
      }
    }
    for (String g : sprint.goals()) {
      Row r = counts.get(g);
      long all = r == null ? 0 : r.getLong(1);
      long done = r == null ? 0 : r.getLong(2);
      List<String> ids = all == 0 ? List.of()
          : Exact.ids(items.where(col("goal").equalTo(g)), "item_id", kpis.maxIds(), "goal " + g, leftOut);
      out.add(new SprintMetrics.Goal(g, ids, done, SprintMetrics.goalStatus(all, done)));
    }
    String query = "items of sprint " + sprint.sprintId() + " per goal, and of them those completed before its end ("
        + kpis.tables().describe("sprint_items") + ")";
    return new SparkResult<>(out, Provenance.of("spark", query, new TimeWindow(sprint.start(), sprint.end()), now)
        .withRowCount(out.size()), leftOut);
  }

  static SparkResult<OptionalDouble> velocityChange(SparkKpis kpis, Instant at, int n, Instant now) {
    List<Sprint> chosen = SprintMetrics.velocitySprints(sprints(kpis), at, n);
    double[] delivered = new double[chosen.size()];
    if (!chosen.isEmpty()) {
      // One pass: each item is delivered when completed before the end of its own sprint.
      Column end = null;
      for (Sprint s : chosen) {
        Column mine = col("sprint_id").equalTo(s.sprintId());
        end = end == null ? when(mine, lit(s.end())) : end.when(mine, lit(s.end()));
      }
      Dataset<Row> items = kpis.tables().table("sprint_items")
          .where(col("sprint_id").isin(chosen.stream().map(Sprint::sprintId).toArray()));
      Map<String, BigDecimal> sums = new HashMap<>();
      for (Row r : items.where(col("completed_at").isNotNull().and(col("completed_at").lt(end)))
          .groupBy(col("sprint_id")).agg(sum(points())).collectAsList()) {
        sums.put(r.getString(0), r.getDecimal(1));
      }
      for (int i = 0; i < delivered.length; i++) {
        delivered[i] = orZero(sums.get(chosen.get(i).sprintId())).doubleValue();
      }
    }
    String query = "points of the items of the sprint under way at " + at + " and of up to " + n + " sprints before it, "
        + "each completed before its sprint's end (" + kpis.tables().describe("sprints") + ", "
        + kpis.tables().describe("sprint_items") + ")";
    TimeWindow over = chosen.isEmpty() ? new TimeWindow(at, at)
        : new TimeWindow(chosen.get(0).start(), chosen.get(chosen.size() - 1).end());
    return new SparkResult<>(SprintMetrics.velocityChange(delivered, n), Provenance.of("spark", query, over, now)
        .withRowCount(chosen.size()), Map.of());
  }

  private static Dataset<Row> items(SparkKpis kpis, Sprint sprint) {
    return kpis.tables().table("sprint_items").where(col("sprint_id").equalTo(sprint.sprintId()));
  }

  /** Completed before the sprint's end (exclusive). */
  private static Column delivered(Sprint sprint) {
    return col("completed_at").isNotNull().and(col("completed_at").lt(lit(sprint.end())));
  }

  /** The points as the files source reads them (a {@code double}), as an exact decimal of that double. */
  private static Column points() {
    return col("points").cast("double").cast(Decimals.TYPE);
  }

  /** A boolean column, or its default where empty or absent. */
  private static Column flag(Dataset<Row> items, String name, boolean otherwise) {
    return Arrays.asList(items.columns()).contains(name) ? coalesce(col(name).cast("boolean"), lit(otherwise))
        : lit(otherwise);
  }

  /** The items not delivered, at most {@code max} in id order; the rest counted in {@code leftOut}. */
  private static List<SprintItem> carryover(Dataset<Row> open, int max, Map<String, Long> leftOut) {
    List<String> names = Arrays.asList(open.columns());
    Column none = lit(null).cast("string");
    Dataset<Row> rows = open.select(col("sprint_id"), col("item_id").cast("string"), col("title"), col("kind"),
        col("points").cast("double"), flag(open, "committed", true), col("added_at"), col("started_at"),
        col("completed_at"), flag(open, "escaped", false), names.contains("goal") ? col("goal") : none);
    List<SprintItem> out = new ArrayList<>();
    for (Row r : rows.orderBy(col("item_id")).limit(max).collectAsList()) {
      out.add(new SprintItem(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4),
          r.getBoolean(5), instant(r.get(6)), r.isNullAt(7) ? null : instant(r.get(7)),
          r.isNullAt(8) ? null : instant(r.get(8)), r.getBoolean(9), r.isNullAt(10) ? null : r.getString(10)));
    }
    if (out.size() == max) {
      long all = open.count();
      if (all > max) {
        leftOut.put("carryover", all - max);
      }
    }
    return out;
  }

  /** A timestamp as the session gives it: an {@code Instant} (Java 8 time API) or a {@code java.sql.Timestamp}. */
  private static Instant instant(Object value) {
    return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
  }

  private static BigDecimal orZero(BigDecimal sum) {
    return sum == null ? BigDecimal.ZERO : sum;
  }
}
