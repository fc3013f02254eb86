package io.companyos.examples.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example plugin runs the contract tests like any third-party source would. */
class ReleaseLogSourceContractTest extends MetricSourceContract {
  static final Path DIR = Path.of("src", "test", "resources", "releases");

  @Override
  protected MetricSource createSource(Clock clock) {
    return new ReleaseLogSourceProvider().create(SourceContext.of("releases", Map.of("file", "releases.json"), clock, DIR));
  }

  @Test
  void isDiscoveredByServiceLoader() {
    assertThat(SourceRegistry.discover().types()).contains("release-log");
  }

  @Test
  void releasesBecomeDeploymentsAndCommitsBecomeChanges() {
    try (MetricSource s = createSource(Clock.systemUTC())) {
      TimeWindow nov = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"));
      List<Deployment> d = s.records(RecordKind.DEPLOYMENTS, nov).rows();
      assertThat(d).containsExactly(
          new Deployment("r-1", Instant.parse("2026-11-03T10:00:00Z"), List.of("a1", "a2"), DeployStatus.SUCCESS),
          new Deployment("r-2", Instant.parse("2026-11-12T15:30:00Z"), List.of("b1"), DeployStatus.FAILURE));
      assertThat(s.records(RecordKind.CHANGES, TimeWindow.ending(Instant.parse("2026-11-04T00:00:00Z"), Duration.ofDays(3))).rows())
          .extracting(c -> c.changeId()).containsExactly("a1", "a2");
    }
  }
}
