package io.companyos.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The quality KPIs of {@link QualityMetrics} over the {@code builds} and {@code pull_requests} tables: Spark counts the
 * builds of the window and the successful ones, {@link QualityMetrics#buildSuccessRate(long, long)} divides; the review
 * turnaround is the median of whole minutes ({@link QualityMetrics#turnaroundMinutes}) ÷ 60, the pull requests counted a
 * bounded evidence list in id order.
 */
final class QualityOnSpark {
  private QualityOnSpark() {}

  static SparkResult<OptionalDouble> buildSuccessRate(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> builds = kpis.tables().table("builds");
    // As the files source reads the column: true, yes or 1 in any letter case; empty is not a success.
    Row r = builds.where(SparkKpis.placedIn(builds, "timestamp", window))
        .agg(count(lit(1)), count(when(coalesce(col("success").cast("boolean"), lit(false)), lit(1)))).first();
    long all = r.getLong(0);
    String query = "builds in the window and the successful ones (" + kpis.tables().describe("builds") + ")";
    return new SparkResult<>(QualityMetrics.buildSuccessRate(r.getLong(1), all),
        Provenance.of("spark", query, window, now).withRowCount(all), Map.of());
  }

  static SparkResult<QualityMetrics.ReviewTurnaround> reviewTurnaround(SparkKpis kpis, TimeWindow window, Instant now) {
    Dataset<Row> prs = kpis.tables().table("pull_requests");
    Dataset<Row> reviewed = prs.where(SparkKpis.placedIn(prs, "opened_at", window).and(col("first_review_at").isNotNull()))
        .withColumn("hours", Exact.wholeMinutes(col("opened_at"), col("first_review_at")).divide(lit(60.0)))
        .cache();
    try {
      long n = reviewed.count();
      OptionalDouble median = kpis.median(reviewed, "hours");
      Map<String, Long> leftOut = new TreeMap<>();
      List<String> ids = Exact.ids(reviewed, "pr_id", kpis.maxIds(), "reviewed", leftOut);
      String query = "pull requests opened in the window with a first review: median of whole minutes to it ÷ 60 ("
          + kpis.tables().describe("pull_requests") + ")";
      return new SparkResult<>(new QualityMetrics.ReviewTurnaround(median, ids),
          Provenance.of("spark", query, window, now).withRowCount(n), leftOut, kpis.percentileApproximation());
    } finally {
      reviewed.unpersist();
    }
  }
}
