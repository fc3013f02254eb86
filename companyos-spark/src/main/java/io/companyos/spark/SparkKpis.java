package io.companyos.spark;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.product.Engagement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * The KPI catalog on Apache Spark, for people who run it inside their own Spark job: record tables in, the same typed
 * results as the Java reference ({@code io.companyos.scoring}) out, each with its provenance.
 *
 * <pre>{@code
 * SparkKpis kpis = SparkKpis.over(SparkTables.parquet(spark, "s3a://lake/companyos"));
 * DoraResult dora = kpis.dora(window, DoraBenchmark.newest()).value();
 * }</pre>
 *
 * <p>Exact by default: distinct counts are exact and medians are found by a distributed sort, so the numbers equal the
 * reference's; {@link #approximateDistinctCounts} and {@link #approximatePercentiles} trade that for speed, each
 * result so computed saying how in {@link SparkResult#approximatedBy()}. Spark counts; the rates, levels and orderings come from the reference's own methods
 * ({@code DoraMetrics.assemble}, {@code Engagement.fromCounts}), so the two cannot drift apart. Every window is
 * half-open, {@code [start, end)}, in UTC, as in the reference. See docs/scale.md.
 */
public final class SparkKpis {
  /** Ids collected to the driver per evidence list unless {@link #withMaxIds} says otherwise. */
  public static final int DEFAULT_MAX_IDS = 10_000;

  private final SparkTables tables;
  private final int maxIds;
  private final Clock clock;
  private final double relativeError;
  private final int accuracy;

  private SparkKpis(SparkTables tables, int maxIds, Clock clock, double relativeError, int accuracy) {
    this.tables = Objects.requireNonNull(tables, "tables");
    this.maxIds = maxIds;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.relativeError = relativeError;
    this.accuracy = accuracy;
  }

  /**
   * The catalog over these tables, with at most {@link #DEFAULT_MAX_IDS} ids per evidence list.
   *
   * @param tables where the record tables are
   * @return the catalog
   */
  public static SparkKpis over(SparkTables tables) {
    return new SparkKpis(tables, DEFAULT_MAX_IDS, Clock.systemUTC(), 0, 0);
  }

  /**
   * The same catalog collecting at most {@code max} ids per evidence list (the rest are counted in
   * {@link SparkResult#idsLeftOut()}).
   *
   * @param max the ids per list, at least 0
   * @return a new catalog
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public SparkKpis withMaxIds(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max ids must be at least 0, was " + max);
    }
    return new SparkKpis(tables, max, clock, relativeError, accuracy);
  }

  /**
   * The same catalog stamping results with this clock's time as their fetch time.
   *
   * @param clock the clock
   * @return a new catalog
   */
  public SparkKpis withClock(Clock clock) {
    return new SparkKpis(tables, maxIds, clock, relativeError, accuracy);
  }

  /**
   * The same catalog counting distinct users, sessions and user-days of the product KPIs approximately, with
   * HyperLogLog++ ({@code approx_count_distinct}) at this relative standard deviation: one pass with fixed memory per
   * group instead of an exact shuffle of every distinct key. Opt-in; each result so computed says so in
   * {@link SparkResult#approximatedBy()} (a pack shows "≈" and the bound), and the other KPIs stay exact.
   *
   * @param relativeStandardDeviation the HyperLogLog++ relative standard deviation, in (0, 0.39] (Spark's bounds);
   *     0.01 is 1 %
   * @return a new catalog
   * @throws IllegalArgumentException if the deviation is outside (0, 0.39]
   */
  public SparkKpis approximateDistinctCounts(double relativeStandardDeviation) {
    if (!(relativeStandardDeviation > 0 && relativeStandardDeviation <= 0.39)) {
      throw new IllegalArgumentException("relative standard deviation must be in (0, 0.39], was " + relativeStandardDeviation);
    }
    return new SparkKpis(tables, maxIds, clock, relativeStandardDeviation, accuracy);
  }

  /** The distinct count of some columns: exact, or HyperLogLog++ when {@link #approximateDistinctCounts} was asked. */
  Column distinct(Column first, Column... more) {
    if (relativeError == 0) {
      return functions.countDistinct(first, more);
    }
    if (more.length == 0) {
      return functions.approx_count_distinct(first, relativeError);
    }
    // As count(DISTINCT a, b) does, a row with any of the columns null is not counted.
    Column all = first.isNotNull();
    for (Column c : more) {
      all = all.and(c.isNotNull());
    }
    Column key = functions.struct(java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
        java.util.Arrays.stream(more)).toArray(Column[]::new));
    return functions.approx_count_distinct(functions.when(all, key), relativeError);
  }

  /**
   * The same catalog finding the medians of the DORA keys (lead time, time to restore, failed deployment recovery
   * time), of the incident summary and of the review turnaround approximately, with Spark's {@code percentile_approx}
   * at this accuracy: one pass with a sketch of bounded size per median instead of a distributed sort of every value.
   * A median so found is one of the values, not interpolated, and its rank lies within {@code n / accuracy} of the
   * middle rank {@code n / 2} of the {@code n} values counted (the relative rank error is {@code 1 / accuracy}). Opt-in;
   * each result so computed says so in {@link SparkResult#approximatedBy()}, and the other figures stay exact. A sprint's
   * cycle-time percentiles stay exact (a sprint's items are few).
   *
   * @param accuracy the {@code percentile_approx} accuracy, at least 1; 1000 is a rank error of 0.1 %
   * @return a new catalog
   * @throws IllegalArgumentException if the accuracy is below 1
   */
  public SparkKpis approximatePercentiles(int accuracy) {
    if (accuracy < 1) {
      throw new IllegalArgumentException("accuracy must be at least 1, was " + accuracy);
    }
    return new SparkKpis(tables, maxIds, clock, relativeError, accuracy);
  }

  /** The median of a column: exact (a distributed sort), or {@code percentile_approx} when {@link #approximatePercentiles} was asked. */
  java.util.OptionalDouble median(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows, String column) {
    if (accuracy == 0) {
      return Exact.median(rows, column);
    }
    org.apache.spark.sql.Row r = rows.select(functions.percentile_approx(functions.col(column).cast("double"),
        functions.lit(0.5), functions.lit(accuracy))).first();
    return r.isNullAt(0) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(r.getDouble(0));
  }

  /** How a result with medians found by {@link #median} was approximated, or null when exact. */
  @Nullable Approximation percentileApproximation() {
    return accuracy == 0 ? null : Approximation.medians(accuracy);
  }

  /** How a result computed with {@link #distinct} was approximated, or null when exact. */
  @Nullable Approximation distinctApproximation() {
    return relativeError == 0 ? null : Approximation.distinctCounts(relativeError);
  }

  /**
   * The tables read.
   *
   * @return the tables
   */
  public SparkTables tables() {
    return tables;
  }

  /**
   * The ids collected per evidence list at most.
   *
   * @return the limit
   */
  public int maxIds() {
    return maxIds;
  }

  /**
   * The DORA keys of a window, as {@code DoraMetrics.compute} gives them: deployment frequency, lead time, change
   * failure rate, time to restore, failed deployment recovery time and rework rate, with their levels and evidence.
   * A failed deployment's reasons read status first, then the incidents naming it in id order; evidence ids are in id
   * order.
   *
   * @param window the half-open window
   * @param benchmark the report year whose bands give the levels
   * @return the keys, from the {@code deployments}, {@code changes} and {@code incidents} tables
   */
  public SparkResult<DoraResult> dora(TimeWindow window, DoraBenchmark benchmark) {
    return DoraOnSpark.compute(this, window, benchmark, clock.instant());
  }

  /**
   * Product engagement of a window, as {@code Engagement.compute} gives it: DAU, WAU, MAU, stickiness, sessions per
   * user and sign-ups.
   *
   * @param window the half-open window
   * @return the engagement, from the {@code product_events} table
   */
  public SparkResult<Engagement.Result> engagement(TimeWindow window) {
    return EngagementOnSpark.compute(this, window, clock.instant());
  }

  /**
   * Feature adoption of a window against the window before, as {@code Engagement.featureUse} gives it.
   *
   * @param window the half-open window
   * @param previous the comparison window
   * @return one entry per feature used in {@code window}, most users first
   */
  public SparkResult<List<Engagement.FeatureUse>> featureUse(TimeWindow window, TimeWindow previous) {
    return EngagementOnSpark.featureUse(this, window, previous, clock.instant());
  }

  /**
   * The incidents created in a window, as {@code IncidentStats.summarize} gives them: per severity (in the order asked)
   * the count, open, times to restore (mean and median) and repeats — an incident with the same fingerprint as one
   * created at most {@code repeatWindow} before it. Repeats are listed in id order.
   *
   * @param window the half-open window
   * @param severities the severities to report, in order
   * @param repeatWindow how far back an earlier incident makes one a repeat
   * @return the summary, from the {@code incidents} table
   */
  public SparkResult<io.companyos.scoring.incident.IncidentStats.Summary> incidents(TimeWindow window, List<String> severities,
      java.time.Duration repeatWindow) {
    return IncidentsOnSpark.summarize(this, window, List.copyOf(severities), repeatWindow, clock.instant());
  }

  /**
   * The vulnerability table of a window, as {@code VulnerabilityStats.table} gives it: per severity (matched in any
   * letter case) the findings open at the window's end, opened and closed in it, and past their remediation SLA.
   *
   * @param window the half-open window
   * @param severities the severities, one row each, in order
   * @param sla the remediation SLA per severity
   * @return one row per severity, from the {@code vulnerabilities} table
   */
  public SparkResult<List<io.companyos.scoring.security.VulnerabilityStats.Row>> vulnerabilities(TimeWindow window,
      List<String> severities, io.companyos.scoring.security.RemediationSla sla) {
    return VulnerabilitiesOnSpark.table(this, window, List.copyOf(severities), sla, clock.instant());
  }

  /**
   * Accounts at churn risk, as {@code ChurnRisk.accountsAtRisk} finds them: active user-days (UTC days, sign-ups not
   * counted) in the window at most {@code (1 − drop)} × those of the window before; accounts without activity before
   * are not judged.
   *
   * @param window the half-open window judged
   * @param drop the relative drop that flags an account, e.g. 0.7
   * @return the accounts at risk in id order, from the {@code product_events} table
   */
  public SparkResult<List<String>> churnRisk(TimeWindow window, double drop) {
    return EngagementOnSpark.churnRisk(this, window, drop, clock.instant());
  }

  /**
   * DAU as the catalog's {@code dau} defines it ({@code Engagement.meanDailyActive}): the mean, over the complete
   * calendar days of the window in {@code zone}, of the distinct users active that day.
   *
   * @param window the half-open window
   * @param zone the time zone of the calendar days (a DST day is one day)
   * @return the mean, or empty without a complete day, from the {@code product_events} table
   */
  public SparkResult<java.util.OptionalDouble> meanDailyActive(TimeWindow window, java.time.ZoneId zone) {
    return EngagementOnSpark.meanDailyActive(this, window, zone, clock.instant());
  }

  /**
   * The catalog's product KPIs of a window in one pass over the {@code product_events} table, as the batch job writes
   * them: {@code dau} over the window's complete days in {@code zone}, {@code wau} and {@code mau} over the 7 and 30
   * days ending with it, its {@code signup} events, and feature adoption against the window before. Each value equals
   * that of the KPI's own call ({@link #meanDailyActive}, {@link #activeUsers}, {@link #engagement},
   * {@link #featureUse}), which read the table once per distinct count; here the events of the span are read once
   * and reduced to one row per user and feature with a bit per window and per complete day. With approximate
   * distinct counts, or a window of more than 59 complete days, it makes those calls instead.
   *
   * @param window the half-open window
   * @param zone the time zone of DAU's calendar days
   * @return the KPIs, from the {@code product_events} table
   */
  public SparkResult<ProductKpis> productKpis(TimeWindow window, java.time.ZoneId zone) {
    return EngagementOnSpark.productKpis(this, window, zone, clock.instant());
  }

  /**
   * Distinct users with an activity event (any event but {@code signup}) in a window, as
   * {@code Engagement.activeUsers} gives it: WAU and MAU are this over the 7 and 30 days ending at an instant.
   *
   * @param window the half-open window
   * @return the number of users, from the {@code product_events} table
   */
  public SparkResult<Long> activeUsers(TimeWindow window) {
    return EngagementOnSpark.activeUsers(this, window, clock.instant());
  }

  /**
   * Effective cost of a window: the sum of {@code EffectiveCost} of the FOCUS rows whose {@code ChargePeriodStart} lies
   * in it, as {@code CostBreakdown.total} gives it (credits and adjustments included: they change what was paid).
   *
   * @param window the half-open window
   * @return the total, 0 for no rows, from the {@code costs} table
   */
  public SparkResult<java.math.BigDecimal> costTotal(TimeWindow window) {
    return CostsOnSpark.total(this, window, clock.instant());
  }

  /**
   * Cost groups of a window against the window before, as {@code CostBreakdown.groups} gives them: largest first, each
   * with its cost before and its share of the window's total.
   *
   * @param window the half-open window
   * @param previous the comparison window
   * @param key what to group by: {@link CostKey#SERVICE} or a tag
   * @return one group per key of the window, from the {@code costs} table
   */
  public SparkResult<List<io.companyos.scoring.finops.CostBreakdown.Group>> costGroups(TimeWindow window, TimeWindow previous,
      CostKey key) {
    return CostsOnSpark.groups(this, window, previous, key, clock.instant());
  }

  /**
   * Commitment coverage of a window, as {@code CommitmentCoverage.shares} gives it for the window's FOCUS rows:
   * savings-plan coverage and the spot share of compute usage, reservation coverage of the other usage, each on
   * {@code ListCost} (credits, adjustments and the unused part of commitments left out).
   *
   * @param window the half-open window
   * @return the three ratios (empty where nothing is eligible), from the {@code costs} table
   */
  public SparkResult<io.companyos.scoring.finops.CommitmentCoverage.Shares> commitmentCoverage(TimeWindow window) {
    return CommitmentsOnSpark.coverage(this, window, clock.instant());
  }

  /**
   * The figures the FinOps commitment rules judge, as {@code CommitmentFigures.of} gives them for the window's FOCUS
   * rows: commitment coverage ({@code commitment_coverage}, covered / eligible ListCost of usage at Standard or
   * Committed pricing or under a commitment), the effective savings rate of the covered usage
   * ({@code effective_savings_rate}, {@code 1 − EffectiveCost / ListCost}) and the utilization of each commitment type
   * ({@code commitment_utilization}, Used / (Used + Unused) EffectiveCost), after the FinOps Foundation's "Rate
   * Optimization" measures over FOCUS 1.x columns. Spark sums exact decimals; {@code CommitmentFigures.assemble} divides.
   *
   * @param window the half-open window
   * @return the figures (each empty where nothing is eligible), from the {@code costs} table
   */
  public SparkResult<io.companyos.scoring.recommend.CommitmentFigures.Figures> commitmentFigures(TimeWindow window) {
    return CommitmentsOnSpark.figures(this, window, clock.instant());
  }

  /**
   * The committed discount of a window's usage, as {@code SavingsOpportunities.committedDiscount} gives it:
   * {@code 1 − EffectiveCost / ListCost} of the rows at Committed pricing.
   *
   * @param window the half-open window
   * @return the discount as a ratio, or empty without committed list cost, from the {@code costs} table
   */
  public SparkResult<java.util.OptionalDouble> committedDiscount(TimeWindow window) {
    return CommitmentsOnSpark.committedDiscount(this, window, clock.instant());
  }

  /**
   * The services of a window whose on-demand share of compute is above {@code threshold}, priced at the committed
   * discount, as {@code SavingsOpportunities.onDemandCompute} gives them.
   *
   * @param window the half-open window
   * @param threshold the on-demand share as a ratio, e.g. {@code SavingsOpportunities.ON_DEMAND_SHARE}
   * @return the services in name order, none without a committed discount above 0, from the {@code costs} table
   */
  public SparkResult<List<io.companyos.scoring.finops.SavingsOpportunities.OnDemandCompute>> onDemandCompute(
      TimeWindow window, double threshold) {
    return CommitmentsOnSpark.onDemandCompute(this, window, threshold, clock.instant());
  }

  /**
   * Unusual cost days, as {@code SavingsOpportunities.outliers} finds them: per service, the exact effective cost of
   * each calendar day in {@code zone} (usage rows only), each day scored by {@code detector} against the days before
   * it; a day on or after {@code from} counts when its score is at least {@code SavingsOpportunities.OUTLIER_SCORE} and
   * its cost is above the service's median day. Spark sums the days; the detector runs on the driver over one value
   * per service and day.
   *
   * @param history the half-open window of the rows read: the days judged and the days before them
   * @param zone the time zone of the calendar days
   * @param from the first day reported
   * @param detector the detector, e.g. {@code SavingsOpportunities.OUTLIERS}
   * @return the unusual days, services in name order, days in order, from the {@code costs} table
   */
  public SparkResult<List<io.companyos.scoring.finops.SavingsOpportunities.CostOutlier>> costOutliers(TimeWindow history,
      java.time.ZoneId zone, java.time.LocalDate from, io.companyos.scoring.anomaly.RobustZScoreDetector detector) {
    return CostsOnSpark.outliers(this, history, zone, from, detector, clock.instant());
  }

  /**
   * The metrics of one sprint, as {@code SprintMetrics.compute} gives them: points committed and delivered (completed
   * before the sprint's end), delivered items, carry-over, cycle time in days (mean of whole minutes, median and 85th
   * percentile), bugs and the bug escape rate. Points are summed exactly, so the figures do not depend on the items'
   * order. The carry-over and the escaped bug ids are evidence lists in id order, bounded by {@link #maxIds()}.
   *
   * @param sprint the sprint (e.g. one of the {@code sprints} table)
   * @return the metrics, from the {@code sprint_items} table
   */
  public SparkResult<io.companyos.scoring.sprint.SprintMetrics.Result> sprint(io.companyos.model.data.Sprint sprint) {
    return SprintsOnSpark.compute(this, sprint, clock.instant());
  }

  /**
   * Points of a sprint's items completed before a cutoff or the sprint's end, whichever comes first, as
   * {@code SprintMetrics.deliveredBy} gives them (a running sprint against the previous one by the same elapsed time).
   *
   * @param sprint the sprint
   * @param cutoff the exclusive cutoff
   * @return the points, from the {@code sprint_items} table
   */
  public SparkResult<Double> pointsDeliveredBy(io.companyos.model.data.Sprint sprint, java.time.Instant cutoff) {
    return SprintsOnSpark.deliveredBy(this, sprint, cutoff, clock.instant());
  }

  /**
   * The goals of one sprint, as {@code SprintMetrics.goals} gives them: per goal of the sprint (in its order) the items
   * linked to it (an evidence list in id order, bounded by {@link #maxIds()}, named {@code goal <goal>} in
   * {@link SparkResult#idsLeftOut()}), how many were completed before the sprint's end, and the status
   * {@code SprintMetrics.goalStatus} gives those counts.
   *
   * @param sprint the sprint (e.g. one of the {@code sprints} table)
   * @return one goal per goal of the sprint, from the {@code sprint_items} table
   */
  public SparkResult<List<io.companyos.scoring.sprint.SprintMetrics.Goal>> sprintGoals(io.companyos.model.data.Sprint sprint) {
    return SprintsOnSpark.goals(this, sprint, clock.instant());
  }

  /**
   * The velocity trend at an instant, as {@code SprintMetrics.velocityChange(sprints, items, at, n)} gives it: points
   * delivered by the sprint under way at {@code at} against the mean of up to {@code n} sprints before it, in percent,
   * each sprint's points those of its items completed before its end, summed exactly.
   *
   * @param at the instant
   * @param n how many earlier sprints at most the mean is over, at least 1
   * @return the change in percent, or empty, from the {@code sprints} and {@code sprint_items} tables
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public SparkResult<java.util.OptionalDouble> velocityChange(java.time.Instant at, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the velocity trend needs at least 1 earlier sprint, was " + n);
    }
    return SprintsOnSpark.velocityChange(this, at, n, clock.instant());
  }

  /**
   * SLO attainment and error budget per service over a window, as {@code MetricPointSlos.of} gives them from the
   * {@code metrics} table: requests ({@code companyos:slo:requests:count}) and errors
   * ({@code companyos:slo:errors:count}) summed exactly per {@code service} label over the window, each service held to
   * its latest {@code companyos:slo:target:ratio} in the 35 days before the window's end; attainment = good events /
   * events (the occurrences method of the Google SRE workbook, chapter 2), budget remaining as {@code SloResult} says.
   *
   * @param window the half-open window
   * @return the SLOs sorted by service and the services without a target, from the {@code metrics} table
   */
  public SparkResult<io.companyos.scoring.slo.ServiceSlos.Result> sloAttainment(TimeWindow window) {
    return SloOnSpark.attainment(this, window, clock.instant());
  }

  /**
   * Build success rate of a window, as {@code QualityMetrics.buildSuccessRate} gives it: successful builds / all builds
   * with a timestamp in the window. A {@code success} cell reads as the files source reads it (true, yes or 1 in any
   * letter case; false, no or 0); an empty one is not a success.
   *
   * @param window the half-open window
   * @return the rate in [0, 1], or empty without builds in the window, from the {@code builds} table
   */
  public SparkResult<java.util.OptionalDouble> buildSuccessRate(TimeWindow window) {
    return QualityOnSpark.buildSuccessRate(this, window, clock.instant());
  }

  /**
   * Code review turnaround of a window, as {@code QualityMetrics.reviewTurnaround} gives it: the median hours, to the
   * minute, from opening to first review of the pull requests opened in the window that have a review, and their ids
   * in id order (an evidence list bounded by {@link #maxIds()}).
   *
   * @param window the half-open window
   * @return the median and the pull requests counted, from the {@code pull_requests} table
   */
  public SparkResult<io.companyos.scoring.sprint.QualityMetrics.ReviewTurnaround> reviewTurnaround(TimeWindow window) {
    return QualityOnSpark.reviewTurnaround(this, window, clock.instant());
  }

  /**
   * ARR and retention of a window, as {@code ArrMetrics.compute} gives them: ARR at the window's start and end (each
   * account's ARR now less the movements after that instant), new, expansion, contraction, churned and net new ARR of
   * the movements in the window, and NRR, GRR and logo retention of the accounts paying at its start. Sums are exact
   * decimals with the scale the reference's {@code BigDecimal} sums have.
   *
   * @param window the half-open window; a movement dated at its start counts in it
   * @param asOf the instant the accounts' ARR describes (at or after the window's end); later movements are ignored
   * @return the figures, from the {@code accounts} (one row per account) and {@code arr_movements} tables
   * @throws IllegalArgumentException if an account has more than one row, or a movement in the window is of a kind
   *     other than new, expansion, contraction or churn
   */
  public SparkResult<io.companyos.scoring.finops.ArrMetrics.Result> arr(TimeWindow window, java.time.Instant asOf) {
    return ArrOnSpark.compute(this, window, asOf, clock.instant());
  }

  /**
   * What costs are grouped by: the FOCUS {@code ServiceName}, or the value of one tag ({@code (untagged)} without it).
   *
   * @param tag the tag's key, or null for the service
   */
  public record CostKey(@org.jspecify.annotations.Nullable String tag) {
    /** By {@code ServiceName}. */
    public static final CostKey SERVICE = new CostKey(null);

    /**
     * By the value of a tag, e.g. {@code team}.
     *
     * @param tag the tag's key
     * @return the key
     */
    public static CostKey tag(String tag) {
      return new CostKey(Objects.requireNonNull(tag, "tag"));
    }

    @Override
    public String toString() {
      return tag == null ? "service" : "tag " + tag;
    }
  }

  /**
   * {@code start ≤ column < end} on a table, and, when the table is partitioned by day ({@code day}, a date) or by month
   * ({@code month}, {@code yyyy-MM} text), the partitions that can hold such rows, so Spark reads only their folders.
   * A partition is taken as the row's calendar day or month give or take a day, so tables partitioned by a local day
   * are pruned correctly too.
   */
  static Column placedIn(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table, String column, TimeWindow window) {
    Column in = in(functions.col(column), window);
    java.util.List<String> names = java.util.Arrays.asList(table.columns());
    java.time.LocalDate first = window.start().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1);
    java.time.LocalDate last = window.end().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1);
    if (names.contains("day") && table.schema().apply("day").dataType().equals(org.apache.spark.sql.types.DataTypes.DateType)) {
      in = in.and(functions.col("day").between(functions.lit(first), functions.lit(last)));
    } else if (names.contains("month")
        && table.schema().apply("month").dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
      in = in.and(functions.col("month").between(functions.lit(first.toString().substring(0, 7)),
          functions.lit(last.toString().substring(0, 7))));
    }
    return in;
  }

  /** {@code start ≤ t < end}. */
  static Column in(Column t, TimeWindow window) {
    return t.geq(functions.lit(window.start())).and(t.lt(functions.lit(window.end())));
  }
}
