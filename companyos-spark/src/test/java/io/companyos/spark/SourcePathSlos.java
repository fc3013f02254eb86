package io.companyos.spark;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Series;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLOs as a pack computes them from a metrics source (the reliability section): range queries of the request and
 * error counters over the window, each series' points summed in time order and the series summed per {@code service}
 * in the order the source lists them, the last point of each target series in the 35 days before the window's end
 * (the last series listed winning for its service), then {@link ServiceSlos#of}.
 */
final class SourcePathSlos {
  private SourcePathSlos() {}

  static ServiceSlos.Result of(MetricSource source, TimeWindow w) {
    Duration step = Duration.ofHours(1);
    Map<String, Double> requests = sumBy(source.range(MetricNames.SLO_REQUESTS, w, step).rows());
    Map<String, Double> errors = sumBy(source.range(MetricNames.SLO_ERRORS, w, step).rows());
    Map<String, Double> targets = new TreeMap<>();
    for (Series s : source.range(MetricNames.SLO_TARGET, TimeWindow.ending(w.end(), Duration.ofDays(35)), step).rows()) {
      if (!s.points().isEmpty()) {
        targets.put(s.labels().getOrDefault("service", ""), s.points().get(s.points().size() - 1).value());
      }
    }
    return ServiceSlos.of(requests, errors, targets);
  }

  private static Map<String, Double> sumBy(List<Series> series) {
    Map<String, Double> out = new TreeMap<>();
    for (Series s : series) {
      out.merge(s.labels().getOrDefault("service", ""), s.points().stream().mapToDouble(Series.Point::value).sum(),
          Double::sum);
    }
    return out;
  }
}
