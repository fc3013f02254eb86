package io.companyos.schedule.check;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.sources.MetricSource;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link KillDuringRunTest}: one {@code check --once} of a firing check paging the
 * receiver at {@code args[1]}, with the state in {@code args[0]}. The test kills it while the page is in flight.
 */
public final class KillTarget {
  static final HealthCheck CHECK = new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall");

  private KillTarget() {}

  static MetricSource constant(double value) {
    return ScriptedGauge.of((query, at) -> ScriptedGauge.point(query, Map.of(), at, value));
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
