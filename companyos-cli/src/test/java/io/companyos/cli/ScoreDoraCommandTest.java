package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreDoraCommandTest {
  @TempDir Path dir;

  void fourKeysWeek() throws Exception {
    // The hand-worked week of DoraMetricsTest, as Four Keys CSV files.
    Files.writeString(dir.resolve("changes.csv"), "change_id,time_created\nc1,2026-11-15T10:00:00Z\nc2,2026-11-16T08:00:00Z\n"
        + "c3,2026-11-16T12:00:00Z\nc4,2026-11-18T10:00:00Z\n");
    Files.writeString(dir.resolve("deployments.csv"), "deploy_id,time_created,changes,status\nd1,2026-11-16T10:00:00Z,c1;c2,success\n"
        + "d2,2026-11-17T12:00:00Z,c3,failure\nd3,2026-11-18T09:00:00Z,c2;c4,\n");
    Files.writeString(dir.resolve("incidents.csv"), "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-17T13:00:00Z,2026-11-17T15:00:00Z,P2,api,x,d3\ni2,2026-11-15T20:00:00Z,2026-11-16T06:00:00Z,P3,api,y,\n");
  }

  @Test
  void computesTheFourKeysOfAWindow() throws Exception {
    fourKeysWeek();
    MainTest.Result r = MainTest.run("score", "dora", "--data", dir.toString(), "--from", "2026-11-16T00:00:00Z", "--to",
        "2026-11-23T00:00:00Z", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    // 3 deploys in 7 days; lead times [2, 24, 24] -> 24 h; 2 of 3 failed (d2 status, d3 caused i1); restore [2, 10] -> 6 h.
    assertThat(j.at("/deployment_frequency/deployments").asInt()).isEqualTo(3);
    assertThat(j.at("/lead_time_for_changes/median_hours").asDouble()).isEqualTo(24.0);
    assertThat(j.at("/change_failure_rate/rate").asDouble()).isEqualTo(2.0 / 3);
    assertThat(j.at("/time_to_restore/median_hours").asDouble()).isEqualTo(6.0);
    assertThat(j.at("/overall").asText()).isEqualTo("low");
    assertThat(j.at("/benchmark").asInt()).isEqualTo(2024);
    // Failed deployment recovery: only i1 names a deploy (d3), resolved after 2 h. No deploy while i1 was open: rework 0.
    assertThat(j.at("/failed_deployment_recovery_time/median_hours").asDouble()).isEqualTo(2.0);
    assertThat(j.at("/failed_deployment_recovery_time/level").asText()).isEqualTo("high");
    assertThat(j.at("/deployment_rework_rate/rework_deployments").asInt()).isZero();
    assertThat(j.at("/deployment_rework_rate/rate").asDouble()).isZero();
    MainTest.Result y2023 = MainTest.run("score", "dora", "--data", dir.toString(), "--from", "2026-11-16T00:00:00Z", "--to",
        "2026-11-23T00:00:00Z", "--benchmark", "2023");
    assertThat(y2023.out()).contains("(levels by the DORA 2023 bands)");
    assertThat(MainTest.run("score", "dora", "--data", dir.toString(), "--benchmark", "1999").code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void textOutputSaysNaWhenAWindowHasNoData() throws Exception {
    fourKeysWeek();
    MainTest.Result r = MainTest.run("score", "dora", "--data", dir.toString(), "--from", "2025-01-01T00:00:00Z", "--to", "2025-01-08T00:00:00Z");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("change failure rate      n/a (no data in the window)").doesNotContain("NaN");
  }

  @Test
  void jsonKeysComeInTheOrderWritten() throws Exception {
    fourKeysWeek();
    // No deployment in the first week of 2025: 0 deploy days in 1 week; the keys in the order written, every run.
    MainTest.Result r = MainTest.run("score", "dora", "--data", dir.toString(), "--from", "2025-01-01T00:00:00Z", "--to",
        "2025-01-08T00:00:00Z", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/deployment_frequency/deployments").asInt()).isZero();
    assertThat(j.at("/deployment_frequency/deploy_days_per_week").asDouble()).isZero();
    assertThat(j.at("/lead_time_for_changes/median_hours").isNull()).as("no change deployed: null, not 0").isTrue();
    assertThat(j.at("/window").fieldNames()).toIterable().containsExactly("start", "end");
    assertThat(j.at("/deployment_frequency").fieldNames()).toIterable()
        .containsExactly("deploys_per_day", "deployments", "deploy_days_per_week", "level");
  }

  @Test
  void badDataIsALocatedOneLineError() throws Exception {
    Files.writeString(dir.resolve("deployments.csv"), "deploy_id,time_created,changes,status\nd1,not-a-time,,\n");
    MainTest.Result r = MainTest.run("score", "dora", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err().strip()).startsWith("deployments.csv:2: COS-SRC-003 time_created:").doesNotContain("Exception");
    assertThat(MainTest.run("score", "dora", "--data", dir.resolve("nope").toString()).code()).isEqualTo(Main.EXIT_USAGE);
  }

  /**
   * An incident resolved before it was created (the audit's MTTR of "-50 h"): the files source refuses the row where
   * it is, so no time to restore is printed at all (the scoring library skips such incidents too; DoraMetricsTest).
   */
  @Test
  void anIncidentResolvedBeforeItWasCreatedIsALocatedErrorNotANegativeMttr() throws Exception {
    fourKeysWeek();
    // Line 4 of incidents.csv (header, i1, i2, i4): created Thu 12:00, resolved Tue 10:00, 50 hours earlier.
    Files.writeString(dir.resolve("incidents.csv"), "i4,2026-11-19T12:00:00Z,2026-11-17T10:00:00Z,P2,api,w,d1\n",
        java.nio.file.StandardOpenOption.APPEND);
    for (String format : new String[] {"text", "json"}) {
      MainTest.Result r = MainTest.run("score", "dora", "--data", dir.toString(), "--from", "2026-11-16T00:00:00Z", "--to",
          "2026-11-23T00:00:00Z", "--format", format);
      assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
      assertThat(r.err().strip()).startsWith("incidents.csv:4: COS-SRC-003 time_resolved: 2026-11-17T10:00:00Z is before "
          + "time_created 2026-11-19T12:00:00Z").doesNotContain("Exception").hasLineCount(1);
      assertThat(r.out()).doesNotContain("-50", "-24", "median");
    }
  }
}
