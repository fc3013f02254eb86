package io.companyos.schedule.check;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child process of {@link KillDuringRunTest}: one {@code check --once} of a firing check paging the
 * receiver at {@code args[1]}, with the state in {@code args[0]}. The test kills it while the page is in flight.
 */
public final class KillTarget {
  static final HealthCheck CHECK = new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall");

  private KillTarget() {}

  static MetricSource constant(double value) {
    return new MetricSource() {
      @Override
      public String id() {
        return "scripted";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("scripted", Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        List<Series> rows = List.of(new Series(query, Map.of(), List.of(new Series.Point(at, value))));
        return new Dataset<>(rows, new Provenance("scripted", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at, 1));
      }
    };
  }

  static HealthCheckRunner runner(String pagerDutyUrl, double value) {
    Map<String, String> env = Map.of("COMPANYOS_PAGERDUTY_ROUTING_KEY", "rk-123", "COMPANYOS_PAGERDUTY_URL", pagerDutyUrl);
    return new HealthCheckRunner(List.of(CHECK), List.of(constant(value)), ActionRegistry.discover(),
        new ActionContext(env::get, HttpClient.newHttpClient(), Duration.ofSeconds(60)),
        HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN));
  }

  public static void main(String[] args) {
    try (CheckStateStore state = CheckStateStore.open(Path.of(args[0]))) {
      runner(args[1], 10).runOnce(Instant.parse(args[2]), state);
    }
  }
}
