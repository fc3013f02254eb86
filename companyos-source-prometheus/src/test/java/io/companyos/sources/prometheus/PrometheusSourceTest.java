package io.companyos.sources.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.check.Threshold;
import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Series;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries against a real Prometheus holding the backfilled series of {@link PrometheusServer}. */
class PrometheusSourceTest {
  static final Instant T0 = PrometheusServer.T0;
  static PrometheusServer server;
  static MetricSource source;

  @BeforeAll
  static void startPrometheus() {
    server = PrometheusServer.get();
    source = new PrometheusSourceProvider().create(SourceContext.of("prom", Map.of("url", server.url.toString()),
        Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC), Path.of(".")));
  }

  static Instant at(int hours, int minutes) {
    return T0.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
  }

  @Test
  void anInstantQueryReturnsTheLatestSampleWithProvenance() {
    Dataset<Series> ds = source.instant(MetricNames.CRITICAL_CVE_COUNT, at(3, 0));
    assertThat(ds.rows()).hasSize(1);
    Series s = ds.rows().get(0);
    assertThat(s.metric()).isEqualTo(MetricNames.CRITICAL_CVE_COUNT);
    assertThat(s.points()).containsExactly(new Series.Point(at(3, 0), 2.0)); // 2 from T0+1h on
    assertThat(ds.provenance().query())
        .isEqualTo("PromQL " + MetricNames.CRITICAL_CVE_COUNT + " @ " + server.url + "api/v1/query");
    assertThat(ds.provenance().window()).isEqualTo(TimeWindow.ending(at(3, 0), Duration.ofMinutes(5)));
    assertThat(ds.provenance().sourceId()).isEqualTo("prom");
  }

  @Test
  void vectorsKeepTheirLabelsInADeterministicOrder() {
    List<Series> rows = source.instant(MetricNames.ERROR_BUDGET_BURN_RATE, at(3, 0)).rows();
    assertThat(rows).extracting(s -> s.labels().get("service")).containsExactly("checkout", "search");
    assertThat(rows).extracting(s -> s.points().get(0).value()).containsExactly(0.25, 0.5);
  }

  @Test
  void promqlPassesThroughAndFeedsTheSeedHealthCheck() {
    // During [T0+2h, T0+2h30m) search burns at 20: max() over services is 20, and the seed's "> 6" fires.
    double max = source.instant("max(" + MetricNames.ERROR_BUDGET_BURN_RATE + ")", at(2, 10)).rows().get(0).points().get(0).value();
    assertThat(max).isEqualTo(20.0);
    assertThat(Threshold.parse("> 6").test(max)).isTrue();
  }

  @Test
  void aRangeQueryReturnsPointsInsideTheHalfOpenWindow() {
    // Steps at 1:00, 1:15, ..., 2:45 (3:00 is the window's end, excluded): 8 points; 20 at 2:00 and 2:15 only.
    Dataset<Series> ds = source.range(MetricNames.ERROR_BUDGET_BURN_RATE + "{service=\"search\"}",
        new TimeWindow(at(1, 0), at(3, 0)), Duration.ofMinutes(15));
    List<Series.Point> points = ds.rows().get(0).points();
    assertThat(points).extracting(Series.Point::value).containsExactly(0.5, 0.5, 0.5, 0.5, 20.0, 20.0, 0.5, 0.5);
    assertThat(points.get(0).timestamp()).isEqualTo(at(1, 0));
    assertThat(ds.provenance().query()).endsWith("api/v1/query_range");
  }

  @Test
  void scalarsBecomeASeriesWithoutLabelsAndNaNIsDroppedNotZero() {
    Series s = source.instant("scalar(" + MetricNames.CRITICAL_CVE_COUNT + ")", at(3, 0)).rows().get(0);
    assertThat(s.labels()).isEmpty();
    assertThat(s.points().get(0).value()).isEqualTo(2.0);
    Dataset<Series> nan = source.instant("0/0", at(3, 0));
    assertThat(nan.rows()).isEmpty();
    assertThat(nan.provenance().query()).endsWith("(1 NaN/Inf samples dropped)");
  }

  @Test
  void badPromqlAndStringsAreTypedBadData() {
    assertThatThrownBy(() -> source.instant("sum(", at(3, 0))).isInstanceOf(BadDataException.class)
        .hasMessageContaining("Prometheus rejected the query (bad_data)");
    assertThatThrownBy(() -> source.instant("\"hello\"", at(3, 0))).isInstanceOf(BadDataException.class)
        .hasMessageContaining("returned a string");
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    MetricSource down = new PrometheusSourceProvider().create(SourceContext.of("down", Map.of("url", "http://127.0.0.1:" + port),
        Clock.systemUTC(), Path.of(".")));
    assertThatThrownBy(() -> down.instant("up", at(3, 0))).isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("did not answer");
  }
}
