package io.companyos.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.Field;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackSection;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From the exports to the DORA keys, worked out by hand. */
class DoraFromExportsTest {
  private static final TimeWindow NOVEMBER = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  private static DoraResult dora(String folder) {
    DeliveryExportsSource s = Fixtures.source(folder);
    return DoraMetrics.compute(Fixtures.rows(s, RecordKind.CHANGES), Fixtures.rows(s, RecordKind.DEPLOYMENTS), List.of(), NOVEMBER);
  }

  @Test
  void gitHub() {
    DoraResult r = dora("github");
    // Lead times: #41 2026-11-02 09:00 -> 11-03 10:12 = 25.2 h; #42 11-04 08:00 -> 11-05 11:15 = 27.25 h;
    // #43 11-05 10:00 -> 11:15 = 1.25 h; median 25.2 h. #46 is not deployed.
    assertThat(r.changesDeployed()).isEqualTo(3);
    assertThat(r.leadTimeHoursMedian().getAsDouble()).isCloseTo(25.2, within(1e-9));
    // Deployments 101, 103 (failure), 104.
    assertThat(r.deployments()).isEqualTo(3);
    assertThat(r.failedDeployments()).isEqualTo(1);
    assertThat(r.changeFailureRate().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void gitLab() {
    DoraResult r = dora("gitlab");
    // !12 11-08 13:00 -> 11-09 08:06 = 19.1 h; !13 11-09 10:00 -> 11-10 11:07 = 25 h 7 min; median 22.108333 h.
    assertThat(r.leadTimeHoursMedian().getAsDouble()).isCloseTo((19.1 + 25.0 + 7.0 / 60) / 2, within(1e-9));
    assertThat(r.deployments()).isEqualTo(3);
    assertThat(r.changeFailureRate().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void opsReviewDoraSection() {
    CompanyDefinition company = BuiltinDefinitions.load();
    PackSection s = new PackAssembler(company, List.of(Fixtures.source("github"), new NoIncidents()))
        .assemble(company.pack("ops-review").orElseThrow(), Instant.parse("2026-11-08T12:00:00Z"), ZoneOffset.UTC)
        .section("dora_metrics").orElseThrow();
    // The complete days of the week before the as-of, 2 to 8 November, hold deployments 101, 103 (failed) and 104.
    assertThat(s.window()).isEqualTo(new TimeWindow(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-08T00:00:00Z")));
    assertThat(field(s, "deploy_freq")).isCloseTo(3.0 / 6, within(1e-9));
    assertThat(field(s, "lead_time")).isCloseTo(25.2, within(1e-9));
    assertThat(field(s, "cfr")).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(s.fields().stream().filter(f -> f.key().equals("lead_time")).findFirst().orElseThrow().value().provenance().sourceId())
        .isEqualTo("git");
  }

  /** The section also reads incidents (time to restore); a company without an incident source has none. */
  private static final class NoIncidents implements MetricSource {
    @Override
    public String id() {
      return "none";
    }

    @Override
    public SourceDescription describe() {
      return SourceDescription.of("test", RecordKind.INCIDENTS);
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      return Dataset.inWindow(kind, List.of(), Provenance.of("none", "no incidents", window, Fixtures.NOW));
    }
  }

  private static double field(PackSection s, String key) {
    Field f = s.fields().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    return f.value().value();
  }
}
