package io.companyos.sources;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A labelled time series as returned by instant (one point) and range queries. */
public record Series(String metric, Map<String, String> labels, List<Point> points) {

  public Series {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /** One sample of a series. */
  public record Point(Instant timestamp, double value) {}
}
