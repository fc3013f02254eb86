package io.companyos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraEvidence;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The DORA keys of {@link DoraMetrics} over the {@code deployments}, {@code changes} and {@code incidents} tables: the
 * same counts and medians, found by Spark, and the same {@link DoraMetrics#assemble} for the rates and levels.
 */
final class DoraOnSpark {
  private DoraOnSpark() {}

  static SparkResult<DoraResult> compute(SparkKpis kpis, TimeWindow window, DoraBenchmark benchmark, Instant now) {
    SparkTables tables = kpis.tables();
    int max = kpis.maxIds();
    Map<String, Long> leftOut = new TreeMap<>();
    Dataset<Row> deployments = tables.table("deployments");
    Dataset<Row> changes = tables.table("changes");
    Dataset<Row> incidents = tables.table("incidents");
    Column created = col("time_created");

    // Deployments of the window: distinct ids, distinct UTC days, failures by status and by incidents naming them.
    Dataset<Row> inWindow = deployments.where(SparkKpis.in(created, window)).cache();
    try {
      Dataset<Row> deployIds = inWindow.select(col("deploy_id")).distinct();
      long deploys = deployIds.count();
      long deployDays = inWindow.select(Exact.utcDay(created)).distinct().count();
      Dataset<Row> byStatus = inWindow.where(functions.lower(col("status")).equalTo("failure"))
          .select(col("deploy_id"), lit(0).as("order"), lit("").as("incident"), lit("status failure").as("why"));
      Dataset<Row> byIncident = incidents.where(col("root_cause_deploy").isNotNull())
          .join(deployIds.withColumnRenamed("deploy_id", "root_cause_deploy"), "root_cause_deploy")
          .select(col("root_cause_deploy").as("deploy_id"), lit(1).as("order"), col("incident_id").as("incident"),
              functions.concat(lit("root cause of "), col("incident_id")).as("why"));
      Dataset<Row> failedWhy = byStatus.unionByName(byIncident);
      long failed = failedWhy.select("deploy_id").distinct().count();
      Map<String, String> why = new HashMap<>();
      List<String> failedIds = Exact.ids(failedWhy.select("deploy_id").distinct(), "deploy_id", max, "failedDeployments",
          leftOut);
      if (!failedIds.isEmpty()) {
        Dataset<Row> reasons = failedWhy.where(col("deploy_id").isin((Object[]) failedIds.toArray(new String[0])))
            .groupBy("deploy_id")
            .agg(functions.array_sort(functions.collect_list(functions.struct(col("order"), col("incident"), col("why"))))
                .as("reasons"))
            .select(col("deploy_id"), concat_ws("; ", col("reasons.why")).as("why"));
        for (Row r : reasons.collectAsList()) {
          why.put(r.getString(0), r.getString(1));
        }
      }

      // Lead time: each change's first deployment over all deployments; changes first deployed in the window.
      Dataset<Row> first = deployments.select(explode(col("changes")).as("change_id"), created.as("deployed"))
          .groupBy("change_id").agg(min("deployed").as("first_deploy"));
      Dataset<Row> lead = changes.join(first, "change_id").where(SparkKpis.in(col("first_deploy"), window))
          .select(col("change_id"), Exact.millis(col("first_deploy")).minus(Exact.millis(created)).divide(lit(3_600_000.0))
              .as("hours"))
          .where(col("hours").gt(0)).cache();
      Dataset<Row> resolved = incidents.where(col("time_resolved").isNotNull().and(SparkKpis.in(col("time_resolved"), window)))
          .cache();
      try {
        long changesDeployed = lead.count();
        OptionalDouble leadMedian = kpis.median(lead, "hours");

        // Time to restore: incidents resolved in the window; one resolved before it was created is listed, not counted.
        Column backwards = col("time_resolved").lt(created);
        Dataset<Row> restore = resolved.where(functions.not(backwards))
            .withColumn("hours", Exact.millis(col("time_resolved")).minus(Exact.millis(created)).divide(lit(3_600_000.0)));
        long restored = restore.count();
        OptionalDouble restoreMedian = kpis.median(restore, "hours");
        Dataset<Row> recovery = restore.where(col("root_cause_deploy").isNotNull());
        long recovered = recovery.count();
        OptionalDouble recoveryMedian = kpis.median(recovery, "hours");

        // Rework: deployments of the window made while a change-caused incident they did not cause was open.
        Dataset<Row> open = incidents.where(col("root_cause_deploy").isNotNull())
            .select(col("time_created").as("opened"), col("time_resolved").as("closed"), col("root_cause_deploy"));
        Dataset<Row> rework = inWindow.join(functions.broadcast(open),
                col("opened").leq(created).and(col("closed").isNull().or(col("closed").geq(created)))
                    .and(col("root_cause_deploy").notEqual(col("deploy_id"))))
            .select(col("deploy_id"), created).distinct();
        long reworkCount = rework.count();

        DoraEvidence evidence = new DoraEvidence(
            Exact.ids(deployIds, "deploy_id", max, "deployments", leftOut), why,
            Exact.ids(lead, "change_id", max, "changesDeployed", leftOut),
            Exact.ids(restore, "incident_id", max, "incidentsResolved", leftOut),
            Exact.ids(recovery, "incident_id", max, "changeFailuresResolved", leftOut),
            Exact.ids(rework, "deploy_id", max, "reworkDeployments", leftOut),
            Exact.ids(resolved.where(backwards), "incident_id", max, "incidentsResolvedBeforeCreated", leftOut));
        DoraResult result = DoraMetrics.assemble(window, deploys, deployDays, changesDeployed, leadMedian, failed, restored,
            restoreMedian, recovered, recoveryMedian, reworkCount, benchmark, evidence);
        String query = "DORA keys: deployments created in the window, changes by their first deployment, incidents "
            + "resolved in the window (" + tables.describe("deployments") + ", " + tables.describe("changes") + ", "
            + tables.describe("incidents") + ")";
        Provenance provenance = Provenance.of("spark", query, window, now).withRowCount(deploys + changesDeployed + restored);
        return new SparkResult<>(result, provenance, leftOut, kpis.percentileApproximation());
      } finally {
        lead.unpersist();
        resolved.unpersist();
      }
    } finally {
      inWindow.unpersist();
    }
  }
}
