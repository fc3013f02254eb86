package io.companyos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.FilesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB peer computes DoraMetrics' definitions: same numbers on generated data and on a hand-made case. */
class DoraDuckDbTest {
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @Test
  void handMadeCaseGivesTheHandComputedKeys(@TempDir Path dir) throws Exception {
    // Window: 2025-03-01 .. 2025-03-03 (2 days).
    // d1 before the window ships c1; d2 in the window re-ships c1 (not first) and ships c2 (created 10 h before);
    // d3 in the window fails and ships c3 (created 2 h before) and c4 (created after d3: ignored).
    Files.writeString(dir.resolve("changes.csv"), """
        change_id,time_created
        c1,2025-02-27T00:00:00Z
        c2,2025-03-01T02:00:00+02:00
        c3,2025-03-02T10:00:00.500Z
        c4,2025-03-02T13:00:00Z
        """);
    Files.writeString(dir.resolve("deployments.csv"), """
        deploy_id,time_created,changes,status
        d1,2025-02-28T00:00:00Z,c1,success
        d2,2025-03-01T10:00:00Z,c1;c2,
        d3,2025-03-02T12:00:00.500Z,c3;c4,failure
        """);
    // i1 names d2 (in window) and is resolved after 3 h; i2 is resolved after 5 h; i3 is open.
    Files.writeString(dir.resolve("incidents.csv"), """
        incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy
        i1,2025-03-01T11:00:00Z,2025-03-01T14:00:00Z,P2,api,"api: errors, then latency",d2
        i2,2025-03-02T00:00:00Z,2025-03-02T05:00:00Z,P3,api,api down,
        i3,2025-03-02T01:00:00Z,,P4,api,slow,
        """);
    long from = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
    DoraDuckDb.Keys k = DoraDuckDb.compute(dir, from, to, 1);
    assertThat(k).isEqualTo(new DoraDuckDb.Keys(1.0, 2, 6.0, 2, 1.0, 2, 4.0, 2));
    assertSameAsDoraMetrics(dir, from, to, k);
  }

  @Test
  void generatedDataGivesTheSameKeysAsDoraMetrics(@TempDir Path dir) throws Exception {
    FourKeysData.write(dir, 0.001);
    long from = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2025-12-01T00:00:00Z").toEpochMilli();
    DoraDuckDb.Keys k = DoraDuckDb.compute(dir, from, to, 2);
    assertThat(k.deployments()).isPositive();
    assertThat(k.failedDeployments()).isPositive();
    assertSameAsDoraMetrics(dir, from, to, k);
  }

  private static void assertSameAsDoraMetrics(Path dir, long from, long to, DoraDuckDb.Keys k) {
    FilesSource files = new FilesSource("t", dir, true, Clock.systemUTC());
    DoraResult r = DoraMetrics.compute(files.records(RecordKind.CHANGES, ALL).rows(), files.records(RecordKind.DEPLOYMENTS, ALL).rows(),
        files.records(RecordKind.INCIDENTS, ALL).rows(), new TimeWindow(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
    assertThat(k.deployments()).isEqualTo(r.deployments());
    assertThat(k.deploysPerDay()).isCloseTo(r.deploysPerDay().getAsDouble(), within(1e-9));
    assertThat(k.changes()).isEqualTo(r.changesDeployed());
    assertThat(k.leadTimeMedianHours()).isCloseTo(r.leadTimeHoursMedian().getAsDouble(), within(1e-9));
    assertThat(k.failedDeployments()).isEqualTo(r.failedDeployments());
    assertThat(k.changeFailureRate()).isCloseTo(r.changeFailureRate().getAsDouble(), within(1e-12));
    assertThat(k.incidentsResolved()).isEqualTo(r.incidentsResolved());
    assertThat(k.timeToRestoreMedianHours()).isCloseTo(r.timeToRestoreHoursMedian().getAsDouble(), within(1e-9));
  }
}
