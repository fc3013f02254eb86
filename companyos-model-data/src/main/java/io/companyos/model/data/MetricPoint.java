package io.companyos.model.data;

import java.time.Instant;
import java.util.Map;

/** One sample of a named metric with labels, the long format of {@code metrics.csv}. */
public record MetricPoint(
    Instant timestamp,
    String metric,
    Map<String, String> labels,
    double value) {
  public MetricPoint {
    labels = Map.copyOf(labels);
  }
}
