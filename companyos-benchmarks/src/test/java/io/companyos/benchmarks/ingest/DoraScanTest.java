package io.companyos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Change;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.dora.WindowDeployments;
import io.companyos.sources.RecordKind;
import io.companyos.sources.files.DoraScan;
import io.companyos.sources.files.FilesSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columnar scan of score dora gives exactly the result of DoraMetrics over the records. */
class DoraScanTest {
  @TempDir Path dir;

  @Test
  void theScanGivesTheSameKeysAndEvidenceAsTheRecords() throws Exception {
    FourKeysData.write(dir, 0.002);
    FilesSource files = new FilesSource("files", dir, true, Clock.systemUTC());
    TimeWindow all = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    List<Change> changes = files.records(RecordKind.CHANGES, all).rows();
    List<Deployment> deployments = files.records(RecordKind.DEPLOYMENTS, all).rows();
    List<Incident> incidents = files.records(RecordKind.INCIDENTS, all).rows();
    for (TimeWindow w : List.of(
        new TimeWindow(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z")),
        new TimeWindow(Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-06-08T12:30:00.250Z")),
        new TimeWindow(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
        new TimeWindow(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z")))) {
      DoraResult expected = DoraMetrics.compute(changes, deployments, incidents, w, DoraBenchmark.newest());
      DoraScan.Result scan = DoraScan.scan(dir, w).orElseThrow();
      // As score dora reads it: the window's deployments as columns, ids read from the scan's tables on demand.
      DoraResult actual = DoraMetrics.compute(DoraMetrics.LeadTimes.of(scan.leadHours(), scan.leadChangeIds()::get),
          WindowDeployments.distinct(scan.deploySeconds(), scan.deployNanos(), scan.deployFailed(), scan::deployId, scan::deployIndex),
          incidents, w, DoraBenchmark.newest());
      assertThat(actual).as(w.toString()).usingRecursiveComparison().ignoringFields("evidence").isEqualTo(expected);
      var a = actual.evidence();
      var e = expected.evidence();
      assertThat(a.deployments()).isEqualTo(e.deployments());
      assertThat(a.failedDeployments()).isEqualTo(e.failedDeployments());
      assertThat(a.changesDeployed()).isEqualTo(e.changesDeployed());
      assertThat(a.incidentsResolved()).isEqualTo(e.incidentsResolved());
      assertThat(a.changeFailuresResolved()).isEqualTo(e.changeFailuresResolved());
      assertThat(a.reworkDeployments()).isEqualTo(e.reworkDeployments());
      assertThat(actual.deployments()).as(w.toString()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void filesWithBadRowsAreLeftToTheRecordPath() throws Exception {
    Files.writeString(dir.resolve("deployments.csv"), "deploy_id,time_created,changes,status\nd1,2025-03-02T00:00:00Z,c1,maybe\n");
    TimeWindow w = new TimeWindow(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"));
    assertThat(DoraScan.scan(dir, w)).isEmpty();
    Files.writeString(dir.resolve("deployments.csv"), "deploy_id,time_created,changes,status\nd1,yesterday,c1,success\n");
    assertThat(DoraScan.scan(dir, w)).isEmpty();
    Files.writeString(dir.resolve("deployments.csv"), "\uFEFFdeploy_id,time_created,changes,status\r\n\"d1\",2025-03-02T00:00:00Z,\" c1 ;c2\",Failure\r\n");
    Files.writeString(dir.resolve("changes.csv"), "change_id,time_created\nc1,2025-03-01T00:00:00Z\nc2,2025-03-03T00:00:00Z\n");
    DoraScan.Result r = DoraScan.scan(dir, w).orElseThrow();
    assertThat(r.deploymentsInWindow()).extracting(Deployment::deployId).containsExactly("d1");
    assertThat(r.deployIndex("d1")).isZero();
    assertThat(r.deployIndex("d2")).isEqualTo(-1);
    assertThat(r.deployIndex("d\u00e9")).isEqualTo(-1);
    assertThat(r.deployFailed().get(0)).isTrue();
    assertThat(r.leadHours()).containsExactly(24.0);
    assertThat(r.leadChangeIds()).containsExactly("c1");
  }
}
