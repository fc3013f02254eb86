package io.companyos.sources.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Series;
import io.companyos.sources.SourceUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whatever body and status an HTTP server answers a query with, the Prometheus source gives series (finite values only,
 * inside the asked window when there is one) or a {@link BadDataException} or {@link SourceUnavailableException}; never
 * another exception, and never a point read from a time that is not a number. The last byte picks the status and
 * whether a window was asked, the rest is the body. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/sources/prometheus/PrometheusAnswerFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class PrometheusAnswerFuzzTest {
  private static final int[] STATUS = {200, 400, 422, 500, 503, 302, 404, 200};
  private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2023-11-14T00:00:00Z"), Instant.parse("2023-11-15T00:00:00Z"));
  private static final PrometheusSource SOURCE = new PrometheusSource("prom", URI.create("http://127.0.0.1:9/"), null,
      Duration.ofSeconds(1), Clock.systemUTC());

  @FuzzTest(maxDuration = "3m")
  void anyAnswerGivesSeriesOrASourceError(FuzzedDataProvider data) {
    int pick = data.consumeInt(0, 2 * STATUS.length - 1);
    int status = STATUS[pick % STATUS.length];
    TimeWindow window = pick >= STATUS.length ? WINDOW : null;
    String body = data.consumeRemainingAsString();
    PrometheusSource.Parsed parsed;
    try {
      parsed = SOURCE.answer(status, body, "up", window);
    } catch (BadDataException e) {
      assertThat(e.getMessage()).contains("query: up");
      return;
    } catch (SourceUnavailableException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(parsed.dropped()).isNotNegative();
    for (Series s : parsed.series()) {
      assertThat(s.metric()).isNotNull();
      assertThat(s.labels()).doesNotContainKey("__name__");
      for (Series.Point p : s.points()) {
        assertThat(p.value()).isFinite();
        assertThat(p.timestamp()).isAfterOrEqualTo(Instant.EPOCH).isBefore(Instant.parse("9999-12-31T23:59:59.999Z").plusMillis(1));
        if (window != null) {
          assertThat(window.contains(p.timestamp())).as(body).isTrue();
        }
      }
    }
  }
}
