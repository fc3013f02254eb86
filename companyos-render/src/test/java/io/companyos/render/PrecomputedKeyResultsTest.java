package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.sources.MetricSource;
import io.companyos.sources.files.FilesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key results that name a KPI take the batch job's value for the quarter to date, [2026-10-01, 2026-11-23) at the
 * sample's as-of, the window the QBR's other sections report, so a key result cannot contradict them. The key results
 * are in a folder of their own; the job's {@code metrics.csv} (hand-written rows) in another.
 */
class PrecomputedKeyResultsTest {
  private static final String END = "2026-11-23T00:00:00Z";
  private static final String QUARTER = "from=2026-10-01T00:00:00Z;to=2026-11-23T00:00:00Z";

  @Test
  void aKeyResultNamingAKpiShowsTheValuePrecomputedForTheQuarterToDate(@TempDir Path okrs, @TempDir Path kpis) throws IOException {
    Files.writeString(okrs.resolve("okrs.csv"), String.join("\n",
        "quarter,objective_id,objective,key_result_id,title,owner,start,target,current,unit,updated_at,kpi",
        "2026-Q4,O1,Run lean,O1-KR1,Savings plan coverage,pat,50,80,0,%,2026-11-20T00:00:00Z,sp_coverage",
        "2026-Q4,O1,Run lean,O1-KR2,Search adoption,pat,10,40,0,%,2026-11-20T00:00:00Z,feature_adoption:search",
        "2026-Q4,O2,Keep users coming back,O2-KR1,Stickiness,lee,10,40,0,%,2026-11-20T00:00:00Z,stickiness") + "\n");
    Files.writeString(kpis.resolve("metrics.csv"), String.join("\n",
        "timestamp,metric,labels,value",
        END + ",companyos:kpi:sp_coverage," + QUARTER + ",62.5",
        // The month to date: not the quarter's.
        END + ",companyos:kpi:sp_coverage,from=2026-11-01T00:00:00Z;to=2026-11-23T00:00:00Z,11.0",
        END + ",companyos:kpi:feature_adoption," + QUARTER + ";feature=search,25.0",
        // A --days 7 run ending with the quarter to date: DAU of the week, and MAU of the 30 days it writes with the week.
        END + ",companyos:kpi:dau,from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z,400.0",
        END + ",companyos:kpi:mau,from=2026-11-16T00:00:00Z;to=2026-11-23T00:00:00Z,1600.0") + "\n");
    Clock clock = Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC);
    List<MetricSource> sources = List.of(new FilesSource("okrs", okrs, true, clock), new FilesSource("cluster", kpis, true, clock));
    PackSection results = new PackAssembler(SampleCompany.COMPANY, sources)
        .assemble(SampleCompany.COMPANY.pack("qbr").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC)
        .section("okr_results").orElseThrow();
    assertThat(results.available()).as(results.unavailableReason()).isTrue();
    List<MetricValue> coverage = results.tables().get(0).rows().get(0);
    assertThat(coverage.get(1).text()).isEqualTo("Savings plan coverage");
    assertThat(coverage.get(3).text()).isEqualTo("62.5 / 80 %");
    // (62.5 - 50) / (80 - 50) = 41.7%.
    assertThat(coverage.get(4).text()).isEqualTo("42%");
    assertThat(coverage.get(3).provenance().sourceId()).isEqualTo("cluster");
    assertThat(coverage.get(3).provenance().query())
        .contains("precomputed companyos:kpi:sp_coverage{from=2026-10-01T00:00:00Z,to=2026-11-23T00:00:00Z}");
    List<MetricValue> adoption = results.tables().get(0).rows().get(1);
    assertThat(adoption.get(3).text()).isEqualTo("25 / 40 %");
    // (25 - 10) / (40 - 10) = 50%.
    assertThat(adoption.get(4).text()).isEqualTo("50%");
    // Stickiness 400 / 1,600 = 25%; (25 - 10) / (40 - 10) = 50%.
    List<MetricValue> stickiness = results.tables().get(0).rows().get(2);
    assertThat(stickiness.get(1).text()).isEqualTo("Stickiness");
    assertThat(stickiness.get(3).text()).isEqualTo("25 / 40 %");
    assertThat(stickiness.get(4).text()).isEqualTo("50%");
    assertThat(stickiness.get(3).provenance().query()).contains("precomputed companyos:kpi:dau{", "/ companyos:kpi:mau{");
  }
}
