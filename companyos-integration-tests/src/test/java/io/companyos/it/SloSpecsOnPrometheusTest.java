package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.render.MetricValue;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.prometheus.PrometheusServer;
import io.companyos.sources.prometheus.PrometheusSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLOs written as OpenSLO, Sloth and Pyrra specs in the company folder's {@code slos/}, computed from a real Prometheus
 * loaded with a known counter: checkout serves 1,000 requests every five minutes, 5 of them failing (0.5%). Over the hour
 * before T0+2h that is 12,000 requests and 60 failures, whichever spec's query form counts them. Each row from its file
 * to the ops review: target, attainment, budget left and burn-rate tier.
 */
class SloSpecsOnPrometheusTest {
  static final String OPENSLO = """
      apiVersion: openslo/v1
      kind: SLI
      metadata:
        name: checkout-good
      spec:
        ratioMetric:
          counter: true
          good:
            metricSource:
              type: Prometheus
              spec:
                query: http_requests_total{service="checkout",code!~"5.."}
          total:
            metricSource:
              type: Prometheus
              spec:
                query: http_requests_total{service="checkout"}
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-openslo
      spec:
        service: checkout
        indicatorRef: checkout-good
        timeWindow:
          - duration: 28d
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - target: 0.999
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-datadog
      spec:
        service: checkout
        indicator:
          metadata:
            name: dd
          spec:
            ratioMetric:
              counter: true
              good:
                metricSource:
                  type: Datadog
                  spec:
                    query: sum:requests.ok{*}.as_count()
              total:
                metricSource:
                  type: Datadog
                  spec:
                    query: sum:requests{*}.as_count()
        objectives:
          - target: 0.99
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-burn-threshold
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-burn-gauge
          spec:
            thresholdMetric:
              metricSource:
                type: Prometheus
                spec:
                  query: companyos:service:error_budget_burn_rate:ratio{service="checkout"}
        timeWindow:
          - duration: 7d
            isRolling: true
        budgetingMethod: Timeslices
        objectives:
          - op: lte
            value: 0.5
            target: 0.99
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-raw-good
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-good-ratio
          spec:
            ratioMetric:
              counter: false
              rawType: success
              raw:
                metricSource:
                  type: Prometheus
                  spec:
                    query: sum(rate(http_requests_total{service="checkout",code!~"5.."}[10m])) / sum(rate(http_requests_total{service="checkout"}[10m]))
        timeWindow:
          - duration: 7d
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - target: 0.99
      """;
  static final String SLOTH = """
      version: "prometheus/v1"
      service: "checkout"
      slos:
        - name: "sloth"
          objective: 99.5
          sli:
            events:
              errorQuery: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}]))
              totalQuery: sum(rate(http_requests_total{service="checkout"}[{{.window}}]))
          alerting:
            name: CheckoutErrors
        - name: "tight"
          objective: 99.8
          sli:
            events:
              errorQuery: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}]))
              totalQuery: sum(rate(http_requests_total{service="checkout"}[{{.window}}]))
        - name: "raw"
          objective: 99.8
          sli:
            raw:
              errorRatioQuery: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total{service="checkout"}[{{.window}}]))
      """;
  static final String PYRRA = """
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: checkout-pyrra
        labels:
          service: checkout
      spec:
        target: "99"
        window: 4w
        indicator:
          ratio:
            errors:
              metric: http_requests_total{service="checkout",code="500"}
            total:
              metric: http_requests_total{service="checkout"}
      """;
  static final String PACK = """
      name: "SLO check"
      schedule: "0 8 * * 1"
      recipients:
        - role: sre_team
      sections:
        - type: slo_performance
          lookback: 1h
      """;

  @Test
  void eachSpecsSloRowIsComputedFromTheQueriesAsWritten(@TempDir Path dir) throws IOException {
    PrometheusServer server = PrometheusServer.get();
    Files.createDirectories(dir.resolve("slos"));
    Files.createDirectories(dir.resolve("meeting-packs"));
    Files.writeString(dir.resolve("slos/checkout.openslo.yaml"), OPENSLO);
    Files.writeString(dir.resolve("slos/checkout.sloth.yaml"), SLOTH);
    Files.writeString(dir.resolve("slos/checkout.pyrra.yaml"), PYRRA);
    Files.writeString(dir.resolve("meeting-packs/slo-check.yaml"), PACK);
    CompanyDefinition company = CompanyFolder.of(List.of(dir)).load();
    assertThat(company.slos().slos()).hasSize(8);
    assertThat(company.slos().warnings()).noneMatch(w -> w.contains("raw"));

    Instant asOf = PrometheusServer.T0.plus(Duration.ofHours(2));
    MetricSource prom = new PrometheusSourceProvider().create(SourceContext.of("prom", Map.of("url", server.url.toString()),
        Clock.fixed(asOf, ZoneOffset.UTC), dir));
    PackDocument doc = new PackAssembler(company, List.of(prom)).assemble(company.pack("slo-check").orElseThrow(), asOf, ZoneOffset.UTC);
    PackSection slo = doc.section("slo_performance").orElseThrow();
    assertThat(slo.available()).as(String.valueOf(slo.unavailableReason())).isTrue();
    Map<String, List<MetricValue>> rows = new java.util.LinkedHashMap<>();
    slo.tables().get(0).rows().forEach(r -> rows.put(r.get(0).text(), r));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("checkout-openslo", "checkout-burn-threshold", "checkout-sloth",
        "checkout-tight", "checkout-pyrra", "checkout-datadog", "checkout-raw", "checkout-raw-good");
    // With SLO specs the table has the burn-tier column.
    assertThat(slo.tables().get(0).columns()).containsExactly("Service", "SLO Target", "Actual", "Budget Remaining", "Burn Tier");

    // 12,000 requests, 60 failed: attainment 99.5% for every spec, each against its own target.
    // OpenSLO 99.9%: budget (0.001 - 0.005) / 0.001 = -400%. Sloth 99.5%: exactly spent, 0%. Pyrra 99%: half left, 50%.
    for (String name : List.of("checkout-openslo", "checkout-sloth", "checkout-pyrra")) {
      assertThat(rows.get(name).get(2).value()).as(name + " attainment").isCloseTo(99.5, within(1e-9));
    }
    assertThat(rows.get("checkout-openslo").get(1).value()).isCloseTo(99.9, within(1e-9));
    assertThat(rows.get("checkout-openslo").get(3).value()).isCloseTo(-400.0, within(1e-6));
    assertThat(rows.get("checkout-sloth").get(3).value()).isCloseTo(0.0, within(1e-6));
    assertThat(rows.get("checkout-pyrra").get(3).value()).isCloseTo(50.0, within(1e-6));
    // The evidence names the counts and the file the SLO was written in.
    assertThat(rows.get("checkout-openslo").get(2).evidence()).singleElement().asString()
        .startsWith("checkout-openslo: 12000 events, 60 bad, target 99.9% (").endsWith("checkout.openslo.yaml:19:1 (OpenSLO v1))");
    // Sloth's second SLO at 99.8%: budget (0.002 - 0.005) / 0.002 = -150%.
    assertThat(rows.get("checkout-tight").get(2).value()).isCloseTo(99.5, within(1e-9));
    assertThat(rows.get("checkout-tight").get(3).value()).isCloseTo(-150.0, within(1e-6));

    // Burn tiers at T0+2h. The error ratio is 0.5% in every window (the counters grow from T0, so the 1d and 3d
    // windows see the same two hours), so the burn rate is 0.005 / (1 - objective) everywhere:
    //   OpenSLO 99.9%: 5. Not above 14.4 (1h/5m) or 6 (6h/30m); above 3 over 1d and 2h: the 3x ticket tier.
    //   Sloth 99.8%: 2.5. Not above 3; above 1 over 3d and 6h: the 1x ticket tier.
    //   Pyrra 99%: 0.5. No tier fires: "none".
    //   (Sloth 99.5% burns at exactly 1, where the rounding of extrapolated counts decides; not asserted.)
    assertThat(rows.get("checkout-openslo").get(4).text()).isEqualTo("3x ticket (1d/2h)");
    assertThat(rows.get("checkout-tight").get(4).text()).isEqualTo("1x ticket (3d/6h)");
    assertThat(rows.get("checkout-pyrra").get(4).text()).isEqualTo("none");

    // The threshold SLI: checkout's burn-rate gauge is 0.25 throughout, at most 0.5 in every one-minute sample of the
    // hour, so every sample is good: attainment 100%, budget untouched (100%), no tier.
    assertThat(rows.get("checkout-burn-threshold").get(2).value()).isCloseTo(100.0, within(1e-9));
    assertThat(rows.get("checkout-burn-threshold").get(3).value()).isCloseTo(100.0, within(1e-9));
    assertThat(rows.get("checkout-burn-threshold").get(4).text()).isEqualTo("none");
    assertThat(rows.get("checkout-burn-threshold").get(2).evidence()).singleElement().asString()
        .startsWith("checkout-burn-threshold: ").contains(" events, 0 bad, target 99%");

    // Raw ratios, computed by Prometheus from the same counter: Sloth's error ratio with the window put in, and an
    // OpenSLO good-ratio series averaged over the hour (0.995 in every one-minute sample). Same 99.5% attainment;
    // Sloth raw at 99.8%: -150% and burn 2.5, the 1x ticket tier, like its events twin; OpenSLO raw at 99%: 50%, none.
    // No event counts: the evidence says so.
    assertThat(rows.get("checkout-raw").get(2).value()).isCloseTo(99.5, within(1e-6));
    assertThat(rows.get("checkout-raw").get(3).value()).isCloseTo(-150.0, within(1e-4));
    assertThat(rows.get("checkout-raw").get(4).text()).isEqualTo("1x ticket (3d/6h)");
    assertThat(rows.get("checkout-raw").get(2).evidence()).singleElement().asString()
        .startsWith("checkout-raw: error ratio 0.5% (a ratio query, no event counts), target 99.8% (");
    assertThat(rows.get("checkout-raw-good").get(2).value()).isCloseTo(99.5, within(1e-6));
    assertThat(rows.get("checkout-raw-good").get(3).value()).isCloseTo(50.0, within(1e-4));
    assertThat(rows.get("checkout-raw-good").get(4).text()).isEqualTo("none");

    // A spec whose metric source is not Prometheus is listed, with the reason, in every column.
    assertThat(rows.get("checkout-datadog").get(2).text()).isEqualTo("n/a (metric source datadog not configured)");
    assertThat(rows.get("checkout-datadog").get(4).text()).isEqualTo("n/a (metric source datadog not configured)");
  }
}
