package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
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
 * The FinOps review's cloud spend and coverage and the board pack's and QBR's revenue figures, rendered from a files
 * folder holding only the batch job's {@code metrics.csv} (hand-written rows as {@code KpiJob} writes them, values
 * chosen by hand). At the sample's as-of (2026-11-23 09:00 UTC) the FinOps review and the board pack report the month
 * to date, [2026-11-01, 2026-11-23), against [2026-10-01, 2026-10-23); the QBR the quarter to date,
 * [2026-10-01, 2026-11-23). NRR is over the 365 days ending with the period.
 */
class PrecomputedFinanceTest {
  private static final String END = "2026-11-23T00:00:00Z";
  private static final String MONTH = "from=2026-11-01T00:00:00Z;to=2026-11-23T00:00:00Z";
  private static final String MONTH_BEFORE = "from=2026-10-01T00:00:00Z;to=2026-10-23T00:00:00Z";
  private static final String QUARTER = "from=2026-10-01T00:00:00Z;to=2026-11-23T00:00:00Z";
  private static final String YEAR = "from=2025-11-23T00:00:00Z;to=2026-11-23T00:00:00Z";
  private static final String YEAR_BEFORE = "from=2025-10-23T00:00:00Z;to=2026-10-23T00:00:00Z";

  @TempDir Path dir;

  private MetricSource cluster(String... rows) throws IOException {
    Files.writeString(dir.resolve("metrics.csv"), "timestamp,metric,labels,value\n" + String.join("\n", rows) + "\n");
    return new FilesSource("cluster", dir, true, Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC));
  }

  private static PackSection section(String pack, String type, MetricSource source) {
    PackSection s = new PackAssembler(SampleCompany.COMPANY, List.of(source))
        .assemble(SampleCompany.COMPANY.pack(pack).orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section(type).orElseThrow();
    assertThat(s.available()).as(s.unavailableReason()).isTrue();
    return s;
  }

  private static List<MetricValue> row(PackSection s, String label) {
    return s.tables().get(0).rows().stream().filter(r -> r.get(0).text().equals(label)).findFirst().orElseThrow();
  }

  private static MetricValue field(PackSection s, String key) {
    return s.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void theFinOpsReviewShowsTheMonthsPrecomputedSpendAndCoverage() throws IOException {
    MetricSource cluster = cluster(
        END + ",companyos:kpi:cloud_spend," + MONTH + ",12345.67",
        "2026-10-23T00:00:00Z,companyos:kpi:cloud_spend," + MONTH_BEFORE + ",10000.0",
        // The 30 days to the same end: not the section's month to date.
        END + ",companyos:kpi:cloud_spend,from=2026-10-24T00:00:00Z;to=2026-11-23T00:00:00Z,99999.0",
        END + ",companyos:kpi:sp_coverage," + MONTH + ",62.5",
        END + ",companyos:kpi:sp_coverage,from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z,11.0",
        END + ",companyos:kpi:ri_coverage," + MONTH + ",40.0");
    PackSection summary = section("finops-review", "cost_summary", cluster);
    MetricValue spend = row(summary, "Total Cloud Spend").get(1);
    assertThat(spend.value()).isEqualTo(12345.67);
    assertThat(spend.text()).isEqualTo("$12,346");
    assertThat(spend.kpi()).isEqualTo("cloud_spend");
    assertThat(spend.evidence()).containsExactly("precomputed, ids not carried");
    assertThat(spend.provenance().sourceId()).isEqualTo("cluster");
    assertThat(spend.provenance().window())
        .isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse(END)));
    assertThat(spend.provenance().query()).contains("precomputed companyos:kpi:cloud_spend{from=2026-11-01T00:00:00Z,"
        + "to=2026-11-23T00:00:00Z} over 2026-11-01 to 2026-11-22");
    // Against October's first 22 days: 12,345.67 - 10,000 = +2,345.67, +23.5%.
    assertThat(spend.previous()).isEqualTo(10000.0);
    assertThat(spend.deltaText()).isEqualTo("+$2,346 (+23.5%)");
    // No budget series and no cost rows: the rest is n/a, never 0.
    assertThat(row(summary, "Total Cloud Spend").get(2).absentReason()).isEqualTo("no budget reported for every month of the window");
    assertThat(row(summary, "Cost per MAU").get(1).absentReason())
        .isEqualTo("no source of cost rows (the job writes the window's total only)");
    assertThat(row(summary, "Infrastructure").get(1).present()).isFalse();

    PackSection reserved = section("finops-review", "reserved_capacity", cluster);
    assertThat(field(reserved, "sp_coverage").text()).isEqualTo("62.5%");
    assertThat(field(reserved, "sp_coverage").kpi()).isEqualTo("sp_coverage");
    assertThat(field(reserved, "sp_coverage").evidence()).containsExactly("precomputed, ids not carried");
    assertThat(field(reserved, "ri_coverage").text()).isEqualTo("40%");
    assertThat(field(reserved, "ri_coverage").provenance().query())
        .contains("precomputed companyos:kpi:ri_coverage{from=2026-11-01T00:00:00Z,to=2026-11-23T00:00:00Z}");
    assertThat(field(reserved, "spot_percentage").absentReason())
        .isEqualTo("no source of cost rows and no spot_percentage precomputed for 2026-11-01 to 2026-11-22");
  }

  @Test
  void aValueForAnotherWindowIsNeverTheFinOpsReviewsSpend() throws IOException {
    // Only the 30 days to the same end and the week: the month to date has no value, and there are no cost rows.
    MetricSource cluster = cluster(
        END + ",companyos:kpi:cloud_spend,from=2026-10-24T00:00:00Z;to=2026-11-23T00:00:00Z,99999.0",
        END + ",companyos:kpi:sp_coverage,from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z,11.0");
    PackSection summary = new PackAssembler(SampleCompany.COMPANY, List.of(cluster))
        .assemble(SampleCompany.COMPANY.pack("finops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("cost_summary").orElseThrow();
    assertThat(summary.available()).isFalse();
    assertThat(new PackRenderer().render(new PackAssembler(SampleCompany.COMPANY, List.of(cluster))
        .assemble(SampleCompany.COMPANY.pack("finops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC), PackFormat.MD))
        .doesNotContain("$99,999").doesNotContain("11%");
  }

  @Test
  void theBoardPackAndTheQbrShowThePrecomputedRevenueFiguresOfTheirPeriods() throws IOException {
    MetricSource cluster = cluster(
        END + ",companyos:kpi:arr," + MONTH + ",2400000.0",
        "2026-10-23T00:00:00Z,companyos:kpi:arr," + MONTH_BEFORE + ",2300000.0",
        END + ",companyos:kpi:nrr," + YEAR + ",112.5",
        "2026-10-23T00:00:00Z,companyos:kpi:nrr," + YEAR_BEFORE + ",110.0",
        END + ",companyos:kpi:net_new_arr," + QUARTER + ",150000.0",
        // The board's month, not the QBR's quarter.
        END + ",companyos:kpi:net_new_arr," + MONTH + ",999999.0",
        END + ",companyos:kpi:churned_arr," + QUARTER + ",20000.0",
        END + ",companyos:kpi:logo_retention," + QUARTER + ",95.0");
    PackSection financial = section("board-pack", "financial_summary", cluster);
    MetricValue arr = field(financial, "arr");
    assertThat(arr.text()).isEqualTo("$2,400,000");
    assertThat(arr.kpi()).isEqualTo("arr");
    assertThat(arr.evidence()).containsExactly("precomputed, ids not carried");
    assertThat(arr.provenance().query()).contains("precomputed companyos:kpi:arr{from=2026-11-01T00:00:00Z,to=2026-11-23T00:00:00Z}");
    // +100,000 on 2,300,000: +4.3%.
    assertThat(arr.deltaText()).isEqualTo("+$100,000 (+4.3%)");
    MetricValue nrr = field(financial, "nrr");
    assertThat(nrr.text()).isEqualTo("112.5%");
    assertThat(nrr.provenance().query()).contains("precomputed companyos:kpi:nrr{from=2025-11-23T00:00:00Z,to=2026-11-23T00:00:00Z}");
    // +2.5 pp on 110: +2.3%.
    assertThat(nrr.deltaText()).isEqualTo("+2.5 pp (+2.3%)");
    assertThat(field(financial, "gross_margin").absentReason()).isEqualTo("no source of companyos:finance:gross_margin:ratio");

    PackSection customers = section("qbr", "customer_metrics", cluster);
    assertThat(field(customers, "new_arr").text()).isEqualTo("$150,000");
    assertThat(field(customers, "new_arr").kpi()).isEqualTo("net_new_arr");
    assertThat(field(customers, "churned_arr").text()).isEqualTo("$20,000");
    assertThat(field(customers, "churned_arr").evidence()).containsExactly("precomputed, ids not carried");
    assertThat(field(customers, "logo_retention").text()).isEqualTo("95%");
    assertThat(field(customers, "logo_retention").provenance().query())
        .contains("precomputed companyos:kpi:logo_retention{from=2026-10-01T00:00:00Z,to=2026-11-23T00:00:00Z}");
    // The QBR's NRR is over the same 365 days as the board's: the same number.
    assertThat(field(customers, "nrr").text()).isEqualTo("112.5%");
    assertThat(field(customers, "nrr").kpi()).isEqualTo("nrr");
  }

  @Test
  void theExecReviewsFinancialsUseTheSameSpendAndNrrAsTheFinOpsReviewAndTheBoardPack(@TempDir Path budgets) throws IOException {
    MetricSource cluster = cluster(
        END + ",companyos:kpi:cloud_spend," + MONTH + ",11000.0",
        END + ",companyos:kpi:nrr," + YEAR + ",112.5");
    // The monthly budget is a reported series, in a folder of its own: November's 30,000.
    Files.writeString(budgets.resolve("metrics.csv"), "timestamp,metric,labels,value\n"
        + "2026-11-01T00:00:00Z,companyos:finops:monthly_budget:currency,,30000.0\n");
    MetricSource budget = new FilesSource("finance", budgets, true, Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC));
    List<MetricSource> sources = List.of(cluster, budget);
    // 22 of November's 30 days: 30,000 × 22 / 30 = 22,000; 11,000 against it: -50.0%.
    PackSection summary = new PackAssembler(SampleCompany.COMPANY, sources)
        .assemble(SampleCompany.COMPANY.pack("finops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("cost_summary").orElseThrow();
    assertThat(row(summary, "Total Cloud Spend").get(2).text()).isEqualTo("$22,000 (pro-rated)");
    assertThat(row(summary, "Total Cloud Spend").get(3).text()).isEqualTo("-50.0%");
    PackSection scores = new PackAssembler(SampleCompany.COMPANY, sources)
        .assemble(SampleCompany.COMPANY.pack("exec-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("dimension_scores").orElseThrow();
    assertThat(scores.window()).isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse(END)));
    String financials = row(scores, "Financials").get(3).text();
    assertThat(financials).startsWith("NRR 112.5% (precomputed); ").endsWith("; spend -50.0% vs budget");
  }

  @Test
  void theExecReviewsProductDimensionTakesThePrecomputedWauDauAndMau() throws IOException {
    // The week ending with the exec review's window, [2026-11-16, 2026-11-23), and the one before, each a run with --days 7.
    String week = "from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z";
    MetricSource cluster = cluster(
        END + ",companyos:kpi:wau," + week + ",1200.0",
        "2026-11-16T00:00:00Z,companyos:kpi:wau,from=2026-11-09T00:00:00Z;to=2026-11-16T00:00:00Z,1000.0",
        END + ",companyos:kpi:dau," + week + ",400.0",
        END + ",companyos:kpi:mau," + week + ",1600.0");
    PackSection scores = section("exec-review", "dimension_scores", cluster);
    // WAU 1,200 against 1,000: +20.0%.
    assertThat(row(scores, "Product").get(3).text()).startsWith("WAU 1200 (+20.0%)");
    // Stickiness 400 / 1,600 = 0.25: (0.25 - 0.1) / (0.4 - 0.1) = 50 points; WAU growth +20% is past +10%: 100
    // points; no NPS responses. The dimension is their mean: 75.
    assertThat(row(scores, "Product").get(1).value()).isEqualTo(75.0);
  }

  @Test
  void withCostRowsAndTheJobsValueForTheSameMonthTheFinOpsReviewShowsOneNumber() throws IOException {
    // The job, run over the sample company's cost rows for the month to date, writes the total the rows give.
    PackSection fromRecords = section("finops-review", "cost_summary", SampleCompany.SOURCE);
    MetricValue recordsSpend = row(fromRecords, "Total Cloud Spend").get(1);
    MetricSource cluster = cluster(END + ",companyos:kpi:cloud_spend," + MONTH + "," + recordsSpend.value());
    PackSection both = new PackAssembler(SampleCompany.COMPANY, List.of(cluster, SampleCompany.SOURCE))
        .assemble(SampleCompany.COMPANY.pack("finops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("cost_summary").orElseThrow();
    MetricValue spend = row(both, "Total Cloud Spend").get(1);
    assertThat(spend.text()).isEqualTo(recordsSpend.text());
    assertThat(spend.previous()).isEqualTo(recordsSpend.previous()); // no value precomputed for October: the rows'
    assertThat(spend.history()).isEqualTo(recordsSpend.history()); // the sparkline is the rows'
    assertThat(spend.provenance().query()).contains("precomputed companyos:kpi:cloud_spend{");
    assertThat(row(both, "Total Cloud Spend").get(3).text()).isEqualTo(row(fromRecords, "Total Cloud Spend").get(3).text());
    assertThat(row(both, "Cost per MAU").get(1).text()).isEqualTo(row(fromRecords, "Cost per MAU").get(1).text());
  }

  @Test
  void thePlanningAgendasSpendLineIsTheQuartersPrecomputedSpend() throws IOException {
    // The team count needs the cost rows' tags; the quarter's spend, [2026-10-01, 2026-11-23), is the job's.
    MetricSource cluster = cluster(END + ",companyos:kpi:cloud_spend," + QUARTER + ",123456.7");
    PackSection agenda = new PackAssembler(SampleCompany.COMPANY, List.of(cluster, SampleCompany.SOURCE))
        .assemble(SampleCompany.COMPANY.pack("quarterly-planning").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("planning_agenda").orElseThrow();
    MetricValue feed = agenda.tables().stream().flatMap(t -> t.rows().stream())
        .filter(r -> r.get(0).text().toLowerCase(java.util.Locale.ROOT).contains("resource")).findFirst().orElseThrow().get(1);
    assertThat(feed.text()).endsWith(" teams; cloud spend this quarter $123,457");
    assertThat(feed.provenance().query())
        .contains("precomputed companyos:kpi:cloud_spend{from=2026-10-01T00:00:00Z,to=2026-11-23T00:00:00Z}");
  }
}
