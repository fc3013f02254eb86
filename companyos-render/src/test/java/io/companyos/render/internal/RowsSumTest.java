package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLO tables' sums of counter points: exact, so the order of series and points cannot change them. */
class RowsSumTest {
  private static final Instant T = Instant.parse("2026-11-23T00:00:00Z");

  private static Series series(String service, double... values) {
    List<Series.Point> points = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Series.Point(T.plusSeconds(60L * i), values[i]));
    }
    return new Series("companyos:slo:errors:count", Map.of("service", service), points);
  }

  private static Dataset<Series> of(Series... s) {
    return Dataset.of(List.of(s), Provenance.of("test", "q", new TimeWindow(T, T.plusSeconds(3600)), T));
  }

  @Test
  void sumsAreExactDecimalsWhateverTheOrder() {
    // In doubles 0.6 + 0.7 + 0.2 = 1.4999999999999998 (an SLO table rounds that to 1 error); the decimals make 1.5.
    assertThat(0.6 + 0.7 + 0.2).isEqualTo(1.4999999999999998);
    Map<String, Double> one = Rows.sumBy(of(series("api", 0.6, 0.7), series("api", 0.2), series("web")), "service");
    Map<String, Double> other = Rows.sumBy(of(series("web"), series("api", 0.2), series("api", 0.7, 0.6)), "service");
    assertThat(one).containsExactly(Map.entry("api", 1.5), Map.entry("web", 0.0));
    assertThat(other).isEqualTo(one);
  }

  @Test
  void aValueThatIsNotFiniteStaysInTheSum() {
    assertThat(Rows.sumBy(of(series("api", 1, Double.NaN)), "service").get("api")).isNaN();
    assertThat(Rows.sumBy(of(series("api", 1, Double.POSITIVE_INFINITY)), "service").get("api")).isInfinite();
  }
}
