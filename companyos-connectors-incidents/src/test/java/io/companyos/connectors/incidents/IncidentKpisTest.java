package io.companyos.connectors.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.incident.IncidentStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the PagerDuty fixtures to the numbers the packs show: MTTR per severity, DORA time to restore, the ops review. */
class IncidentKpisTest {
  private static final TimeWindow NOVEMBER = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  private static List<Incident> pagerDuty() {
    return Fixtures.incidents(Fixtures.source("pagerduty", Map.of()));
  }

  @Test
  void mttrPerSeverity() {
    IncidentStats.Summary s = IncidentStats.summarize(pagerDuty(), NOVEMBER, List.of("P1", "P2", "P3", "P4"), Duration.ofDays(30));
    // P1: 1.5 h (PA1B2C3) and 0.75 h (PN4P5Q6) -> mean 1.125 h; P2: 4 h; P3: 2.5 h (the log entry's resolve); P4 open.
    assertThat(s.bySeverity().get(0).count()).isEqualTo(2);
    assertThat(s.bySeverity().get(0).mttrHoursMean().getAsDouble()).isCloseTo(1.125, within(1e-9));
    assertThat(s.bySeverity().get(1).mttrHoursMean().getAsDouble()).isCloseTo(4.0, within(1e-9));
    assertThat(s.bySeverity().get(2).mttrHoursMean().getAsDouble()).isCloseTo(2.5, within(1e-9));
    assertThat(s.bySeverity().get(3).mttrHoursMean()).isEmpty();
    assertThat(s.total()).isEqualTo(5);
    assertThat(s.open()).isEqualTo(1);
  }

  @Test
  void doraTimeToRestoreIsTheMedianOfTheResolvedOnes() {
    DoraResult r = DoraMetrics.compute(List.of(), List.of(), pagerDuty(), NOVEMBER);
    // Resolved in November: 0.75, 1.5, 2.5, 4 h -> median (1.5 + 2.5) / 2 = 2 h.
    assertThat(r.incidentsResolved()).isEqualTo(4);
    assertThat(r.timeToRestoreHoursMedian().getAsDouble()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void opsReviewIncidentSummary() {
    CompanyDefinition company = BuiltinDefinitions.load();
    PackDocument doc = new PackAssembler(company, List.of(Fixtures.source("pagerduty", Map.of())))
        .assemble(company.pack("ops-review").orElseThrow(), Instant.parse("2026-11-08T12:00:00Z"), ZoneOffset.UTC);
    PackSection s = doc.section("incident_summary").orElseThrow();
    List<List<MetricValue>> rows = s.tables().get(0).rows();
    // The 7 days before Sunday 8 November, noon (lookback: 7d): PA1B2C3 (P1, 1.5 h) and PD4E5F6 (P2, 4 h, counted once over two pages).
    assertThat(rows).extracting(r -> r.get(0).text() + "=" + Math.round(r.get(1).value()) + "/" + r.get(2).value())
        .containsExactly("P1=1/1.5", "P2=1/4.0");
    assertThat(rows.get(0).get(1).provenance().sourceId()).isEqualTo("oncall");
  }
}
