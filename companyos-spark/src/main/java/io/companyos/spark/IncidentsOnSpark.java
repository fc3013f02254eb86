package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.incident.IncidentFingerprint;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.scoring.incident.SeverityStats;
import io.companyos.sources.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The incident summary of {@link IncidentStats#summarize} over the {@code incidents} table: counts, open, times to
 * restore and repeats per severity. The fingerprint is the reference's own function (a Spark UDF over it), repeats a
 * window function over each fingerprint in creation order, and {@link IncidentStats#severityStats} divides.
 */
final class IncidentsOnSpark {
  private IncidentsOnSpark() {}

  static SparkResult<IncidentStats.Summary> summarize(SparkKpis kpis, TimeWindow window, List<String> severities,
      Duration repeatWindow, Instant now) {
    int max = kpis.maxIds();
    Map<String, Long> leftOut = new TreeMap<>();
    Dataset<Row> table = kpis.tables().table("incidents");
    // A repeat looks back at most repeatWindow: the incidents created from then on decide every repeat of the window.
    TimeWindow span = new TimeWindow(window.start().minus(repeatWindow), window.end());
    Column fingerprint = functions.udf((UDF2<String, String, String>) IncidentFingerprint::of, DataTypes.StringType)
        .apply(col("service"), col("title"));
    WindowSpec byFingerprint = Window.partitionBy("fingerprint").orderBy(col("time_created"), col("incident_id"));
    Column millis = Exact.millis(col("time_resolved")).minus(Exact.millis(col("time_created")));
    Column restored = col("time_resolved").isNotNull().and(col("time_resolved").geq(col("time_created")));
    Dataset<Row> created = table.where(SparkKpis.placedIn(table, "time_created", span))
        .withColumn("fingerprint", fingerprint)
        .withColumn("previous", functions.lag(col("time_created"), 1).over(byFingerprint))
        .withColumn("repeat", col("previous").isNotNull().and(functions.unix_micros(col("time_created"))
            .minus(functions.unix_micros(col("previous"))).leq(lit(repeatWindow.toNanos() / 1000))))
        .where(SparkKpis.in(col("time_created"), window))
        .withColumn("restored", restored)
        .withColumn("hours", functions.when(restored, millis.divide(lit(3_600_000.0))))
        .cache();
    try {
      long any = created.count();
      List<SeverityStats> stats = new ArrayList<>();
      long total = 0;
      long open = 0;
      Map<String, Row> counts = new TreeMap<>();
      for (Row r : created.groupBy("severity").agg(functions.count(lit(1)),
          functions.sum(functions.when(col("restored"), 1).otherwise(0)),
          functions.sum(functions.when(col("restored"), millis).otherwise(0L)),
          functions.sum(functions.when(col("time_resolved").isNull(), 1).otherwise(0)),
          functions.sum(functions.when(col("time_resolved").lt(col("time_created")), 1).otherwise(0))).collectAsList()) {
        counts.put(r.getString(0), r);
      }
      for (String severity : severities) {
        Row r = counts.get(severity);
        Dataset<Row> of = created.where(col("severity").equalTo(severity));
        if (r == null) {
          stats.add(IncidentStats.severityStats(severity, 0, 0, 0, java.util.OptionalDouble.empty(), 0, List.of(), List.of(),
              0));
          continue;
        }
        List<String> ids = Exact.ids(of, "incident_id", max, "incidentIds " + severity, leftOut);
        List<String> repeatIds = Exact.ids(of.where(col("repeat")), "incident_id", max, "repeatIds " + severity, leftOut);
        stats.add(IncidentStats.severityStats(severity, r.getLong(1), r.getLong(2), r.getLong(3),
            kpis.median(of.where(col("restored")), "hours"), r.getLong(4), ids, repeatIds, r.getLong(5)));
        total += r.getLong(1);
        open += r.getLong(4);
      }
      Dataset<Row> repeats = created.where(col("repeat").and(col("severity").isin((Object[]) severities.toArray())))
          .orderBy("incident_id");
      long repeatCount = repeats.count();
      if (repeatCount > max) {
        leftOut.put("repeats", repeatCount - max);
      }
      List<Incident> repeatList = repeats.limit(max).collectAsList().stream().map(IncidentsOnSpark::incident).toList();
      String query = "incident summary: incidents created in the window by severity (open, time to restore, repeats of "
          + "the same fingerprint within " + repeatWindow.toDays() + " days) (" + kpis.tables().describe("incidents") + ")";
      return new SparkResult<>(new IncidentStats.Summary(window, stats, total, open, repeatList, any),
          Provenance.of("spark", query, window, now).withRowCount(any), leftOut, kpis.percentileApproximation());
    } finally {
      created.unpersist();
    }
  }

  private static Incident incident(Row r) {
    Instant resolved = instant(r.getAs("time_resolved"));
    return new Incident(r.getAs("incident_id"), java.util.Objects.requireNonNull(instant(r.getAs("time_created"))), resolved,
        r.getAs("severity"), r.getAs("service"), r.getAs("title"), r.getAs("root_cause_deploy"));
  }

  /** A timestamp as the session gives it: an {@code Instant} (java8API) or a {@code java.sql.Timestamp}. */
  private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Object value) {
    return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
  }
}
