package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.product.Engagement;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs rendered from the batch job's output: a files folder holding only a {@code metrics.csv} written as
 * {@code KpiJob} writes it (header {@code timestamp,metric,labels,value}; metric {@code companyos:kpi:<id>}; labels
 * {@code from=…;to=…}, with {@code approximate=true;relative_standard_deviation=…} for a HyperLogLog++ count, stamped at
 * the window's end). The week of the sample's as-of is 2026-11-16 to 2026-11-22 ([2026-11-16, 2026-11-23) UTC), the
 * one before it [2026-11-09, 2026-11-16).
 */
class PrecomputedKpisTest {
  private static final String WEEK = "from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z";
  private static final String WEEK_BEFORE = "from=2026-11-09T00:00:00Z;to=2026-11-16T00:00:00Z";
  private static final String HLL = ";approximate=true;relative_standard_deviation=0.01";
  private static final String END = "2026-11-23T00:00:00Z";

  @TempDir Path dir;

  private MetricSource cluster(String rows) throws IOException {
    Files.writeString(dir.resolve("metrics.csv"), "timestamp,metric,labels,value\n" + rows);
    return new FilesSource("cluster", dir, true, Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC));
  }

  private static PackDocument pack(String id, List<MetricSource> sources) {
    return new PackAssembler(SampleCompany.COMPANY, sources).assemble(SampleCompany.COMPANY.pack(id).orElseThrow(),
        SampleCompany.AS_OF, SampleCompany.UTC);
  }

  private static List<MetricValue> row(PackSection s, String label) {
    return s.tables().get(0).rows().stream().filter(r -> r.get(0).text().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void theProductPackShowsTheWeeksPrecomputedEngagementWithTheApproximationAndItsBound() throws IOException {
    MetricSource cluster = cluster(String.join("\n",
        END + ",companyos:kpi:dau," + WEEK + HLL + ",1234.0",
        "2026-11-16T00:00:00Z,companyos:kpi:dau," + WEEK_BEFORE + HLL + ",1150.0",
        // WAU over 30 days: not the section's 7-day window, so not its WAU.
        END + ",companyos:kpi:wau,from=2026-10-24T00:00:00Z;to=2026-11-23T00:00:00Z,9999.0",
        END + ",companyos:kpi:signups," + WEEK + ",2.0",
        // Customer health reports the 7 days to the as-of (09:00): a job run with --as-of 2026-11-23T09:00:00Z.
        "2026-11-23T09:00:00Z,companyos:kpi:signups,from=2026-11-16T09:00:00Z;to=2026-11-23T09:00:00Z,7.0",
        END + ",companyos:kpi:feature_adoption," + WEEK + ";feature=search,25.0",
        END + ",companyos:kpi:feature_adoption," + WEEK + ";feature=export,50.0",
        END + ",companyos:kpi:feature_adoption," + WEEK + ";feature=dashboards,25.0",
        "2026-11-16T00:00:00Z,companyos:kpi:feature_adoption," + WEEK_BEFORE + ";feature=export,40.0") + "\n");
    PackDocument doc = pack("product-metrics", List.of(cluster));
    PackSection engagement = doc.section("engagement_summary").orElseThrow();
    assertThat(engagement.available()).as(engagement.unavailableReason()).isTrue();

    MetricValue dau = row(engagement, "DAU").get(1);
    assertThat(dau.value()).isEqualTo(1234.0);
    assertThat(dau.text()).isEqualTo("≈ 1,234 (HyperLogLog++, ±1%)");
    assertThat(dau.kpi()).isEqualTo("dau");
    assertThat(dau.evidence()).containsExactly("precomputed, ids not carried");
    assertThat(dau.provenance().sourceId()).isEqualTo("cluster");
    assertThat(dau.provenance().window()).isEqualTo(new TimeWindow(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse(END)));
    assertThat(dau.provenance().query()).contains("precomputed companyos:kpi:dau{approximate=true,from=2026-11-16T00:00:00Z,"
        + "relative_standard_deviation=0.01,to=2026-11-23T00:00:00Z} over 2026-11-16 to 2026-11-22");
    // Last week's value is the one precomputed for the week before: 1,234 - 1,150 = +84, 84 / 1,150 = +7.3%.
    assertThat(row(engagement, "DAU").get(2).text()).isEqualTo("≈ 1,150 (HyperLogLog++, ±1%)");
    assertThat(dau.deltaAbsolute()).isEqualTo(84.0);
    assertThat(row(engagement, "DAU").get(3).text()).isEqualTo("+84 (+7.3%)");

    // WAU was precomputed for 30 days only, sessions per user not at all, and there are no product events.
    MetricValue wau = row(engagement, "WAU").get(1);
    assertThat(wau.present()).isFalse();
    assertThat(wau.absentReason()).isEqualTo("no source of product events and no wau precomputed for 2026-11-16 to 2026-11-22");
    assertThat(row(engagement, "Sessions/User").get(1).absentReason()).isEqualTo("no source of product events");

    // Feature adoption: most adopted first, ties by name; export against its 40% the week before: +10 pp, +25%.
    PackSection adoption = doc.section("feature_adoption").orElseThrow();
    assertThat(adoption.tables().get(0).rows()).extracting(r -> r.get(0).text()).containsExactly("export", "dashboards", "search");
    assertThat(row(adoption, "export").get(2).value()).isEqualTo(50.0);
    assertThat(row(adoption, "export").get(2).previous()).isEqualTo(40.0);
    assertThat(row(adoption, "export").get(3).text()).isEqualTo(row(adoption, "export").get(2).deltaText()).startsWith("+10 pp");
    assertThat(row(adoption, "export").get(1).absentReason()).isEqualTo("precomputed adoption carries no user count");
    assertThat(row(adoption, "search").get(3).text()).isEqualTo("n/a (no adoption precomputed for 2026-11-09 to 2026-11-15)");
    assertThat(row(adoption, "search").get(2).provenance().query())
        .contains("precomputed companyos:kpi:feature_adoption{feature=search,from=2026-11-16T00:00:00Z,to=2026-11-23T00:00:00Z}");

    // Sign-ups over the customer health window (7, not the 2 of the week from midnight); the other signals have no records.
    PackSection health = doc.section("customer_health").orElseThrow();
    assertThat(health.available()).as(health.unavailableReason()).isTrue();
    assertThat(DoraSectionTest.field(health, "signups").value()).isEqualTo(7.0);
    assertThat(DoraSectionTest.field(health, "signups").previous()).isNull();
    assertThat(DoraSectionTest.field(health, "churn_risk_count").absentReason()).isEqualTo("no source of product events");
    assertThat(DoraSectionTest.field(health, "support_tickets").absentReason()).isEqualTo("no source of support tickets");
    assertThat(DoraSectionTest.field(health, "nps").absentReason()).isEqualTo("no source of NPS responses");

    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("≈ 1,234 (HyperLogLog++, ±1%)", "precomputed companyos:kpi:dau{", "precomputed, ids not carried")
        .doesNotContain("9,999");
  }

  @Test
  void theOpsReviewShowsThePrecomputedDoraKeysWithTheLevelsTheirBandsGive() throws IOException {
    // The keys of DoraHandMadeTest's week, as KpiJob writes them (rates in [0, 1], times in hours).
    MetricSource cluster = cluster(String.join("\n",
        END + ",companyos:kpi:deployment_frequency," + WEEK + ",0.8571428571428571",
        END + ",companyos:kpi:lead_time_for_changes," + WEEK + ",15.0",
        END + ",companyos:kpi:change_failure_rate," + WEEK + ",0.3333333333333333",
        END + ",companyos:kpi:failed_deployment_recovery_time," + WEEK + ",31.0",
        END + ",companyos:kpi:deployment_rework_rate," + WEEK + ",0.5",
        "2026-11-16T00:00:00Z,companyos:kpi:deployment_frequency," + WEEK_BEFORE + ",0.5714285714285714",
        // A lead time over another window ending at the same instant: never the week's.
        END + ",companyos:kpi:lead_time_for_changes,from=2026-11-22T00:00:00Z;to=2026-11-23T00:00:00Z,99.0") + "\n");
    PackDocument doc = pack("ops-review", List.of(cluster));
    PackSection dora = doc.section("dora_metrics").orElseThrow();
    assertThat(dora.available()).as(dora.unavailableReason()).isTrue();
    assertThat(DoraSectionTest.field(dora, "deploy_freq").value()).isEqualTo(6 / 7.0);
    // 6 / 7 against 4 / 7 the week before.
    assertThat(DoraSectionTest.field(dora, "deploy_freq").previous()).isEqualTo(4 / 7.0);
    assertThat(DoraSectionTest.field(dora, "deploy_freq").text()).isEqualTo("0.86/day");
    assertThat(DoraSectionTest.field(dora, "lead_time").value()).isEqualTo(15.0);
    assertThat(DoraSectionTest.field(dora, "cfr").value()).isEqualTo(1 / 3.0 * 100); // the rate × 100, as the section scales a computed one
    assertThat(DoraSectionTest.field(dora, "fdrt").value()).isEqualTo(31.0);
    assertThat(DoraSectionTest.field(dora, "rework_rate").value()).isEqualTo(50.0);
    assertThat(DoraSectionTest.field(dora, "cfr").kpi()).isEqualTo("change_failure_rate");
    assertThat(DoraSectionTest.field(dora, "cfr").evidence()).containsExactly("precomputed, ids not carried");
    assertThat(DoraSectionTest.field(dora, "lead_time").provenance().query())
        .contains("precomputed companyos:kpi:lead_time_for_changes{from=2026-11-16T00:00:00Z,to=2026-11-23T00:00:00Z}");
    // The job writes no pooled time to restore, and there are no incidents.
    assertThat(DoraSectionTest.field(dora, "mttr").absentReason())
        .isEqualTo("no source of deployments (not among the precomputed values)");
    // Lead time 15 h < 1 day: elite. CFR 1/3 is nearest the 2024 low cluster (0.40; high 0.20, medium 0.10, elite
    // 0.05). Recovery 31 h: 1 day to 1 week, medium. Deployment frequency's band needs deploy days per week.
    assertThat(dora.note()).isEqualTo("DORA level: n/a (the keys are precomputed, and deployment frequency's band needs the "
        + "deploy days per week, which they do not carry); by key: lead time elite, change failure rate low, failed "
        + "deployment recovery time medium (DORA 2024 bands)");
    assertThat(new PackRenderer().render(doc, PackFormat.MD)).contains("precomputed, ids not carried").doesNotContain("99 h");
  }

  @Test
  void aSourceAnsweringAnyMetricQueryButHoldingNoPointsLeavesTheSectionsToTheRecords() {
    // Like Prometheus: it lists every metric ("*") but has no metric records to look a precomputed value up in.
    MetricSource anyQuery = new MetricSource() {
      @Override
      public String id() {
        return "prometheus";
      }

      @Override
      public io.companyos.sources.SourceDescription describe() {
        return io.companyos.sources.SourceDescription.of("prometheus", List.of(), List.of("*"));
      }
    };
    PackSection fromRecords = pack("ops-review", List.of(SampleCompany.SOURCE)).section("dora_metrics").orElseThrow();
    PackSection dora = pack("ops-review", List.of(anyQuery, SampleCompany.SOURCE)).section("dora_metrics").orElseThrow();
    assertThat(dora.available()).as(dora.unavailableReason()).isTrue();
    assertThat(dora.note()).isEqualTo(fromRecords.note());
    assertThat(DoraSectionTest.field(dora, "lead_time").value()).isEqualTo(DoraSectionTest.field(fromRecords, "lead_time").value());
  }

  @Test
  void withRecordsAndAMatchingPrecomputedValueThePackShowsTheSameNumber() throws IOException {
    // The sample company's events give the week's DAU; the job, run over the same events, writes the same value.
    TimeWindow week = new TimeWindow(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse(END));
    List<ProductEvent> events = SampleCompany.SOURCE.records(RecordKind.PRODUCT_EVENTS, week).rows();
    double computed = Engagement.meanDailyActive(events, week, SampleCompany.UTC).orElseThrow();
    PackSection fromRecords = pack("product-metrics", List.of(SampleCompany.SOURCE)).section("engagement_summary").orElseThrow();
    MetricValue recordsDau = row(fromRecords, "DAU").get(1);
    assertThat(recordsDau.value()).isEqualTo(computed);

    MetricSource cluster = cluster(END + ",companyos:kpi:dau," + WEEK + "," + computed + "\n");
    PackSection both = pack("product-metrics", List.of(cluster, SampleCompany.SOURCE)).section("engagement_summary").orElseThrow();
    MetricValue dau = row(both, "DAU").get(1);
    assertThat(dau.value()).isEqualTo(recordsDau.value());
    assertThat(dau.text()).isEqualTo(recordsDau.text()); // exact: no "≈"
    assertThat(dau.provenance().query()).contains("precomputed companyos:kpi:dau{");
    // The rows the job did not write still come from the records.
    assertThat(row(both, "WAU").get(1).value()).isEqualTo(row(fromRecords, "WAU").get(1).value());
    assertThat(row(both, "DAU").get(2).value()).isEqualTo(row(fromRecords, "DAU").get(2).value());
  }

  @Test
  void theBoardPacksDauIsThePrecomputedOneForItsWindowToo() throws IOException {
    // The board pack's customer metrics report DAU over the board's own period: the job's value for that window is
    // used there, and the same number as the records give.
    PackSection fromRecords = pack("board-pack", List.of(SampleCompany.SOURCE)).section("customer_metrics").orElseThrow();
    MetricValue recordsDau = fromRecords.fields().stream().filter(f -> f.key().equals("dau")).findFirst().orElseThrow().value();
    TimeWindow w = fromRecords.window();
    MetricSource cluster = cluster(w.end() + ",companyos:kpi:dau,from=" + w.start() + ";to=" + w.end() + "," + recordsDau.value() + "\n");
    PackSection both = pack("board-pack", List.of(cluster, SampleCompany.SOURCE)).section("customer_metrics").orElseThrow();
    MetricValue dau = both.fields().stream().filter(f -> f.key().equals("dau")).findFirst().orElseThrow().value();
    assertThat(dau.value()).isEqualTo(recordsDau.value());
    assertThat(dau.previous()).isEqualTo(recordsDau.previous());
    assertThat(dau.kpi()).isEqualTo("dau");
    assertThat(dau.provenance().query()).contains("precomputed companyos:kpi:dau{from=" + w.start());
  }
}
