package io.companyos.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.companyos.model.base.OutputFiles;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.model.data.Sprint;
import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.product.Engagement;
import io.companyos.scoring.recommend.CommitmentFigures;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.scoring.sprint.SprintMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The batch job for {@code spark-submit}: computes the catalog's KPIs that {@link SparkKpis} has for one as-of and writes
 * them where a small machine can render packs from them.
 *
 * <pre>
 * spark-submit --class io.companyos.spark.KpiJob companyos-spark.jar \
 *   --tables parquet:s3a://lake/companyos --as-of 2026-11-30T00:00:00Z --days 7 --zone America/New_York --out kpis
 * </pre>
 *
 * <p>It writes two files into {@code --out} (a folder on the driver), each whole or not at all:
 * <ul>
 *   <li>{@code metrics.csv} in the files source's layout (docs/data-formats.md): one row per KPI value, metric
 *       {@code companyos:kpi:<kpi id>}, timestamp the window's end, labels {@code from} and {@code to} (the window)
 *       and {@code feature}, {@code commitment_type} or {@code service} where the KPI has one value per feature, commitment
 *       type or service (SLO attainment and error budget remaining from the {@code metrics} table). The files source
 *       reads it like any other metrics (a folder given to {@code --data}, or a {@code files} source in sources.yaml).
 *   <li>{@code kpis.json}: every KPI with its window, value or {@code n/a (reason)}, and provenance (tables, filter,
 *       ids not collected, and how it was approximated when {@code --approximate} asked for HyperLogLog++ distinct
 *       counts or {@code --approximate-medians} for {@code percentile_approx} medians; such rows of {@code metrics.csv}
 *       carry the label {@code approximate=true} and the error bound asked for — {@code relative_standard_deviation}
 *       for a distinct count, {@code median_accuracy} for a median — so a pack can show "≈" and the bound).
 * </ul>
 * A KPI without data has no row in {@code metrics.csv} and reads {@code n/a (reason)} in {@code kpis.json}, never 0;
 * a family whose table is missing is n/a with that reason, and the others are still computed.
 */
public final class KpiJob {
  /** The prefix of the metric names the job writes: {@code companyos:kpi:<kpi id>}. */
  public static final String METRIC_PREFIX = "companyos:kpi:";

  /** The KPI families the job computes, each n/a on its own when its tables are missing. */
  private static final int FAMILIES = 8;

  private final SparkKpis kpis;
  private final TimeWindow window;
  private final ZoneId zone;
  private final PrintStream progress;
  private final List<String[]> rows = new ArrayList<>();
  private final ArrayNode json;

  private KpiJob(SparkKpis kpis, TimeWindow window, ZoneId zone, PrintStream progress, ObjectMapper mapper) {
    this.kpis = kpis;
    this.window = window;
    this.zone = zone;
    this.progress = progress;
    this.json = mapper.createArrayNode();
  }

  /**
   * Runs the job with a session of its own ({@code spark-submit} supplies the master and the configuration).
   *
   * @param args the arguments, see the class description
   */
  public static void main(String[] args) {
    Arguments a;
    try {
      a = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("companyos kpi job: " + e.getMessage());
      System.err.println(Arguments.USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("companyos-kpis").getOrCreate();
    listOnTheDriverWhenLocal(spark);
    try {
      run(spark, a, System.err);
    } catch (UncheckedIOException e) {
      System.err.println("companyos kpi job: cannot write " + a.out() + ": " + e.getCause().getMessage());
      System.exit(1);
    } finally {
      spark.stop();
    }
  }

  /** The SQL setting above which Spark lists a table's folders with a job of its own instead of on the driver. */
  static final String PARALLEL_LISTING = "spark.sql.sources.parallelPartitionDiscovery.threshold";

  /**
   * On a local master, a partitioned table's folders are listed on the driver: Spark's default lists more than 32
   * folders with a job, which on the driver's own cores only adds a job's start-up (460 day folders: 4–8 s before
   * against about 1 s). On a cluster, and wherever the setting was given, Spark's choice stands.
   *
   * @param spark the job's session
   */
  static void listOnTheDriverWhenLocal(SparkSession spark) {
    if (spark.sparkContext().isLocal() && !spark.conf().contains(PARALLEL_LISTING)) {
      spark.conf().set(PARALLEL_LISTING, Integer.MAX_VALUE);
    }
  }

  /**
   * Computes the KPIs and writes {@code metrics.csv} and {@code kpis.json} into {@code a.out()}.
   *
   * @param spark the session to read the tables with
   * @param a the job's arguments
   * @param progress where a line per KPI family is printed
   * @return the number of KPI values written
   * @throws UncheckedIOException if the files cannot be written (nothing half-written is left)
   */
  public static int run(SparkSession spark, Arguments a, PrintStream progress) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    SparkKpis kpis = SparkKpis.over(a.tables(spark));
    if (a.approximate() > 0) {
      kpis = kpis.approximateDistinctCounts(a.approximate());
    }
    if (a.medianAccuracy() > 0) {
      kpis = kpis.approximatePercentiles(a.medianAccuracy());
    }
    KpiJob job = new KpiJob(kpis, new TimeWindow(a.asOf().minus(a.length()), a.asOf()), a.zone(), progress, mapper);
    job.family(1, "DORA", job::dora);
    job.family(2, "product engagement", job::product);
    job.family(3, "cloud spend", job::costs);
    job.family(4, "revenue", job::revenue);
    job.family(5, "sprint", job::sprint);
    job.family(6, "builds", job::builds);
    job.family(7, "code review", job::reviews);
    job.family(8, "SLO", job::slos);
    job.write(a.out(), mapper);
    return job.rows.size();
  }

  private void family(int n, String name, Runnable compute) {
    progress.printf(Locale.ROOT, "companyos kpi job: [%d/%d] %s, %s to %s%n", n, FAMILIES, name, window.start(),
        window.end());
    try {
      compute.run();
    } catch (Exception e) {
      // Scala throws AnalysisException (a checked exception to Java) without declaring it: a missing table or column
      // ends only this family.
      if (e instanceof AnalysisException a) {
        String error = String.valueOf(a.getCondition());
        String reason = error.startsWith("PATH_NOT_FOUND") || error.startsWith("TABLE_OR_VIEW_NOT_FOUND")
            ? "no table for " + name : "cannot read the tables of " + name + " (" + error + ")";
        progress.println("companyos kpi job: " + name + " n/a (" + reason + ")");
        ObjectNode node = json.addObject();
        node.put("family", name);
        node.put("value", "n/a (" + reason + ")");
      } else if (e instanceof RuntimeException r) {
        throw r;
      } else {
        throw new IllegalStateException(e);
      }
    }
  }

  private void dora() {
    SparkResult<DoraResult> r = kpis.dora(window, DoraBenchmark.newest());
    DoraResult d = r.value();
    // Only the medians may be approximated (--approximate-medians); the counts and rates are exact.
    SparkResult<DoraResult> counted = new SparkResult<>(d, r.provenance(), r.idsLeftOut());
    kpi("deployment_frequency", d.deploysPerDay(), "no deployments in the window", d.deployments() > 0, counted, Map.of());
    kpi("lead_time_for_changes", d.leadTimeHoursMedian(), "no change first deployed in the window", true, r, Map.of());
    kpi("change_failure_rate", d.changeFailureRate(), "no deployments in the window", true, counted, Map.of());
    kpi("failed_deployment_recovery_time", d.failedDeploymentRecoveryHoursMedian(),
        "no change-caused incident resolved in the window", true, r, Map.of());
    kpi("deployment_rework_rate", d.reworkRate(), "no deployments in the window", true, counted, Map.of());
  }

  private void product() {
    // One pass over the events: every product KPI of the job from one shuffle (SparkKpis.productKpis).
    SparkResult<ProductKpis> r = kpis.productKpis(window, zone);
    ProductKpis p = r.value();
    kpi("dau", p.dau(), "no complete " + zone + " day in the window", true, r, Map.of());
    // WAU and MAU are the engagement's own: distinct active users of the 7 and 30 days ending at the window's end.
    kpi("wau", OptionalDouble.of(p.wau()), "no active users in the 7 days", p.wau() > 0, r, Map.of());
    kpi("mau", OptionalDouble.of(p.mau()), "no active users in the 30 days", p.mau() > 0, r, Map.of());
    kpi("signups", OptionalDouble.of(p.signups()), "", true, r, Map.of());
    for (Engagement.FeatureUse u : p.adoption()) {
      kpi("feature_adoption", OptionalDouble.of(u.adoptionPercent()), "", true, r, Map.of("feature", u.feature()));
    }
  }

  private void costs() {
    SparkResult<BigDecimal> total = kpis.costTotal(window);
    kpi("cloud_spend", total.provenance().rowCount() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(total.value().doubleValue()), "no cost rows in the window", true, total, Map.of());
    SparkResult<CommitmentCoverage.Shares> coverage = kpis.commitmentCoverage(window);
    CommitmentCoverage.Shares c = coverage.value();
    kpi("sp_coverage", percent(c.savingsPlan()), "no compute usage in the window", true, coverage, Map.of());
    kpi("ri_coverage", percent(c.reservation()), "no usage other than compute in the window", true, coverage, Map.of());
    kpi("spot_percentage", percent(c.spot()), "no compute usage in the window", true, coverage, Map.of());
    // The figures of the FinOps commitment rules; utilization per commitment type, as the rules judge it.
    SparkResult<CommitmentFigures.Figures> figures = kpis.commitmentFigures(window);
    CommitmentFigures.Figures f = figures.value();
    kpi("commitment_coverage", percent(f.coverage()), "no usage at Standard or Committed pricing in the window", true,
        figures, Map.of());
    kpi("effective_savings_rate", percent(f.effectiveSavingsRate()), "no usage under a commitment in the window", true,
        figures, Map.of());
    f.utilization().forEach((type, u) -> kpi("commitment_utilization", OptionalDouble.of(100 * u), "", true, figures,
        Map.of("commitment_type", type)));
  }

  /** A ratio in percent, as the catalog states the coverage KPIs. */
  private static OptionalDouble percent(OptionalDouble ratio) {
    return ratio.isPresent() ? OptionalDouble.of(100 * ratio.getAsDouble()) : ratio;
  }

  /**
   * ARR at the window's end, net new and churned ARR and logo retention of the window, with the accounts' ARR taken as
   * of the window's end; NRR over the 365 days ending there, as the catalog defines it.
   */
  private void revenue() {
    SparkResult<ArrMetrics.Result> arr = kpis.arr(window, window.end());
    ArrMetrics.Result a = arr.value();
    kpi("arr", OptionalDouble.of(a.arrEnd().doubleValue()), "", true, arr, Map.of());
    kpi("net_new_arr", OptionalDouble.of(a.netNew().doubleValue()), "", true, arr, Map.of());
    kpi("churned_arr", OptionalDouble.of(a.churned().doubleValue()), "", true, arr, Map.of());
    kpi("logo_retention", a.logoRetention(), "no account paying at the window's start", true, arr, Map.of());
    SparkResult<ArrMetrics.Result> year = kpis.arr(new TimeWindow(window.end().minus(Duration.ofDays(365)), window.end()),
        window.end());
    kpi("nrr", year.value().nrr(), "no ARR at the start of the 365 days", true, year, Map.of(), year.provenance().window());
  }

  /**
   * The sprint under way at the window's end (the latest that started by then): points committed, points delivered
   * before the window's end, mean cycle time and bug escape rate, over the sprint.
   */
  private void sprint() {
    java.util.Optional<Sprint> under = SprintMetrics.startedBy(SprintsOnSpark.sprints(kpis), window.end(), 0);
    if (under.isEmpty()) {
      for (String id : List.of("points_committed", "points_delivered", "cycle_time_days", "bug_escape_rate")) {
        ObjectNode node = json.addObject();
        node.put("kpi", id);
        node.put("value", "n/a (no sprint started by " + window.end() + ")");
      }
      return;
    }
    Sprint s = under.get();
    TimeWindow over = new TimeWindow(s.start(), s.end());
    SparkResult<SprintMetrics.Result> r = kpis.sprint(s);
    SprintMetrics.Result m = r.value();
    kpi("points_committed", OptionalDouble.of(m.committedPoints()), "", true, r, Map.of(), over);
    SparkResult<Double> delivered = kpis.pointsDeliveredBy(s, window.end());
    kpi("points_delivered", OptionalDouble.of(delivered.value()), "", true, delivered, Map.of(), over);
    kpi("cycle_time_days", m.cycleDaysMean(), "no item of the sprint both started and delivered", true, r, Map.of(), over);
    kpi("bug_escape_rate", percent(m.bugEscapeRate()), "no bugs in the sprint", true, r, Map.of(), over);
  }

  /** The build success rate of the window, in percent as the catalog states it. */
  private void builds() {
    SparkResult<OptionalDouble> rate = kpis.buildSuccessRate(window);
    kpi("build_success_rate", percent(rate.value()), "no builds in the window", true, rate, Map.of());
  }

  /** The median hours to first review of the pull requests opened in the window. */
  private void reviews() {
    SparkResult<QualityMetrics.ReviewTurnaround> r = kpis.reviewTurnaround(window);
    kpi("review_turnaround_hours", r.value().medianHours(), "no reviewed pull request opened in the window", true, r,
        Map.of());
  }

  /**
   * SLO attainment and error budget remaining per service over the window, in percent, from the SLO counters and
   * targets of the {@code metrics} table; a service with requests but no target in (0, 1) is n/a.
   */
  private void slos() {
    SparkResult<ServiceSlos.Result> r = kpis.sloAttainment(window);
    for (ServiceSlos.ServiceSlo slo : r.value().slos()) {
      Map<String, String> service = Map.of("service", slo.service());
      kpi("slo_attainment_service", percent(slo.result().attainment()), "no requests in the window", true, r, service);
      kpi("error_budget_remaining", percent(slo.result().budgetRemaining()), "no requests in the window", true, r,
          service);
    }
    for (String without : r.value().withoutTarget()) {
      kpi("slo_attainment_service", OptionalDouble.empty(), "no target in (0, 1) for the service", true, r,
          Map.of("service", without));
    }
  }

  private void kpi(String id, SparkResult<OptionalDouble> r, String reason) {
    kpi(id, r.value(), reason, true, r, Map.of());
  }

  private void kpi(String id, OptionalDouble value, String reason, boolean has, SparkResult<?> r, Map<String, String> key) {
    kpi(id, value, reason, has, r, key, window);
  }

  /** A KPI over {@code over} (the job's window, or a longer one ending with it), stamped at the window's end. */
  private void kpi(String id, OptionalDouble value, String reason, boolean has, SparkResult<?> r, Map<String, String> key,
      TimeWindow over) {
    ObjectNode node = json.addObject();
    node.put("kpi", id);
    key.forEach(node::put);
    node.put("from", over.start().toString());
    node.put("to", over.end().toString());
    if (value.isPresent() && has) {
      node.put("value", value.getAsDouble());
      StringBuilder labels = new StringBuilder("from=" + over.start() + ";to=" + over.end());
      Approximation how = r.approximatedBy();
      if (how != null) {
        // The bound of each approximate aggregate the result used: HyperLogLog++ distinct counts (product KPIs),
        // percentile_approx medians (DORA, incidents, review turnaround), or both.
        labels.append(";approximate=true");
        how.relativeStandardDeviation().ifPresent(d -> labels.append(";relative_standard_deviation=").append(d));
        how.medianAccuracy().ifPresent(n -> labels.append(";median_accuracy=").append(n));
      }
      key.forEach((k, v) -> labels.append(';').append(k).append('=').append(v));
      rows.add(new String[] {window.end().toString(), METRIC_PREFIX + id, labels.toString(),
          Double.toString(value.getAsDouble())});
    } else {
      node.put("value", "n/a (" + reason + ")");
    }
    node.put("query", r.provenance().query());
    if (r.approximatedBy() != null) {
      node.put("approximation", r.approximatedBy().text());
    }
    ObjectNode left = node.putObject("idsLeftOut");
    r.idsLeftOut().forEach(left::put);
  }

  private void write(Path out, ObjectMapper mapper) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
      csv.writeRecord("timestamp", "metric", "labels", "value");
      for (String[] row : rows) {
        csv.writeRecord(row); // RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.createDirectories(out);
      OutputFiles.replace(out.resolve("metrics.csv"), text.toString());
      OutputFiles.replace(out.resolve("kpis.json"), mapper.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The job's arguments.
   *
   * @param tables {@code parquet:ROOT}, {@code csv:ROOT} or {@code catalog:} (tables named like the kinds)
   * @param asOf the end of the window
   * @param length the window's length
   * @param zone the time zone of the calendar days of DAU
   * @param out the folder to write into
   * @param approximate the HyperLogLog++ relative standard deviation of the product KPIs' distinct counts, or 0 for exact
   * @param medianAccuracy the {@code percentile_approx} accuracy of the DORA medians and the review turnaround, or 0
   *     for exact medians
   */
  public record Arguments(String tables, Instant asOf, Duration length, ZoneId zone, Path out, double approximate,
      int medianAccuracy) {
    static final String USAGE = "usage: KpiJob --tables parquet:ROOT|csv:ROOT|catalog: --as-of INSTANT [--days N] "
        + "[--zone ZONE] [--approximate RSD] [--approximate-medians ACCURACY] --out DIR";

    /**
     * Arguments with exact medians.
     *
     * @param tables {@code parquet:ROOT}, {@code csv:ROOT} or {@code catalog:}
     * @param asOf the end of the window
     * @param length the window's length
     * @param zone the time zone of the calendar days of DAU
     * @param out the folder to write into
     * @param approximate the HyperLogLog++ relative standard deviation, or 0 for exact distinct counts
     */
    public Arguments(String tables, Instant asOf, Duration length, ZoneId zone, Path out, double approximate) {
      this(tables, asOf, length, zone, out, approximate, 0);
    }

    /**
     * Reads {@code --tables}, {@code --as-of}, {@code --days} (default 7), {@code --zone} (default UTC),
     * {@code --approximate}, {@code --approximate-medians} (both optional) and {@code --out}.
     *
     * @param args the command line
     * @return the arguments
     * @throws IllegalArgumentException naming the argument at fault
     */
    public static Arguments parse(String... args) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!List.of("--tables", "--as-of", "--days", "--zone", "--out", "--approximate", "--approximate-medians")
            .contains(name)) {
          throw new IllegalArgumentException("unknown argument " + name);
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        m.put(name, args[++i]);
      }
      for (String required : List.of("--tables", "--as-of", "--out")) {
        if (!m.containsKey(required)) {
          throw new IllegalArgumentException("missing " + required);
        }
      }
      String tables = m.get("--tables");
      if (!tables.startsWith("parquet:") && !tables.startsWith("csv:") && !tables.equals("catalog:")) {
        throw new IllegalArgumentException("--tables must be parquet:ROOT, csv:ROOT or catalog:, was " + tables);
      }
      Instant asOf;
      try {
        asOf = Instant.parse(m.get("--as-of"));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("--as-of must be an instant like 2026-11-30T00:00:00Z, was " + m.get("--as-of"));
      }
      int days;
      try {
        days = Integer.parseInt(m.getOrDefault("--days", "7"));
      } catch (NumberFormatException e) {
        days = 0;
      }
      if (days < 1 || days > 3660) {
        throw new IllegalArgumentException("--days must be a whole number from 1 to 3660, was " + m.get("--days"));
      }
      ZoneId zone;
      try {
        zone = ZoneId.of(m.getOrDefault("--zone", "UTC"));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("--zone must be a time zone like Europe/Berlin, was " + m.get("--zone"));
      }
      double approximate = 0;
      if (m.containsKey("--approximate")) {
        try {
          approximate = Double.parseDouble(m.get("--approximate"));
        } catch (NumberFormatException e) {
          approximate = -1;
        }
        if (!(approximate > 0 && approximate <= 0.39)) {
          throw new IllegalArgumentException("--approximate must be a relative standard deviation in (0, 0.39], e.g. 0.01, was "
              + m.get("--approximate"));
        }
      }
      int medianAccuracy = 0;
      if (m.containsKey("--approximate-medians")) {
        try {
          medianAccuracy = Integer.parseInt(m.get("--approximate-medians"));
        } catch (NumberFormatException e) {
          medianAccuracy = -1;
        }
        if (medianAccuracy < 1) {
          throw new IllegalArgumentException("--approximate-medians must be a percentile_approx accuracy, a whole number "
              + "of at least 1, e.g. 1000, was " + m.get("--approximate-medians"));
        }
      }
      return new Arguments(tables, asOf, Duration.ofDays(days), zone, Path.of(m.get("--out")), approximate,
          medianAccuracy);
    }

    @Nullable SparkTables tables(SparkSession spark) {
      if (tables.startsWith("parquet:")) {
        return SparkTables.parquet(spark, tables.substring("parquet:".length()));
      }
      if (tables.startsWith("csv:")) {
        return SparkTables.csv(spark, tables.substring("csv:".length()));
      }
      return SparkTables.catalog(spark, Map.of());
    }
  }
}
