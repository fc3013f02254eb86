package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A source that fails or hangs makes its sections unavailable; the pack is still produced. */
class PartialPackTest {

  @Test
  void failingAndHangingSourcesGiveAPartialPackNotACrash() {
    // Incidents come from a source that refuses every query, deployments from one that never answers;
    // everything else from the sample company.
    ScriptedSource broken = new ScriptedSource("pagerduty", ScriptedSource.Mode.THROW, Map.of(RecordKind.INCIDENTS, List.of()));
    ScriptedSource hanging = new ScriptedSource("ci", ScriptedSource.Mode.SLEEP, Map.of(RecordKind.DEPLOYMENTS, List.of()));
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(broken, hanging, SampleCompany.SOURCE),
        SectionAssemblerRegistry.builtin(), Duration.ofMillis(1500));
    long t0 = System.nanoTime();
    PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF,
        SampleCompany.UTC);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    // The whole pack waits at most about one section timeout, not 30 s per hanging query.
    assertThat(ms).isLessThan(10_000);
    // incident_summary (broken) and dora_metrics (hanging) are out; SLOs, action items, focus remain.
    assertThat(doc.availabilityLine()).isEqualTo("3 of 5 sections available");
    assertThat(doc.partial()).isTrue();
    PackSection incidents = doc.section("incident_summary").orElseThrow();
    assertThat(incidents.unavailableReason()).isEqualTo("source 'pagerduty' unavailable: connection refused; COS-SRC-001");
    assertThat(doc.section("dora_metrics").orElseThrow().unavailableReason()).startsWith("timed out after 1500 ms");
    assertThat(doc.section("slo_performance").orElseThrow().available()).isTrue();

    String md = new PackRenderer().render(doc, PackFormat.MD);
    // The seed's table header and DORA labels are still there, each with the reason.
    assertThat(md).contains("3 of 5 sections available", "| Severity | Count | MTTR (avg) | Repeat? |",
        "| n/a (source 'pagerduty' unavailable: connection refused; COS-SRC-001) |", "- Deployment Frequency: n/a (timed out after 1500 ms");
  }

  @Test
  void aPackWithNoSourceAtAllSaysSoInEverySection() {
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of());
    PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack("daily-standup").orElseThrow(), SampleCompany.AS_OF,
        SampleCompany.UTC);
    assertThat(doc.availabilityLine()).isEqualTo("0 of 4 sections available");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("- Platform Health Score: n/a (no source configured for",
        "- Deployments: n/a (no source configured for scheduled_events", "n/a (no source configured for deployments");
  }

  @Test
  void emptySourceIsNotAFailure() {
    // A source that has incidents but none in the window: counts are zero, MTTR is absent with a reason.
    ScriptedSource quiet = new ScriptedSource("quiet", ScriptedSource.Mode.ANSWER, Map.of(RecordKind.INCIDENTS, List.<Incident>of()));
    PackDocument doc = new PackAssembler(SampleCompany.COMPANY, List.of(quiet))
        .assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    assertThat(doc.section("incident_summary").orElseThrow().available()).isTrue();
    assertThat(new PackRenderer().render(doc, PackFormat.MD)).contains("| P1 | 0[^1] | n/a (no incidents) | no[^1] |");
  }
}
