package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ops review's DORA section on small data worked out by hand (week 47: 2026-11-16 to 2026-11-22). */
class DoraSectionTest {
  static PackDocument opsReview(List<Deployment> deploys, List<Change> changes, List<Incident> incidents) {
    ScriptedSource engineering = new ScriptedSource("eng", ScriptedSource.Mode.ANSWER,
        Map.of(RecordKind.DEPLOYMENTS, deploys, RecordKind.CHANGES, changes, RecordKind.INCIDENTS, incidents));
    return new PackAssembler(SampleCompany.COMPANY, List.of(engineering))
        .assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
  }

  static MetricValue field(PackSection s, String key) {
    return s.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void aWeekWithoutDataHasNoDoraLevelRatherThanLow() {
    // The sources hold the kinds, but nothing happened in week 47 (one deploy in week 45 only).
    PackDocument doc = opsReview(List.of(new Deployment("d0", Instant.parse("2026-11-03T10:00:00Z"), List.of(), DeployStatus.SUCCESS)),
        List.of(), List.of());
    PackSection dora = doc.section("dora_metrics").orElseThrow();
    assertThat(dora.note()).isEqualTo("DORA level: n/a (no deployments, deployed changes or resolved incidents in the window; DORA 2024 bands)");
    // Zero deployments is a count the source vouches for; only the level needs data to judge.
    assertThat(field(dora, "deploy_freq").value()).isEqualTo(0.0);
    assertThat(new PackRenderer().render(doc, PackFormat.MD)).doesNotContain("DORA level: low");
  }

  @Test
  void timeToRestoreCountsAnIncidentResolvedInTheWeekThatStartedBeforeIt() {
    // i1 opened Saturday 2026-11-14 22:00 and was resolved Monday 2026-11-16 04:00: a 30 h restore in week 47.
    // i2 opened and closed in the week: 2 h. Median of {30, 2} = 16 h. Counting only incidents created in the week gave 2 h.
    List<Incident> incidents = List.of(
        new Incident("i1", Instant.parse("2026-11-14T22:00:00Z"), Instant.parse("2026-11-16T04:00:00Z"), "P2", "api", "t", null),
        new Incident("i2", Instant.parse("2026-11-18T10:00:00Z"), Instant.parse("2026-11-18T12:00:00Z"), "P3", "api", "t", null));
    // One deploy on Tuesday carrying a change opened 10 h before it.
    List<Deployment> deploys = List.of(new Deployment("d1", Instant.parse("2026-11-17T10:00:00Z"), List.of("c1"), DeployStatus.SUCCESS));
    List<Change> changes = List.of(new Change("c1", Instant.parse("2026-11-17T00:00:00Z")));
    PackSection dora = opsReview(deploys, changes, incidents).section("dora_metrics").orElseThrow();
    assertThat(field(dora, "mttr").value()).isEqualTo(16.0);
    assertThat(field(dora, "lead_time").value()).isEqualTo(10.0);
    // 1 deploy in 7 days = 0.14/day; 1 deploy day a week = high; lead time 10 h = elite; CFR 0 = elite; 16 h = high.
    assertThat(field(dora, "deploy_freq").value()).isEqualTo(1 / 7.0);
    assertThat(dora.note()).startsWith("DORA level: high (DORA 2024 bands; MTTR is the median time to restore of all incidents resolved");
    // No incident names a root-cause deploy: failed deployment recovery time has no value, and says why.
    assertThat(field(dora, "fdrt").absentReason()).isEqualTo("no incident caused by a deploy was resolved in the window");
    assertThat(field(dora, "rework_rate").value()).isEqualTo(0.0);
    // The footnote states the window the restore times were computed over.
    assertThat(field(dora, "mttr").provenance().query()).contains("resolved in 2026-11-16 to 2026-11-22");
  }

  @Test
  void everyDoraNumberListsTheRecordsItCountedAndThePackPrintsThem() {
    // d1 caused i3 (3 h to recover), d2 failed outright, d3 was made while i3 was open (rework).
    List<Deployment> deploys = List.of(
        new Deployment("d1", Instant.parse("2026-11-17T10:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d3", Instant.parse("2026-11-17T13:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d2", Instant.parse("2026-11-18T10:00:00Z"), List.of(), DeployStatus.FAILURE));
    List<Incident> incidents = List.of(
        new Incident("i3", Instant.parse("2026-11-17T12:00:00Z"), Instant.parse("2026-11-17T15:00:00Z"), "P2", "api", "t", "d1"));
    PackDocument doc = opsReview(deploys, List.of(), incidents);
    PackSection dora = doc.section("dora_metrics").orElseThrow();
    // CFR 2 of 3, each failure with its reason; recovery 3 h from i3; rework 1 of 3 (d3).
    assertThat(field(dora, "cfr").value()).isCloseTo(200.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(field(dora, "cfr").evidence()).containsExactly("d1 (root cause of i3)", "d2 (status failure)");
    assertThat(field(dora, "fdrt").value()).isEqualTo(3.0);
    assertThat(field(dora, "fdrt").evidence()).containsExactly("i3");
    assertThat(field(dora, "rework_rate").evidence()).containsExactly("d3");
    assertThat(field(dora, "deploy_freq").evidence()).containsExactly("d1", "d2", "d3");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("### Evidence", "- DORA Metrics (WoW) · Change Failure Rate: d1 (root cause of i3), d2 (status failure)");
    String json = new PackRenderer().render(doc, PackFormat.JSON);
    assertThat(json).containsPattern("\"evidence\" : \\[\\s*\"d1 \\(root cause of i3\\)\",\\s*\"d2 \\(status failure\\)\"\\s*]");
  }
}
