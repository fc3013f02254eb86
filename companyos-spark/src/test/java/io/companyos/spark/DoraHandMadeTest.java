package io.companyos.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraLevel;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty records (8 deployments, 7 changes, 5 incidents) with the DORA keys worked out by hand; Spark and the Java
 * reference must both give them. The window is the week [2026-11-01, 2026-11-08).
 */
class DoraHandMadeTest {
  static final TimeWindow WEEK = new TimeWindow(t("2026-11-01T00:00:00Z"), t("2026-11-08T00:00:00Z"));

  static final List<Deployment> DEPLOYMENTS = List.of(
      deploy("d1", "2026-10-30T10:00:00Z", List.of("c1"), DeployStatus.SUCCESS), // before the window
      deploy("d2", "2026-11-01T00:00:00Z", List.of("c1", "c2"), DeployStatus.SUCCESS), // on its start: in
      deploy("d3", "2026-11-02T12:00:00Z", List.of("c3"), DeployStatus.FAILURE),
      deploy("d4", "2026-11-02T18:00:00Z", List.of("c4"), DeployStatus.SUCCESS),
      deploy("d5", "2026-11-04T09:00:00Z", List.of("c5"), DeployStatus.SUCCESS), // while i2 is open: rework
      deploy("d6", "2026-11-05T09:00:00Z", List.of(), DeployStatus.SUCCESS), // while i2 is open: rework
      deploy("d7", "2026-11-07T23:59:00Z", List.of("c6"), DeployStatus.SUCCESS), // while i5 is open: rework
      deploy("d8", "2026-11-08T00:00:00Z", List.of("c7"), DeployStatus.SUCCESS)); // on its end: out

  static final List<Change> CHANGES = List.of(
      new Change("c1", t("2026-10-30T08:00:00Z")), // first deployed by d1, before the window: no lead time
      new Change("c2", t("2026-10-31T00:00:00Z")), // d2: 24 h
      new Change("c3", t("2026-11-02T06:00:00Z")), // d3: 6 h
      new Change("c4", t("2026-11-02T20:00:00Z")), // d4 two hours before it was created: ignored
      new Change("c5", t("2026-11-01T09:00:00Z")), // d5: 72 h
      new Change("c6", t("2026-11-07T22:59:00Z")), // d7: 1 h
      new Change("c7", t("2026-11-07T00:00:00Z"))); // d8, after the window

  static final List<Incident> INCIDENTS = List.of(
      incident("i1", "2026-11-02T13:00:00Z", "2026-11-02T15:00:00Z", "d3"), // 2 h, caused by d3
      incident("i2", "2026-11-03T00:00:00Z", "2026-11-05T12:00:00Z", "d4"), // 60 h, caused by d4
      incident("i3", "2026-11-06T00:00:00Z", "2026-11-06T00:30:00Z", null), // 0.5 h
      incident("i4", "2026-11-07T10:00:00Z", "2026-11-07T09:00:00Z", null), // resolved before created: listed
      incident("i5", "2026-11-07T20:00:00Z", null, "d1")); // still open, caused by d1 (outside the window)

  @Test
  void sparkAndTheReferenceGiveTheHandWorkedKeys() {
    DoraResult java = DoraMetrics.compute(CHANGES, DEPLOYMENTS, INCIDENTS, WEEK, DoraBenchmark.Y2023);
    SparkResult<DoraResult> spark = SparkKpis.over(LocalSpark.views(DEPLOYMENTS, CHANGES, INCIDENTS, List.of()))
        .dora(WEEK, DoraBenchmark.Y2023);
    assertThat(spark.complete()).isTrue();
    for (DoraResult r : List.of(java, spark.value())) {
      assertHandWorked(r);
    }
    assertThat(spark.provenance().window()).isEqualTo(WEEK);
    assertThat(spark.provenance().query()).contains("table deployments", "table changes", "table incidents");
  }

  @Test
  void theSameFromCsvFilesInTheFilesSourceLayout(@TempDir Path dir) throws IOException {
    writeCsv(dir);
    SparkResult<DoraResult> spark = CsvTables.kpis(dir).dora(WEEK, DoraBenchmark.Y2023);
    assertHandWorked(spark.value());
    assertThat(spark.provenance().query()).contains("csv deployments.csv").doesNotContain(dir.toString());
  }

  @Test
  void evidenceBeyondTheLimitIsCountedNotCollected() {
    SparkResult<DoraResult> spark = SparkKpis.over(LocalSpark.views(DEPLOYMENTS, CHANGES, INCIDENTS, List.of()))
        .withMaxIds(2).dora(WEEK, DoraBenchmark.Y2023);
    assertThat(spark.value().deployments()).isEqualTo(6);
    assertThat(spark.value().evidence().deployments()).containsExactly("d2", "d3");
    assertThat(spark.idsLeftOut()).containsEntry("deployments", 4L).containsEntry("changesDeployed", 2L)
        .containsEntry("incidentsResolved", 1L).containsEntry("reworkDeployments", 1L)
        .doesNotContainKey("changeFailuresResolved");
    assertThat(spark.complete()).isFalse();
  }

  /** The twenty records as the files source's CSV files (some times with other offsets, a status left empty). */
  static void writeCsv(Path dir) throws IOException {
    CsvTables.write(dir, "deployments", "deploy_id,time_created,changes,status",
        new String[] {"d1", "2026-10-30T10:00:00Z", "c1", "success"},
        new String[] {"d2", "2026-11-01T00:00:00Z", "c1;c2", ""},
        new String[] {"d3", "2026-11-02T12:00:00Z", "c3", "failure"},
        new String[] {"d4", "2026-11-02T18:00:00Z", "c4", "success"},
        new String[] {"d5", "2026-11-04T10:00:00+01:00", "c5", "success"},
        new String[] {"d6", "2026-11-05T09:00:00Z", "", "success"},
        new String[] {"d7", "2026-11-07T18:59:00-05:00", "c6", "success"},
        new String[] {"d8", "2026-11-08T00:00:00Z", "c7", "success"});
    CsvTables.write(dir, "changes", "change_id,time_created",
        new String[] {"c1", "2026-10-30T08:00:00Z"}, new String[] {"c2", "2026-10-31T00:00:00Z"},
        new String[] {"c3", "2026-11-02T06:00:00Z"}, new String[] {"c4", "2026-11-02T20:00:00Z"},
        new String[] {"c5", "2026-11-01T09:00:00Z"}, new String[] {"c6", "2026-11-07T22:59:00Z"},
        new String[] {"c7", "2026-11-07T00:00:00Z"});
    CsvTables.write(dir, "incidents", "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy",
        new String[] {"i1", "2026-11-02T13:00:00Z", "2026-11-02T15:00:00Z", "P2", "api", "errors", "d3"},
        new String[] {"i2", "2026-11-03T00:00:00Z", "2026-11-05T12:00:00Z", "P1", "api", "outage", "d4"},
        new String[] {"i3", "2026-11-06T00:00:00Z", "2026-11-06T00:30:00Z", "P3", "web", "slow", ""},
        new String[] {"i4", "2026-11-07T10:00:00Z", "2026-11-07T09:00:00Z", "P4", "web", "clock", ""},
        new String[] {"i5", "2026-11-07T20:00:00Z", "", "P2", "db", "lag", "d1"});
  }

  private static void assertHandWorked(DoraResult r) {
    // d2..d7: six deployments on five UTC days (11-01, 11-02, 11-04, 11-05, 11-07) of a seven-day week.
    assertThat(r.deployments()).isEqualTo(6);
    assertThat(r.deploysPerDay().getAsDouble()).isCloseTo(6 / 7.0, within(1e-12));
    assertThat(r.deployDaysPerWeek().getAsDouble()).isCloseTo(5.0, within(1e-12));
    assertThat(r.deploymentFrequencyLevel()).isEqualTo(DoraLevel.ELITE);
    // Lead times 24, 6, 72, 1 h (c4's is negative): median (6 + 24) / 2 = 15 h.
    assertThat(r.changesDeployed()).isEqualTo(4);
    assertThat(r.leadTimeHoursMedian().getAsDouble()).isEqualTo(15.0);
    assertThat(r.leadTimeLevel()).isEqualTo(DoraLevel.ELITE);
    // d3 failed and caused i1; i2 names d4: 2 of 6.
    assertThat(r.failedDeployments()).isEqualTo(2);
    assertThat(r.changeFailureRate().getAsDouble()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(r.changeFailureLevel()).isEqualTo(DoraLevel.LOW);
    assertThat(r.evidence().failedDeployments())
        .isEqualTo(Map.of("d3", "status failure; root cause of i1", "d4", "root cause of i2"));
    // Resolved in the week: i1 2 h, i2 60 h, i3 0.5 h (i4 resolved before it was created): median 2 h.
    assertThat(r.incidentsResolved()).isEqualTo(3);
    assertThat(r.timeToRestoreHoursMedian().getAsDouble()).isEqualTo(2.0);
    assertThat(r.evidence().incidentsResolvedBeforeCreated()).containsExactly("i4");
    // Change-caused and resolved: i1 2 h, i2 60 h: median 31 h, medium (under a week).
    assertThat(r.changeFailuresResolved()).isEqualTo(2);
    assertThat(r.failedDeploymentRecoveryHoursMedian().getAsDouble()).isEqualTo(31.0);
    assertThat(r.failedDeploymentRecoveryLevel()).isEqualTo(DoraLevel.MEDIUM);
    // d5 and d6 while i2 (caused by d4) was open, d7 while i5 (caused by d1) is open: 3 of 6.
    assertThat(r.reworkDeployments()).isEqualTo(3);
    assertThat(r.reworkRate().getAsDouble()).isEqualTo(0.5);
    assertThat(r.evidence().reworkDeployments()).containsExactlyInAnyOrder("d5", "d6", "d7");
    assertThat(r.overall()).isEqualTo(DoraLevel.LOW);
    assertThat(r.evidence().deployments()).containsExactlyInAnyOrder("d2", "d3", "d4", "d5", "d6", "d7");
    assertThat(r.evidence().changesDeployed()).containsExactlyInAnyOrder("c2", "c3", "c5", "c6");
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static Deployment deploy(String id, String time, List<String> changes, DeployStatus status) {
    return new Deployment(id, t(time), changes, status);
  }

  private static Incident incident(String id, String created, String resolved, String cause) {
    return new Incident(id, t(created), resolved == null ? null : t(resolved), "P2", "api", id + " title", cause);
  }
}
