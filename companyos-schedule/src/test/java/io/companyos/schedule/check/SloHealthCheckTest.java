package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.HealthCheck.SloMeasure;
import io.companyos.model.check.HealthCheck.SloTarget;
import io.companyos.model.check.Threshold;
import io.companyos.model.slo.specs.SloSpecs;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health checks on an SLO spec's attainment, budget, burn rate and burn tier, counted from the spec's queries. */
class SloHealthCheckTest {
  static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

  /** A Pyrra ratio SLO at 99% over 28 days: errors and total counters. */
  static final SloSpecs SPECS = SloSpecs.parse("slos/api.yaml", """
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: api-errors
        labels:
          service: api
      spec:
        target: "99"
        window: 28d
        indicator:
          ratio:
            errors:
              metric: http_requests_total{job="api",code=~"5.."}
            total:
              metric: http_requests_total{job="api"}
      """);

  /** Answers {@code sum(increase(…[Ns]))} from a table of (seconds → total, errors); any PromQL. */
  static final class Counters implements MetricSource {
    final Map<String, Double> values = new HashMap<>();

    Counters window(long seconds, double total, double errors) {
      values.put("sum(increase(http_requests_total{job=\"api\"}[" + seconds + "s]))", total);
      values.put("sum(increase(http_requests_total{job=\"api\",code=~\"5..\"}[" + seconds + "s]))", errors);
      return this;
    }

    @Override
    public String id() {
      return "prom";
    }

    @Override
    public SourceDescription describe() {
      return SourceDescription.of("prometheus", List.of(), List.of("*"));
    }

    @Override
    public Dataset<Series> instant(String query, Instant at) {
      Provenance p = Provenance.of("prom", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at);
      Double v = values.get(query);
      return Dataset.of(v == null ? List.of() : List.of(new Series("q", Map.of(), List.of(new Series.Point(at, v)))), p);
    }
  }

  static HealthCheck check(String name, SloMeasure m, String threshold) {
    return HealthCheck.ofSlo(name, new SloTarget("api-errors", m), Threshold.parse(threshold), "log", false, null);
  }

  static List<CheckResult> run(Counters source, HealthCheck... checks) {
    return new HealthCheckRunner(List.of(checks), source, ActionRegistry.discover(),
        new ActionContext(k -> null, HttpClient.newHttpClient(), Duration.ofSeconds(1)), HealthCheckRunner.DEFAULT_COOLDOWN)
        .withSlos(SPECS).evaluate(AT);
  }

  @Test
  void attainmentAndBudgetOverTheSpecsWindowBurnOverTheHourTierOverFourPairs() {
    // 28 days = 2419200 s: 1,000,000 requests, 4,000 errors -> attainment 0.996; budget (0.01 - 0.004) / 0.01 = 0.6.
    // The last hour: 36,000 requests, 1,800 errors -> error ratio 0.05, burn 5. 5m: 3,000 / 200 -> burn 6.67.
    // 30m 18,000 / 900 -> 5; 6h 216,000 / 5,400 -> 2.5; 2h 72,000 / 3,600 -> 5; 1d 90,000 / 3,600 -> 4;
    // 3d 270,000 / 3,600 -> 1.33. Tiers: 14.4x needs 1h > 14.4 (5): no. 6x needs 6h > 6 (2.5): no. 3x needs 1d (4) and
    // 2h (5) > 3: yes. 1x fires too (1.33 and 2.5), but the fastest firing tier decides: 3.
    Counters c = new Counters().window(2_419_200, 1_000_000, 4_000).window(3600, 36_000, 1_800).window(300, 3_000, 200)
        .window(1800, 18_000, 900).window(21_600, 216_000, 5_400).window(7200, 72_000, 3_600).window(86_400, 90_000, 3_600)
        .window(259_200, 270_000, 3_600);
    List<CheckResult> r = run(c, check("Attainment", SloMeasure.ATTAINMENT, "< 0.999"), check("Budget", SloMeasure.BUDGET_REMAINING, "< 0.5"),
        check("Burn", SloMeasure.BURN_RATE, "> 6"), check("Tier", SloMeasure.BURN_TIER, ">= 3"));
    assertThat(r.get(0).value()).isCloseTo(0.996, within(1e-12));
    assertThat(r.get(0).status()).isEqualTo(CheckStatus.FIRING);
    assertThat(r.get(0).labels()).containsEntry("slo", "api-errors").containsEntry("service", "api");
    assertThat(r.get(1).value()).isCloseTo(0.6, within(1e-9));
    assertThat(r.get(1).status()).isEqualTo(CheckStatus.OK);
    assertThat(r.get(2).value()).isCloseTo(5, within(1e-9));
    assertThat(r.get(2).status()).isEqualTo(CheckStatus.OK);
    assertThat(r.get(3).value()).isEqualTo(3.0);
    assertThat(r.get(3).status()).isEqualTo(CheckStatus.FIRING);
    assertThat(r.get(3).check().query()).isEqualTo("slo api-errors burn_tier");
    assertThat(r.get(0).provenance()).isNotNull();
  }

  @Test
  void healthChecksYamlNamesTheSloAndTheMeasure() {
    io.companyos.model.check.HealthChecks hc = new io.companyos.model.config.DefinitionLoader().parseHealthChecks("health-checks.yaml", """
        health_checks:
          - name: "API budget"
            slo: api-errors
            measure: budget_remaining
            threshold: "< 0.25"
            action: page_oncall
        """);
    HealthCheck c = hc.checks().get(0);
    assertThat(c.slo()).isEqualTo(new SloTarget("api-errors", SloMeasure.BUDGET_REMAINING));
    assertThat(c.query()).isEqualTo("slo api-errors budget_remaining");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.companyos.model.config.DefinitionLoader().parseHealthChecks("h.yaml", """
        health_checks:
          - name: "API budget"
            slo: api-errors
            measure: budget
            threshold: "< 0.25"
            action: page_oncall
        """)).isInstanceOfSatisfying(io.companyos.model.config.ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.file() + ":" + p.line() + ":" + p.column() + " " + p.code().code())
                .isEqualTo("h.yaml:4:14 COS-YAML-006")));
  }

  @Test
  void noEventsIsNoDataAndAnUnknownSloIsAnError() {
    List<CheckResult> r = run(new Counters(), check("Attainment", SloMeasure.ATTAINMENT, "< 0.999"));
    assertThat(r.get(0).status()).isEqualTo(CheckStatus.NO_DATA);
    HealthCheck unknown = HealthCheck.ofSlo("X", new SloTarget("nope", SloMeasure.ATTAINMENT), Threshold.parse("< 0.9"), "log", false, null);
    CheckResult e = run(new Counters(), unknown).get(0);
    assertThat(e.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(e.detail()).isEqualTo("no SLO spec named 'nope' (companyos slos list)");
  }
}
