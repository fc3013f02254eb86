package io.companyos.sources.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Series;
import io.companyos.sources.SourceUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Answers a real server would rarely give, read without a server: what is kept, what is dropped. */
class PrometheusAnswerTest {
  static final PrometheusSource SOURCE = new PrometheusSource("prom", URI.create("http://127.0.0.1:9/"), null,
      Duration.ofSeconds(1), Clock.systemUTC());

  @Test
  void aSampleWhoseTimeIsNotASecondCountIsDroppedNotReadAs1970() {
    // A time as a string, an overflowing double, a negative time and one past the year 9999: four dropped samples.
    PrometheusSource.Parsed p = SOURCE.answer(200, """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{},"value":["1699920000","1"]},{"metric":{},"value":[1e400,"1"]},
          {"metric":{},"value":[-5,"1"]},{"metric":{},"value":[99999999999999999999999999,"1"]}]}}""", "up", null);
    assertThat(p.series()).isEmpty();
    assertThat(p.dropped()).isEqualTo(4);
  }

  @Test
  void aRangeAnswerKeepsFiniteSamplesOfTheHalfOpenWindow() {
    TimeWindow day = new TimeWindow(Instant.parse("2023-11-14T00:00:00Z"), Instant.parse("2023-11-15T00:00:00Z"));
    // 1699920000 is 2023-11-14T00:00:00Z; 1700006400 is the window's end, which Prometheus includes and we do not.
    PrometheusSource.Parsed p = SOURCE.answer(200, """
        {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":"checkout"},
          "values":[[1699920000,"0.25"],[1699923600,"NaN"],[1700006400,"1"],[1699930000,"+Inf"]]}]}}""", "up", day);
    assertThat(p.series()).singleElement().satisfies(s -> {
      assertThat(s.labels()).containsEntry("service", "checkout");
      assertThat(s.points()).containsExactly(new Series.Point(Instant.parse("2023-11-14T00:00:00Z"), 0.25));
    });
    assertThat(p.dropped()).isEqualTo(2); // NaN and +Inf
  }

  @Test
  void aBodyThatIsNotJsonOrIsJsonNullIsAnUnavailableSource() {
    assertThatThrownBy(() -> SOURCE.answer(302, "<html>Moved</html>", "up", null))
        .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("HTTP 302 from http://127.0.0.1:9 is not a Prometheus API answer");
    assertThatThrownBy(() -> SOURCE.answer(200, "null", "up", null))
        .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("HTTP 200 from http://127.0.0.1:9 is not a Prometheus API answer (a JSON null)");
    assertThatThrownBy(() -> SOURCE.answer(200, "", "up", null)).isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("(no body)");
  }
}
