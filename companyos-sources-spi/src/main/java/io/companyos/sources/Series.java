package io.companyos.sources;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A labelled time series as returned by instant (one point) and range queries.
 *
 * @param metric the metric name
 * @param labels the series' labels (copied)
 * @param points the samples, oldest first (copied)
 */
public record Series(String metric, Map<String, String> labels, List<Point> points) {

  /**
   * Copies the labels and points.
   *
   * @param metric the metric name
   * @param labels the series' labels
   * @param points the samples, oldest first
   */
  public Series {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /**
   * One sample of a series.
   *
   * @param timestamp when the sample was taken
   * @param value the sample's value
   */
  public record Point(Instant timestamp, double value) {}
}
