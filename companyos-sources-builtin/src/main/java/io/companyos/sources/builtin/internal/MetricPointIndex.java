package io.companyos.sources.builtin.internal;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-sorted metric points grouped by metric name, so that an instant or range query looks only at
 * the points of its metric inside its window (binary search) rather than at the whole history. Answers
 * are exactly those of {@link MetricPointQueries} over all points.
 */
public final class MetricPointIndex {
  private final Map<String, List<MetricPoint>> byMetric;

  /** Indexes {@code sortedPoints} (sorted by timestamp). */
  public MetricPointIndex(List<MetricPoint> sortedPoints) {
    Map<String, List<MetricPoint>> m = new HashMap<>();
    for (MetricPoint p : sortedPoints) {
      m.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(p);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    this.byMetric = Map.copyOf(m);
  }

  public List<Series> instant(MetricSelector selector, Instant at, Duration lookback) {
    List<MetricPoint> pts = byMetric.getOrDefault(selector.metric(), List.of());
    return MetricPointQueries.instant(TimeSorted.betweenInclusive(pts, MetricPoint::timestamp, at.minus(lookback), at),
        selector, at, lookback);
  }

  public List<Series> range(MetricSelector selector, TimeWindow window) {
    List<MetricPoint> pts = byMetric.getOrDefault(selector.metric(), List.of());
    return MetricPointQueries.range(TimeSorted.between(pts, MetricPoint::timestamp, window.start(), window.end()),
        selector, window);
  }
}
