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
 * before T0+2h that is 12,000 requests and 60 failures, whichever spec's query form counts them.
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
    assertThat(company.slos().slos()).hasSize(4);

    Instant asOf = PrometheusServer.T0.plus(Duration.ofHours(2));
    MetricSource prom = new PrometheusSourceProvider().create(SourceContext.of("prom", Map.of("url", server.url.toString()),
        Clock.fixed(asOf, ZoneOffset.UTC), dir));
    PackDocument doc = new PackAssembler(company, List.of(prom)).assemble(company.pack("slo-check").orElseThrow(), asOf, ZoneOffset.UTC);
    PackSection slo = doc.section("slo_performance").orElseThrow();
    assertThat(slo.available()).as(String.valueOf(slo.unavailableReason())).isTrue();
    Map<String, List<MetricValue>> rows = new java.util.LinkedHashMap<>();
    slo.tables().get(0).rows().forEach(r -> rows.put(r.get(0).text(), r));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("checkout-openslo", "checkout-sloth", "checkout-pyrra", "checkout-datadog");

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
    // A spec whose metric source is not Prometheus is listed, with the reason.
    assertThat(rows.get("checkout-datadog").get(2).text()).isEqualTo("n/a (metric source datadog not configured)");
  }
}
