package io.companyos.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.source.SourceClaims;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRouterTest {
  /** A source that only describes itself; routing never queries. */
  private record Described(String id, SourceDescription description, SourceClaims claims) implements MetricSource {
    @Override
    public SourceDescription describe() {
      return description;
    }
  }

  private static Described source(String id, Set<String> kinds, List<String> metrics, SourceClaims claims) {
    return new Described(id, new SourceDescription(id, kinds, metrics), claims);
  }

  private static final Described PROMETHEUS = source("prom", Set.of(), List.of("*"), SourceClaims.NONE);
  private static final Described FILES = source("files", Set.of("incidents", "metrics"),
      List.of("companyos:security:critical_cve_count:gauge"), SourceClaims.NONE);
  private static final Described SAMPLE = source("sample", Set.of("incidents", "deployments", "costs", "metrics"),
      List.of("companyos:security:critical_cve_count:gauge", "companyos:service:availability:ratio"), SourceClaims.NONE);

  @Test
  void aPrometheusListedFirstNoLongerHidesTheGaugesOfAFilesSource() {
    SourceRouter r = new SourceRouter(List.of(PROMETHEUS, FILES));
    assertThat(r.forMetric("companyos:security:critical_cve_count:gauge")).containsSame(FILES);
    assertThat(r.forMetric("http_requests_total")).containsSame(PROMETHEUS);
  }

  @Test
  void withoutClaimsTheFirstSourceThatHoldsAKindServesIt() {
    SourceRouter r = new SourceRouter(List.of(FILES, SAMPLE));
    assertThat(r.forKind(RecordKind.INCIDENTS)).containsSame(FILES);
    assertThat(r.forKind(RecordKind.DEPLOYMENTS)).containsSame(SAMPLE);
    assertThat(r.forKind(RecordKind.VULNERABILITIES)).isEmpty();
  }

  /** A source whose metric names take long to list: its description waits until it is released. */
  private static final class SlowToDescribe implements MetricSource {
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicInteger described = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String id() {
      return "files";
    }

    @Override
    public Set<String> recordKinds() {
      return Set.of("incidents");
    }

    @Override
    public SourceDescription describe() {
      described.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SourceDescription("files", Set.of("incidents"), List.of("up"));
    }
  }

  @Test
  void aRecordQueryIsRoutedWithoutWaitingForTheMetricNames() throws Exception {
    SlowToDescribe slow = new SlowToDescribe();
    SourceRouter r = new SourceRouter(List.of(slow, SAMPLE));
    // Another thread asks for a metric: it waits for the description, which is not released yet.
    java.util.concurrent.CompletableFuture<java.util.Optional<MetricSource>> metric =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> r.forMetric("up"));
    // Meanwhile a record query is routed at once from the record kinds alone.
    assertThat(r.forKind(RecordKind.INCIDENTS)).containsSame(slow);
    assertThat(r.forKind(RecordKind.COSTS)).containsSame(SAMPLE);
    assertThat(metric).isNotDone();
    slow.release.countDown();
    assertThat(metric.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsSame(slow);
    assertThat(slow.described).hasValue(1);
  }

  @Test
  void aClaimWinsOverFileOrderAndASourceThatClaimsKindsServesOnlyThose() {
    Described files = source("files", Set.of("incidents", "costs"), List.of(),
        new SourceClaims(List.of("incidents"), List.of(), "sources.yaml:2:5"));
    SourceRouter r = new SourceRouter(List.of(SAMPLE, files));
    assertThat(r.forKind(RecordKind.INCIDENTS)).containsSame(files);
    // files holds costs too, but claims only incidents: costs come from the sample.
    assertThat(r.forKind(RecordKind.COSTS)).containsSame(SAMPLE);
  }

  @Test
  void metricPatternsRouteANamespaceToOneSource() {
    Described prom = source("prom", Set.of(), List.of("*"), new SourceClaims(List.of(), List.of("companyos:*"), "sources.yaml:6:5"));
    SourceRouter r = new SourceRouter(List.of(SAMPLE, prom));
    assertThat(r.forMetric("companyos:service:availability:ratio")).containsSame(prom);
    // A source with metric claims answers only those: other names fall to the sources that hold them.
    assertThat(r.forMetric("http_requests_total")).isEmpty();
  }

  @Test
  void aCheckQueryGoesToTheSourceOfTheMetricItNames() {
    SourceRouter r = new SourceRouter(List.of(PROMETHEUS, FILES));
    assertThat(r.forQuery("max by (service) (companyos:security:critical_cve_count:gauge{env=\"prod\"}) > 0"))
        .containsSame(FILES);
    assertThat(r.forQuery("sum(rate(http_requests_total{code=~\"5..\"}[5m]))")).containsSame(PROMETHEUS);
  }

  @Test
  void metricNamesAreTheIdentifiersOutsideMatchersRangesAndCalls() {
    assertThat(SourceRouter.metricNames("companyos:service:error_budget_burn_rate:ratio"))
        .containsExactly("companyos:service:error_budget_burn_rate:ratio");
    assertThat(SourceRouter.metricNames(
        "sum by (service) (rate(errors_total{job=\"api\"}[5m])) / ignoring (code) sum(rate(requests_total[5m] offset 1h))"))
        .containsExactly("errors_total", "requests_total");
    assertThat(SourceRouter.metricNames("vector(1) > bool 0")).isEmpty();
  }

  @Test
  void aClaimedKindTheSourceDoesNotHoldIsReportedAtTheSourcesLine() {
    Described prom = source("prom", Set.of(), List.of("*"), new SourceClaims(List.of("incidents"), List.of(), "sources.yaml:6:5"));
    Described files = source("files", Set.of("incidents"), List.of(), new SourceClaims(List.of(), List.of("up"), "sources.yaml:2:5"));
    SourceRouter router = new SourceRouter(List.of(prom, files));
    assertThat(router.unservedClaims()).map(SourceRouter.Unserved::oneLine).containsExactly(
        "sources.yaml:6:5: COS-SRC-006 source 'prom' claims record kind 'incidents', which it does not hold (it holds: none)",
        "sources.yaml:2:5: COS-SRC-006 source 'files' claims metrics [up] but answers no metric queries");
    org.assertj.core.api.Assertions.assertThatThrownBy(router::requireServedClaims)
        .isInstanceOfSatisfying(SourceRouteException.class, e -> assertThat(e.oneLine()).startsWith(
            "sources.yaml:6:5: COS-SRC-006 source 'prom' claims record kind 'incidents', which it does not hold "
                + "(it holds: none) (and 1 more unserved routes)"));
  }
}
