package io.companyos.sources.builtin.internal;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instant and range queries over time-sorted metric points, for sources that hold points rather than
 * a query engine. An instant query returns, per matching series, the latest point at or before the
 * instant within the look-back; a range query returns the points inside the window. Series are ordered
 * by their labels so answers are deterministic.
 */
public final class MetricPointQueries {
  private MetricPointQueries() {}

  public static List<Series> instant(List<MetricPoint> sortedPoints, MetricSelector selector, Instant at, Duration lookback) {
    Map<Map<String, String>, MetricPoint> latest = new LinkedHashMap<>();
    Instant from = at.minus(lookback);
    for (MetricPoint p : sortedPoints) {
      if (p.timestamp().isAfter(at)) {
        break;
      }
      if (!p.timestamp().isBefore(from) && selector.matches(p.metric(), p.labels())) {
        latest.put(p.labels(), p);
      }
    }
    List<Series> series = new ArrayList<>();
    sortedByLabels(latest).forEach((labels, p) ->
        series.add(new Series(p.metric(), labels, List.of(new Series.Point(p.timestamp(), p.value())))));
    return series;
  }

  public static List<Series> range(List<MetricPoint> sortedPoints, MetricSelector selector, TimeWindow window) {
    Map<Map<String, String>, List<Series.Point>> points = new LinkedHashMap<>();
    for (MetricPoint p : sortedPoints) {
      if (window.contains(p.timestamp()) && selector.matches(p.metric(), p.labels())) {
        points.computeIfAbsent(p.labels(), k -> new ArrayList<>()).add(new Series.Point(p.timestamp(), p.value()));
      }
    }
    List<Series> series = new ArrayList<>();
    sortedByLabels(points).forEach((labels, pts) -> series.add(new Series(selector.metric(), labels, pts)));
    return series;
  }

  /** {@code byLabels} in the order answers list series: by their labels' text, so answers are deterministic. */
  public static <V> Map<Map<String, String>, V> sortedByLabels(Map<Map<String, String>, V> byLabels) {
    Map<String, Map<String, String>> keys = new TreeMap<>();
    byLabels.keySet().forEach(l -> keys.put(new TreeMap<>(l).toString(), l));
    Map<Map<String, String>, V> out = new LinkedHashMap<>();
    keys.values().forEach(l -> out.put(l, byLabels.get(l)));
    return out;
  }
}
