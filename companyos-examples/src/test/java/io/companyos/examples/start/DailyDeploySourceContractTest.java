package io.companyos.examples.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.examples.start.plugin.DailyDeploySourceProvider;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The getting-started plugin passes the sources TCK. */
class DailyDeploySourceContractTest extends MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new DailyDeploySourceProvider().create(SourceContext.of("deploys", Map.of("days", "30"), clock, Path.of(".")));
  }

  @Test
  void isDiscoveredByServiceLoader() {
    assertThat(SourceRegistry.discover().types()).contains("daily-deploys");
  }

  @Test
  void oneDeploymentADay() {
    try (MetricSource s = createSource(Clock.fixed(NOW, ZoneOffset.UTC))) {
      assertThat(s.records(RecordKind.DEPLOYMENTS, TimeWindow.ending(NOW, Duration.ofDays(7))).rows()).hasSize(7);
      assertThat(s.records(RecordKind.DEPLOYMENTS, TimeWindow.ending(NOW, Duration.ofDays(90))).rows()).hasSize(30);
    }
  }

  @Test
  void aBadDaysOptionIsAConfigurationError() {
    assertThatThrownBy(() -> new DailyDeploySourceProvider().create(
        SourceContext.of("deploys", Map.of("days", "many"), Clock.systemUTC(), Path.of("."))))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("days");
  }
}
