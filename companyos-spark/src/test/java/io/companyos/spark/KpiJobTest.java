package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spark-submit} job over the hand-made records of the other tests (deployments, changes, incidents, product
 * events, FOCUS rows as CSV files), its {@code metrics.csv} read back through the files source like any company's
 * metrics: the hand-worked values, one row per KPI (and feature), nothing for a KPI without data.
 */
class KpiJobTest {
  private static final TimeWindow READ = new TimeWindow(t("2026-11-01T00:00:00Z"), t("2026-11-09T00:00:00Z"));

  @Test
  void aLocalJobListsFoldersOnTheDriverUnlessTold() {
    org.apache.spark.sql.SparkSession fresh = LocalSpark.session().newSession();
    assertThat(fresh.conf().contains(KpiJob.PARALLEL_LISTING)).isFalse();
    KpiJob.listOnTheDriverWhenLocal(fresh);
    assertThat(fresh.conf().get(KpiJob.PARALLEL_LISTING)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    org.apache.spark.sql.SparkSession told = LocalSpark.session().newSession();
    told.conf().set(KpiJob.PARALLEL_LISTING, 64);
    KpiJob.listOnTheDriverWhenLocal(told);
    assertThat(told.conf().get(KpiJob.PARALLEL_LISTING)).isEqualTo("64");
  }

  @Test
  void theWeeksKpisAreWrittenAsMetricsTheFilesSourceReads(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    DoraHandMadeTest.writeCsv(data);
    writeEvents(data, EngagementHandMadeTest.EVENTS);
    Files.copy(costsCsv(dir), data.resolve("costs.csv"));
    ArrHandMadeTest.writeCsv(data);
    SprintsHandMadeTest.writeCsv(data);
    QualityHandMadeTest.writeCsv(data);
    Path out = dir.resolve("kpis");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int written = KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--days", "7", "--out", out.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));

    Map<String, Double> got = new HashMap<>();
    for (MetricPoint p : new FilesSource("cluster", out, true, Clock.fixed(t("2026-11-09T00:00:00Z"), ZoneOffset.UTC))
        .records(RecordKind.METRICS, READ).rows()) {
      assertThat(p.timestamp()).isEqualTo(t("2026-11-08T00:00:00Z"));
      // NRR is over the 365 days ending with the week, the sprint's KPIs over sprint S-7, every other KPI over the week.
      boolean sprint = List.of("points_committed", "points_delivered", "cycle_time_days", "bug_escape_rate")
          .contains(p.metric().substring(KpiJob.METRIC_PREFIX.length()));
      assertThat(p.labels()).containsEntry("from", p.metric().endsWith(":nrr") ? "2025-11-08T00:00:00Z"
          : sprint ? "2026-11-02T00:00:00Z" : "2026-11-01T00:00:00Z")
          .containsEntry("to", sprint ? "2026-11-16T00:00:00Z" : "2026-11-08T00:00:00Z");
      got.put(p.metric().substring(KpiJob.METRIC_PREFIX.length()) + (p.labels().containsKey("feature")
          ? "/" + p.labels().get("feature") : ""), p.value());
    }
    // five DORA keys, DAU, WAU, MAU, sign-ups, three features, spend, savings-plan coverage, spot share, ARR, net new
    // ARR, churned ARR, logo retention, NRR, the four of the sprint, build success rate, review turnaround
    assertThat(got).hasSize(written).hasSize(26);
    // The hand-worked numbers of DoraHandMadeTest, EngagementHandMadeTest and CostsHandMadeTest.
    assertThat(got.get("deployment_frequency")).isCloseTo(6 / 7.0, within(1e-12));
    assertThat(got.get("lead_time_for_changes")).isEqualTo(15.0);
    assertThat(got.get("change_failure_rate")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(got.get("failed_deployment_recovery_time")).isEqualTo(31.0);
    assertThat(got.get("deployment_rework_rate")).isEqualTo(0.5);
    assertThat(got.get("dau")).isCloseTo(9 / 7.0, within(1e-12)); // seven complete UTC days
    assertThat(got.get("wau")).isEqualTo(4.0);
    assertThat(got.get("mau")).isEqualTo(6.0);
    assertThat(got.get("signups")).isEqualTo(2.0);
    assertThat(got.get("feature_adoption/export")).isEqualTo(50.0);
    assertThat(got.get("feature_adoption/search")).isEqualTo(25.0);
    assertThat(got.get("feature_adoption/dashboards")).isEqualTo(25.0);
    assertThat(got.get("cloud_spend")).isEqualTo(243.155);
    // CostsHandMadeTest's rows are compute without CommitmentDiscountType or PricingCategory: none is under a savings
    // plan or at spot prices, and there is no other usage for reservations to cover (n/a).
    assertThat(got.get("sp_coverage")).isEqualTo(0.0);
    assertThat(got.get("spot_percentage")).isEqualTo(0.0);
    assertThat(got).doesNotContainKey("ri_coverage");
    // ArrHandMadeTest's records with the accounts' ARR as of the week's end (eps' expansion of 2026-11-09 is after it):
    // at the end acme 1200.50 + gamma 2000 + delta 500.5 + eps 800 + eta 2000.25; of the five accounts paying at the
    // start (acme, beta, gamma, eps, eta) beta churned; NRR as in netRevenueRetentionOverTheYearToTheWeeksEnd.
    assertThat(got.get("arr")).isEqualTo(6501.25);
    assertThat(got.get("net_new_arr")).isEqualTo(-299.5);
    assertThat(got.get("churned_arr")).isEqualTo(700.0);
    assertThat(got.get("logo_retention")).isEqualTo(80.0);
    assertThat(got.get("nrr")).isEqualTo(6000.75 / 6550.75 * 100);
    // SprintsHandMadeTest's sprint S-7 is under way at 2026-11-08: its committed points, the points delivered before
    // 2026-11-08 (A-01 3, A-02 5, A-03 0.5, A-04 1, A-11 1, A-17 3), the mean cycle time, 2 of 5 bugs escaped.
    assertThat(got.get("points_committed")).isEqualTo(42.8);
    assertThat(got.get("points_delivered")).isEqualTo(13.5);
    assertThat(got.get("cycle_time_days")).isEqualTo(18300 / 1440.0 / 11);
    assertThat(got.get("bug_escape_rate")).isEqualTo(40.0);
    // QualityHandMadeTest's week: 6 of 9 builds successful, the median review turnaround 1.75 h.
    assertThat(got.get("build_success_rate")).isEqualTo(100 * (6 / 9.0));
    assertThat(got.get("review_turnaround_hours")).isEqualTo(1.75);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("[1/8] DORA", "[3/8] cloud spend", "[4/8] revenue",
        "[5/8] sprint", "[6/8] builds", "[7/8] code review", "[8/8] SLO", "SLO n/a (no table for SLO)");

    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    assertThat(kpis.findValuesAsText("kpi")).contains("deployment_frequency", "cloud_spend");
    assertThat(kpis.findValuesAsText("value")).contains("n/a (no usage other than compute in the window)");
    assertThat(kpis.get(0).get("query").asText()).contains("csv deployments.csv").doesNotContain(data.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("metrics.csv", "kpis.json"); // no temporary file left
    }
  }

  @Test
  void commitmentCoverageIsWrittenInPercent(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    CommitmentsHandMadeTest.writeCsv(data);
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    Map<String, Double> got = new HashMap<>();
    for (MetricPoint p : new FilesSource("cluster", out, true, Clock.fixed(t("2026-11-09T00:00:00Z"), ZoneOffset.UTC))
        .records(RecordKind.METRICS, READ).rows()) {
      got.put(p.metric().substring(KpiJob.METRIC_PREFIX.length()) + (p.labels().containsKey("commitment_type")
          ? "/" + p.labels().get("commitment_type") : ""), p.value());
    }
    // The hand-worked shares of CommitmentsHandMadeTest.coverageOnListCost, × 100.
    assertThat(got).containsOnlyKeys("cloud_spend", "sp_coverage", "ri_coverage", "spot_percentage",
        "commitment_coverage", "effective_savings_rate", "commitment_utilization/Savings Plan",
        "commitment_utilization/Reservation", "commitment_utilization/Reserved Instances");
    assertThat(got.get("sp_coverage")).isEqualTo(100 * (170.50 / 600.50));
    assertThat(got.get("ri_coverage")).isEqualTo(100 * (88.875 / 155.875));
    assertThat(got.get("spot_percentage")).isEqualTo(100 * (50 / 600.50));
    // The hand-worked figures of CommitmentsHandMadeTest.theFiguresOfTheFinOpsCommitmentRules, × 100.
    assertThat(got.get("commitment_coverage")).isEqualTo(100 * (259.375 / 689.5));
    assertThat(got.get("effective_savings_rate")).isEqualTo(100 * (1 - 185 / 259.375));
    assertThat(got.get("commitment_utilization/Savings Plan")).isEqualTo(100 * (119.5 / 134.5));
    assertThat(got.get("commitment_utilization/Reservation")).isEqualTo(100.0);
    assertThat(got.get("commitment_utilization/Reserved Instances")).isEqualTo(100.0);
  }

  @Test
  void sloAttainmentAndErrorBudgetAreWrittenPerService(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    CsvTables.write(data, "metrics", "timestamp,metric,labels,value", SloHandMadeTest.POINTS);
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--days", "7", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    Map<String, Double> got = new HashMap<>();
    for (MetricPoint p : new FilesSource("cluster", out, true, Clock.fixed(t("2026-11-09T00:00:00Z"), ZoneOffset.UTC))
        .records(RecordKind.METRICS, READ).rows()) {
      if (p.labels().containsKey("service")) {
        assertThat(p.labels()).containsEntry("from", "2026-11-01T00:00:00Z").containsEntry("to", "2026-11-08T00:00:00Z");
        got.put(p.metric().substring(KpiJob.METRIC_PREFIX.length()) + "/" + p.labels().get("service"), p.value());
      }
    }
    // SloHandMadeTest's week: api 4 bad of 4000 against 99 %, web 1 bad of 400 against 90 %, in percent; batch and
    // search have no target, so no row.
    assertThat(got).containsOnlyKeys("slo_attainment_service/api", "slo_attainment_service/web",
        "error_budget_remaining/api", "error_budget_remaining/web");
    assertThat(got.get("slo_attainment_service/api")).isEqualTo(100 * (3996 / 4000.0));
    assertThat(got.get("slo_attainment_service/web")).isEqualTo(100 * (399 / 400.0));
    assertThat(got.get("error_budget_remaining/api")).isEqualTo(100 * (((1 - 0.99) - 4 / 4000.0) / (1 - 0.99)));
    assertThat(got.get("error_budget_remaining/web")).isEqualTo(100 * (((1 - 0.9) - 1 / 400.0) / (1 - 0.9)));
    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    assertThat(kpis.findValuesAsText("value")).contains("n/a (no target in (0, 1) for the service)");
  }

  @Test
  void metricsCsvCellsAreQuotedWhereTheyMustBe(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    // A feature name with a comma and a quote (written quoted, its quote doubled): its labels cell must be quoted, its
    // quote doubled, and read back whole.
    writeEvents(data, List.of(
        new ProductEvent(t("2026-11-02T10:00:00Z"), "u1", "a1", "s1", "feature_used", "export, \"beta\""),
        new ProductEvent(t("2026-11-03T10:00:00Z"), "u1", "a1", "s2", "feature_used", "search")));
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    assertThat(Files.readString(out.resolve("metrics.csv"))).startsWith("timestamp,metric,labels,value\n")
        .contains("\"from=2026-11-01T00:00:00Z;to=2026-11-08T00:00:00Z;feature=export, \"\"beta\"\"\"");
    assertThat(new FilesSource("cluster", out, true, Clock.fixed(t("2026-11-09T00:00:00Z"), ZoneOffset.UTC))
        .records(RecordKind.METRICS, READ).rows()).filteredOn(p -> p.labels().containsKey("feature"))
        .extracting(p -> p.labels().get("feature")).containsExactlyInAnyOrder("export, \"beta\"", "search");
  }

  @Test
  void aMissingTableMakesItsFamilyNaAndTheOthersAreStillComputed(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    writeEvents(data, EngagementHandMadeTest.EVENTS);
    Path out = dir.resolve("kpis");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int written = KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--out", out.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(written).isEqualTo(7); // dau, wau, mau, signups, three features
    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    assertThat(kpis.findValuesAsText("value")).contains("n/a (no table for DORA)", "n/a (no table for cloud spend)",
        "n/a (no table for revenue)", "n/a (no table for sprint)", "n/a (no table for builds)",
        "n/a (no table for code review)");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("DORA n/a (no table for DORA)");
    assertThat(Files.readString(out.resolve("metrics.csv"))).doesNotContain("deployment_frequency", "cloud_spend");
  }

  @Test
  void approximateCountsAreMarkedInBothFiles(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    writeEvents(data, EngagementHandMadeTest.EVENTS);
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--approximate", "0.01", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream(),
        true, StandardCharsets.UTF_8));
    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    assertThat(kpis.findValuesAsText("approximation")).contains(
        "≈ HyperLogLog++ distinct counts, relative standard deviation 1%");
    assertThat(Files.readAllLines(out.resolve("metrics.csv"))).filteredOn(l -> l.contains("companyos:kpi:mau"))
        .singleElement().asString().contains("approximate=true;relative_standard_deviation=0.01");
  }

  @Test
  void approximateMediansAreMarkedInBothFilesAndOnlyThere(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    DoraHandMadeTest.writeCsv(data);
    QualityHandMadeTest.writeCsv(data);
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2026-11-08T00:00:00Z", "--approximate-medians", "10", "--out", out.toString()), new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String text = "≈ medians by percentile_approx, accuracy 10: rank error at most 10% of the values counted";
    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    for (JsonNode k : kpis) {
      String id = k.path("kpi").asText();
      boolean median = List.of("lead_time_for_changes", "failed_deployment_recovery_time", "review_turnaround_hours")
          .contains(id);
      assertThat(k.path("approximation").asText()).as(id).isEqualTo(median ? text : "");
    }
    List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(lines).filteredOn(l -> l.contains("approximate=true")).hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("approximate=true;median_accuracy=10").doesNotContain("relative_standard_deviation"));
    assertThat(lines).filteredOn(l -> l.contains("companyos:kpi:deployment_frequency")).singleElement().asString()
        .doesNotContain("approximate");
    // Lead times 1, 6, 24, 72 h: not interpolated, a value within one rank of the middle (here 6).
    assertThat(lines).filteredOn(l -> l.contains("companyos:kpi:lead_time_for_changes")).singleElement().asString()
        .containsAnyOf(",6.0", ",24.0");
  }

  @Test
  void aKpiWithoutDataIsNaNeverZero(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    DoraHandMadeTest.writeCsv(data);
    Path out = dir.resolve("kpis");
    KpiJob.run(LocalSpark.session(), KpiJob.Arguments.parse("--tables", "csv:" + data.toUri(), "--as-of",
        "2027-01-08T00:00:00Z", "--out", out.toString()), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    JsonNode kpis = new ObjectMapper().readTree(out.resolve("kpis.json").toFile());
    assertThat(kpis.findValuesAsText("value")).contains("n/a (no deployments in the window)",
        "n/a (no change first deployed in the window)");
    assertThat(Files.readAllLines(out.resolve("metrics.csv"))).containsExactly("timestamp,metric,labels,value");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "hive:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o"))
        .hasMessage("--tables must be parquet:ROOT, csv:ROOT or catalog:, was hive:x");
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "yesterday", "--out", "o"))
        .hasMessageContaining("--as-of must be an instant");
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o",
        "--days", "0")).hasMessageContaining("--days must be a whole number from 1 to 3660, was 0");
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z"))
        .hasMessage("missing --out");
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--zone", "Mars/Olympus", "--as-of",
        "2026-11-08T00:00:00Z", "--out", "o")).hasMessageContaining("--zone must be a time zone");
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o",
        "--approximate", "1%")).hasMessageContaining("--approximate must be a relative standard deviation in (0, 0.39]");
    assertThat(KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o").approximate())
        .isZero();
    assertThatThrownBy(() -> KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o",
        "--approximate-medians", "0.5")).hasMessageContaining("--approximate-medians must be a percentile_approx accuracy");
    assertThat(KpiJob.Arguments.parse("--tables", "csv:x", "--as-of", "2026-11-08T00:00:00Z", "--out", "o")
        .medianAccuracy()).isZero();
  }

  static void writeEvents(Path dir, List<ProductEvent> events) throws IOException {
    CsvTables.write(dir, "product_events", "timestamp,user_id,account_id,session_id,event,feature", events,
        e -> java.util.Arrays.asList(e.timestamp(), e.userId(), e.accountId(), e.sessionId(), e.event(), e.feature()));
  }

  private static Path costsCsv(Path dir) throws IOException {
    Path costs = Files.createDirectories(dir.resolve("costs-only"));
    CostsHandMadeTest.tables(costs);
    return costs.resolve("costs.csv");
  }
}
