package io.companyos.scoring.slo;

import io.companyos.model.data.MetricNames;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLO of every service from the metric points of a table ({@code metrics(timestamp, metric, labels, value)}, the
 * files source's {@code metrics.csv}), by the rules a points source's range queries and {@link ServiceSlos#of} apply:
 * the occurrences method of the Google SRE workbook (chapter 2, "Implementing SLOs"), attainment = good events / events.
 *
 * <ul>
 *   <li>Requests ({@value MetricNames#SLO_REQUESTS}) and errors ({@value MetricNames#SLO_ERRORS}): every point in the
 *       half-open window {@code [start, end)}, summed per value of the {@code service} label (a series without it counts
 *       for the service {@code ""}). The sums are exact decimals of the values (each value's shortest decimal,
 *       {@link BigDecimal#valueOf(double)}) turned into a {@code double} once, so they do not depend on the points' order.
 *   <li>The target ({@value MetricNames#SLO_TARGET}): per series (label set) its latest point in
 *       {@code [end - 35 days, end)} ({@link #TARGET_LOOKBACK}); of several series of one service, the one whose labels
 *       sort last as text ({@code {service=api, team=b}} after {@code {service=api, team=a}}) wins. Of several points of
 *       one series at that latest instant, the largest value is taken, so that the answer does not depend on the
 *       points' order either (a points source takes the last in file order).
 * </ul>
 */
public final class MetricPointSlos {
  /** How far before the window's end the target in force is looked for. */
  public static final Duration TARGET_LOOKBACK = Duration.ofDays(35);

  /** The label that names the service of a series. */
  public static final String SERVICE = "service";

  private MetricPointSlos() {}

  /**
   * The SLO of every service that reported requests in the window.
   *
   * @param points metric points of any metrics, in any order
   * @param window the half-open window
   * @return the same result {@link ServiceSlos#of} gives for these points' range queries
   */
  public static ServiceSlos.Result of(List<MetricPoint> points, TimeWindow window) {
    return assemble(counts(points, MetricNames.SLO_REQUESTS, window), counts(points, MetricNames.SLO_ERRORS, window),
        targets(points, window.end()));
  }

  /**
   * A counter summed over the window per service, exactly.
   *
   * @param points metric points of any metrics
   * @param metric the counter's name
   * @param window the half-open window
   * @return service → exact sum of the values of its points in the window, sorted by service
   */
  public static Map<String, BigDecimal> counts(List<MetricPoint> points, String metric, TimeWindow window) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (MetricPoint p : points) {
      if (p.metric().equals(metric) && window.contains(p.timestamp())) {
        out.merge(service(p.labels()), value(p.value()), BigDecimal::add);
      }
    }
    return out;
  }

  /**
   * The target in force per service at {@code end}: per series its latest point in {@code [end - 35 days, end)} (the
   * largest value of several at that instant), and per service the series whose labels sort last as text.
   *
   * @param points metric points of any metrics
   * @param end the window's end
   * @return service → target ratio, sorted by service
   */
  public static Map<String, Double> targets(List<MetricPoint> points, Instant end) {
    Instant from = end.minus(TARGET_LOOKBACK);
    Map<Map<String, String>, MetricPoint> latest = new HashMap<>();
    for (MetricPoint p : points) {
      Instant t = p.timestamp();
      if (p.metric().equals(MetricNames.SLO_TARGET) && !t.isBefore(from) && t.isBefore(end)) {
        latest.merge(p.labels(), p, MetricPointSlos::later);
      }
    }
    Map<String, MetricPoint> byText = new TreeMap<>();
    latest.forEach((labels, p) -> byText.put(new TreeMap<>(labels).toString(), p));
    Map<String, Double> out = new TreeMap<>();
    byText.values().forEach(p -> out.put(service(p.labels()), p.value()));
    return out;
  }

  /**
   * The SLOs from exact sums: each sum turned into a {@code double} once, then {@link ServiceSlos#of}.
   *
   * @param requests service → exact sum of requests in the window
   * @param errors service → exact sum of errors in the window
   * @param targets service → target in force at the window's end
   * @return the SLOs, sorted by service, and the services without a usable target
   */
  public static ServiceSlos.Result assemble(Map<String, BigDecimal> requests, Map<String, BigDecimal> errors,
      Map<String, Double> targets) {
    return ServiceSlos.of(doubles(requests), doubles(errors), targets);
  }

  /**
   * A point's value as the exact decimal the sums add: its shortest decimal ({@link BigDecimal#valueOf(double)}).
   *
   * @param value the value
   * @return the decimal
   */
  public static BigDecimal value(double value) {
    return BigDecimal.valueOf(value);
  }

  /**
   * The service a series counts for: its {@code service} label, or {@code ""}.
   *
   * @param labels the series' labels
   * @return the service
   */
  public static String service(Map<String, String> labels) {
    return labels.getOrDefault(SERVICE, "");
  }

  private static MetricPoint later(MetricPoint a, MetricPoint b) {
    int c = a.timestamp().compareTo(b.timestamp());
    return c > 0 || c == 0 && Double.compare(a.value(), b.value()) >= 0 ? a : b;
  }

  private static Map<String, Double> doubles(Map<String, BigDecimal> sums) {
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v.doubleValue()));
    return out;
  }
}
