package io.companyos.scoring.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window rule: a precomputed value stands for a KPI only over exactly its own window and key. */
class PrecomputedKpisTest {
  private static final Instant START = Instant.parse("2026-11-16T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
  private static final TimeWindow WEEK = new TimeWindow(START, END);

  private static MetricPoint point(Instant at, String kpi, double value, Map<String, String> labels) {
    return new MetricPoint(at, PrecomputedKpis.metric(kpi), labels, value);
  }

  private static Map<String, String> week(String... more) {
    java.util.Map<String, String> m = new java.util.HashMap<>(Map.of("from", START.toString(), "to", END.toString()));
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  @Test
  void onlyTheExactWindowAndKeyAreTheKpisValue() {
    List<MetricPoint> points = List.of(
        point(END, "dau", 99, Map.of("from", "2026-11-22T00:00:00Z", "to", END.toString())), // another window
        point(END, "dau", 98, week("service", "api")), // a per-service value is not the total
        point(END, "wau", 97, week()), // another KPI
        point(END, "dau", 1234, week()),
        point(END, "feature_adoption", 50, week("feature", "export")),
        point(END, "feature_adoption", 25, week("feature", "search")));
    assertThat(PrecomputedKpis.find(points, "dau", WEEK, Map.of())).get().extracting(PrecomputedKpis.Value::value).isEqualTo(1234.0);
    assertThat(PrecomputedKpis.find(points, "dau", new TimeWindow(START.plusSeconds(1), END), Map.of())).isEmpty();
    assertThat(PrecomputedKpis.find(points, "mau", WEEK, Map.of())).isEmpty();
    assertThat(PrecomputedKpis.find(points, "feature_adoption", WEEK, Map.of())).isEmpty(); // a key is needed
    assertThat(PrecomputedKpis.find(points, "feature_adoption", WEEK, Map.of("feature", "search"))).get()
        .extracting(PrecomputedKpis.Value::value).isEqualTo(25.0);
    assertThat(PrecomputedKpis.findAll(points, "feature_adoption", WEEK, "feature")).containsOnlyKeys("export", "search");
  }

  @Test
  void theWindowIsComparedAsInstantsAndAnUnreadableOneIsNoWindow() {
    List<MetricPoint> points = List.of(
        point(END, "dau", 1, Map.of("from", "2026-11-16T01:00+01:00", "to", "2026-11-23T00:00:00.000Z")),
        point(END, "wau", 2, Map.of("from", "last week", "to", END.toString())));
    assertThat(PrecomputedKpis.find(points, "dau", WEEK, Map.of())).isPresent();
    assertThat(PrecomputedKpis.find(points, "wau", WEEK, Map.of())).isEmpty();
  }

  @Test
  void aJobRunAgainGivesTheLatestValue() {
    List<MetricPoint> points = List.of(point(END, "dau", 1, week()), point(END.plusSeconds(60), "dau", 2, week()));
    assertThat(PrecomputedKpis.find(points, "dau", WEEK, Map.of())).get().extracting(PrecomputedKpis.Value::value).isEqualTo(2.0);
  }

  @Test
  void anApproximateValueSaysHowAndItsBound() {
    PrecomputedKpis.Value hll = PrecomputedKpis.find(List.of(point(END, "dau", 1234,
        week("approximate", "true", "relative_standard_deviation", "0.01"))), "dau", WEEK, Map.of()).orElseThrow();
    assertThat(hll.approximate()).isTrue();
    assertThat(hll.approximation()).isEqualTo("HyperLogLog++, ±1%");
    assertThat(hll.series()).isEqualTo("companyos:kpi:dau{approximate=true,from=2026-11-16T00:00:00Z,"
        + "relative_standard_deviation=0.01,to=2026-11-23T00:00:00Z}");
    PrecomputedKpis.Value half = PrecomputedKpis.find(List.of(point(END, "dau", 1,
        week("approximate", "true", "relative_standard_deviation", "0.005"))), "dau", WEEK, Map.of()).orElseThrow();
    assertThat(half.approximation()).isEqualTo("HyperLogLog++, ±0.5%");
    PrecomputedKpis.Value unstated = PrecomputedKpis.find(List.of(point(END, "dau", 1, week("approximate", "true"))), "dau", WEEK,
        Map.of()).orElseThrow();
    assertThat(unstated.approximation()).isEqualTo("HyperLogLog++, error bound not stated");
    // A percentile_approx median at accuracy 1000: rank error 1/1000 = 0.1% of the values counted.
    PrecomputedKpis.Value median = PrecomputedKpis.find(List.of(point(END, "lead_time_for_changes", 15,
        week("approximate", "true", "median_accuracy", "1000"))), "lead_time_for_changes", WEEK, Map.of()).orElseThrow();
    assertThat(median.approximation()).isEqualTo("percentile_approx, rank error ±0.1%");
    PrecomputedKpis.Value coarse = PrecomputedKpis.find(List.of(point(END, "lead_time_for_changes", 6,
        week("approximate", "true", "median_accuracy", "10"))), "lead_time_for_changes", WEEK, Map.of()).orElseThrow();
    assertThat(coarse.approximation()).isEqualTo("percentile_approx, rank error ±10%");
    PrecomputedKpis.Value exact = PrecomputedKpis.find(List.of(point(END, "dau", 1, week())), "dau", WEEK, Map.of()).orElseThrow();
    assertThat(exact.approximate()).isFalse();
    assertThat(exact.approximation()).isNull();
  }
}
