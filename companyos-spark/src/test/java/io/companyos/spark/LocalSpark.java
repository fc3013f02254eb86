package io.companyos.spark;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.ProductEvent;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One Spark session on {@code local[2]} for the module's tests, and the records of the Java reference as tables. The
 * session's time zone is deliberately not UTC (New York, with its DST days), so a result that depended on it would show.
 */
final class LocalSpark {
  private static SparkSession spark;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[2]").appName("companyos-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "America/New_York")
          .config("spark.sql.datetime.java8API.enabled", "true")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  static final StructType DEPLOYMENTS = new StructType()
      .add("deploy_id", DataTypes.StringType, false)
      .add("time_created", DataTypes.TimestampType, false)
      .add("changes", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("status", DataTypes.StringType, true);
  static final StructType CHANGES = new StructType()
      .add("change_id", DataTypes.StringType, false)
      .add("time_created", DataTypes.TimestampType, false);
  static final StructType INCIDENTS = new StructType()
      .add("incident_id", DataTypes.StringType, false)
      .add("time_created", DataTypes.TimestampType, false)
      .add("time_resolved", DataTypes.TimestampType, true)
      .add("severity", DataTypes.StringType, false)
      .add("service", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, false)
      .add("root_cause_deploy", DataTypes.StringType, true);
  static final StructType PRODUCT_EVENTS = new StructType()
      .add("timestamp", DataTypes.TimestampType, false)
      .add("user_id", DataTypes.StringType, false)
      .add("account_id", DataTypes.StringType, false)
      .add("session_id", DataTypes.StringType, false)
      .add("event", DataTypes.StringType, false)
      .add("feature", DataTypes.StringType, true);

  static final StructType COSTS = new StructType()
      .add("ChargePeriodStart", DataTypes.TimestampType, false)
      .add("ChargePeriodEnd", DataTypes.TimestampType, false)
      .add("EffectiveCost", DataTypes.StringType, false)
      .add("ListCost", DataTypes.StringType, false)
      .add("ServiceName", DataTypes.StringType, false)
      .add("ServiceCategory", DataTypes.StringType, true)
      .add("ChargeCategory", DataTypes.StringType, false)
      .add("PricingCategory", DataTypes.StringType, true)
      .add("CommitmentDiscountType", DataTypes.StringType, true)
      .add("CommitmentDiscountStatus", DataTypes.StringType, true)
      .add("Tags", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false);

  /** FOCUS rows as the view {@code costs}, amounts as the text a CSV export holds (so their scales are kept). */
  static SparkTables costs(List<io.companyos.model.data.CostRow> rows) {
    view("costs", rows.stream().map(r -> RowFactory.create(r.chargePeriodStart(), r.chargePeriodEnd(),
        r.effectiveCost().toPlainString(), r.listCost().toPlainString(), r.serviceName(), r.serviceCategory(),
        r.chargeCategory(), r.pricingCategory(), r.commitmentDiscountType(), r.commitmentDiscountStatus(),
        scala.jdk.javaapi.CollectionConverters.asScala(r.tags()))).toList(), COSTS);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  static final StructType VULNERABILITIES = new StructType()
      .add("vuln_id", DataTypes.StringType, false)
      .add("cve", DataTypes.StringType, true)
      .add("severity", DataTypes.StringType, false)
      .add("component", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, true)
      .add("detected_at", DataTypes.TimestampType, false)
      .add("resolved_at", DataTypes.TimestampType, true);

  /** Findings as the view {@code vulnerabilities}. */
  static SparkTables vulnerabilities(List<io.companyos.model.data.Vulnerability> findings) {
    view("vulnerabilities", findings.stream().map(v -> RowFactory.create(v.vulnId(), v.cve(), v.severity(), v.component(),
        v.title(), v.detectedAt(), v.resolvedAt())).toList(), VULNERABILITIES);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  static final StructType ACCOUNTS = new StructType()
      .add("account_id", DataTypes.StringType, false)
      .add("name", DataTypes.StringType, false)
      .add("segment", DataTypes.StringType, true)
      .add("arr", DataTypes.StringType, false)
      .add("since", DataTypes.TimestampType, false);
  static final StructType ARR_MOVEMENTS = new StructType()
      .add("date", DataTypes.TimestampType, false)
      .add("account_id", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("amount", DataTypes.StringType, false);

  /** Accounts and ARR movements as the views {@code accounts} and {@code arr_movements}, amounts as text (scales kept). */
  static SparkTables revenue(List<io.companyos.model.data.Account> accounts,
      List<io.companyos.model.data.ArrMovement> movements) {
    view("accounts", accounts.stream().map(a -> RowFactory.create(a.accountId(), a.name(), a.segment(),
        a.arr().toPlainString(), a.since())).toList(), ACCOUNTS);
    view("arr_movements", movements.stream().map(m -> RowFactory.create(m.date(), m.accountId(), m.kind(),
        m.amount().toPlainString())).toList(), ARR_MOVEMENTS);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  static final StructType SPRINT_ITEMS = new StructType()
      .add("sprint_id", DataTypes.StringType, false)
      .add("item_id", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("points", DataTypes.StringType, false)
      .add("committed", DataTypes.BooleanType, false)
      .add("added_at", DataTypes.TimestampType, false)
      .add("started_at", DataTypes.TimestampType, true)
      .add("completed_at", DataTypes.TimestampType, true)
      .add("escaped", DataTypes.BooleanType, false)
      .add("goal", DataTypes.StringType, true);

  /** Sprint items as the view {@code sprint_items}, points as the text a CSV holds. */
  static SparkTables sprintItems(List<io.companyos.model.data.SprintItem> items) {
    view("sprint_items", items.stream().map(i -> RowFactory.create(i.sprintId(), i.itemId(), i.title(), i.kind(),
        Double.toString(i.points()), i.committed(), i.addedAt(), i.startedAt(), i.completedAt(), i.escaped(), i.goal()))
        .toList(), SPRINT_ITEMS);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  static final StructType METRICS = new StructType()
      .add("timestamp", DataTypes.TimestampType, false)
      .add("metric", DataTypes.StringType, false)
      .add("labels", DataTypes.StringType, true)
      .add("value", DataTypes.DoubleType, false);

  /** Metric points as the view {@code metrics}, their labels as the files source's {@code k=v;k=v} text. */
  static SparkTables metrics(List<io.companyos.model.data.MetricPoint> points) {
    view("metrics", points.stream().map(p -> RowFactory.create(p.timestamp(), p.metric(), new java.util.TreeMap<>(
        p.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(java.util.stream.Collectors.joining(";")), p.value())).toList(), METRICS);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  static final StructType SPRINTS = new StructType()
      .add("sprint_id", DataTypes.StringType, false)
      .add("start", DataTypes.TimestampType, false)
      .add("end", DataTypes.TimestampType, false)
      .add("goals", DataTypes.createArrayType(DataTypes.StringType), false);

  /** Sprints and their items as the views {@code sprints} and {@code sprint_items}. */
  static SparkTables sprints(List<io.companyos.model.data.Sprint> sprints, List<io.companyos.model.data.SprintItem> items) {
    view("sprints", sprints.stream().map(s -> RowFactory.create(s.sprintId(), s.start(), s.end(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.goals()).toSeq())).toList(), SPRINTS);
    return sprintItems(items);
  }

  static final StructType BUILDS = new StructType()
      .add("build_id", DataTypes.StringType, false)
      .add("pipeline", DataTypes.StringType, false)
      .add("timestamp", DataTypes.TimestampType, false)
      .add("success", DataTypes.BooleanType, false);
  static final StructType PULL_REQUESTS = new StructType()
      .add("pr_id", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, false)
      .add("author", DataTypes.StringType, false)
      .add("repository", DataTypes.StringType, false)
      .add("opened_at", DataTypes.TimestampType, false)
      .add("first_review_at", DataTypes.TimestampType, true)
      .add("merged_at", DataTypes.TimestampType, true)
      .add("closed_at", DataTypes.TimestampType, true);

  /** Builds and pull requests as the views {@code builds} and {@code pull_requests}. */
  static SparkTables quality(List<io.companyos.model.data.Build> builds, List<io.companyos.model.data.PullRequest> prs) {
    view("builds", builds.stream().map(b -> RowFactory.create(b.buildId(), b.pipeline(), b.timestamp(), b.success()))
        .toList(), BUILDS);
    view("pull_requests", prs.stream().map(p -> RowFactory.create(p.prId(), p.title(), p.author(), p.repository(),
        p.openedAt(), p.firstReviewAt(), p.mergedAt(), p.closedAt())).toList(), PULL_REQUESTS);
    return SparkTables.catalog(session(), java.util.Map.of());
  }

  /** The records as temporary views named like their kinds, so {@code SparkTables.catalog(spark, Map.of())} reads them. */
  static SparkTables views(List<Deployment> deployments, List<Change> changes, List<Incident> incidents,
      List<ProductEvent> events) {
    SparkSession s = session();
    view("deployments", deployments.stream().map(d -> RowFactory.create(d.deployId(), d.timeCreated(),
        scala.jdk.javaapi.CollectionConverters.asScala(d.changes()).toSeq(),
        d.status() == DeployStatus.FAILURE ? "failure" : "success")).toList(), DEPLOYMENTS);
    view("changes", changes.stream().map(c -> RowFactory.create(c.changeId(), c.timeCreated())).toList(), CHANGES);
    view("incidents", incidents.stream().map(i -> RowFactory.create(i.incidentId(), i.timeCreated(), i.timeResolved(),
        i.severity(), i.service(), i.title(), i.rootCauseDeploy())).toList(), INCIDENTS);
    view("product_events", events.stream().map(e -> RowFactory.create(e.timestamp(), e.userId(), e.accountId(),
        e.sessionId(), e.event(), e.feature())).toList(), PRODUCT_EVENTS);
    return SparkTables.catalog(s, java.util.Map.of());
  }

  private static void view(String name, List<Row> rows, StructType schema) {
    Dataset<Row> df = session().createDataFrame(rows, schema);
    df.createOrReplaceTempView(name);
  }
}
