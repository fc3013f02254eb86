package io.companyos.sources.builtin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index must answer exactly as the full scan it replaces, for any points, selector and window. */
class MetricPointIndexTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] METRICS = {"up", "latency", "errors"};
  private static final String[] SERVICES = {"api", "search", "billing"};

  @Test
  void rangeAndInstantAnswersEqualTheFullScan() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 400), integers().between(-10, 130),
        integers().between(0, 60)).checkAssert((seed, n, startMinute, lengthMinutes) -> {
          List<MetricPoint> points = points(seed, n);
          MetricPointIndex index = new MetricPointIndex(points);
          TimeWindow w = new TimeWindow(T0.plus(Duration.ofMinutes(startMinute)),
              T0.plus(Duration.ofMinutes(startMinute + lengthMinutes)));
          Instant at = w.end();
          for (String metric : METRICS) {
            for (MetricSelector sel : List.of(new MetricSelector(metric, Map.of()),
                new MetricSelector(metric, Map.of("service", "search")))) {
              assertThat(index.range(sel, w)).isEqualTo(MetricPointQueries.range(points, sel, w));
              assertThat(index.instant(sel, at, Duration.ofMinutes(15)))
                  .isEqualTo(MetricPointQueries.instant(points, sel, at, Duration.ofMinutes(15)));
            }
          }
        });
  }

  @Test
  void betweenIncludesTheStartAndExcludesTheEndEvenWithEqualTimestamps() {
    List<Instant> times = List.of(T0, T0, T0.plusSeconds(1), T0.plusSeconds(1), T0.plusSeconds(2));
    assertThat(TimeSorted.between(times, t -> t, T0.plusSeconds(1), T0.plusSeconds(2))).hasSize(2);
    assertThat(TimeSorted.between(times, t -> t, T0, T0)).isEmpty();
    assertThat(TimeSorted.betweenInclusive(times, t -> t, T0, T0)).hasSize(2);
    assertThat(TimeSorted.between(times, t -> t, T0.minusSeconds(5), T0.plusSeconds(9))).hasSize(5);
    assertThat(TimeSorted.between(List.<Instant>of(), t -> t, T0, T0.plusSeconds(9))).isEmpty();
  }

  private static List<MetricPoint> points(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<MetricPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MetricPoint(T0.plus(Duration.ofMinutes(r.nextInt(120))), METRICS[r.nextInt(3)],
          Map.of("service", SERVICES[r.nextInt(3)]), r.nextInt(100)));
    }
    out.sort(Comparator.comparing(MetricPoint::timestamp)); // stable, as the sources sort
    return out;
  }
}
