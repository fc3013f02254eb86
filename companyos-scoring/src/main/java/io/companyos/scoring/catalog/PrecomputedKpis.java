package io.companyos.scoring.catalog;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * KPI values computed elsewhere (the Spark batch job) and read back as metrics: one point per value, metric
 * {@code companyos:kpi:<kpi id>}, labels {@code from} and {@code to} (the window it was computed over), optionally
 * {@code approximate=true} with its bound — {@code relative_standard_deviation} for a HyperLogLog++ distinct count,
 * {@code median_accuracy} for a {@code percentile_approx} median — and a key label
 * ({@code feature}) where the KPI has one value per key.
 *
 * <p>The one rule: a precomputed value stands for a KPI over a window only when its metric names that KPI and its
 * {@code from}/{@code to} are exactly the window's start and end, and its key labels are exactly the ones asked for.
 * Any other window is not the same number and is never used in its place.
 */
public final class PrecomputedKpis {
  /** The prefix of the metric names: {@code companyos:kpi:<kpi id>}. */
  public static final String METRIC_PREFIX = "companyos:kpi:";
  /** The label holding the window's start (an ISO instant). */
  public static final String FROM = "from";
  /** The label holding the window's end (an ISO instant). */
  public static final String TO = "to";
  /** The label marking an approximate value ({@code true}). */
  public static final String APPROXIMATE = "approximate";
  /** The label holding an approximate value's relative standard deviation (e.g. {@code 0.01}), when known. */
  public static final String RELATIVE_STANDARD_DEVIATION = "relative_standard_deviation";

  /** The label holding an approximate median's accuracy (Spark's {@code percentile_approx}: rank error 1/accuracy). */
  public static final String MEDIAN_ACCURACY = "median_accuracy";

  private static final Set<String> WINDOW_LABELS = Set.of(FROM, TO, APPROXIMATE, RELATIVE_STANDARD_DEVIATION, MEDIAN_ACCURACY);

  private PrecomputedKpis() {}

  /**
   * One precomputed KPI value.
   *
   * @param kpi the catalog id ({@code dau})
   * @param window the window it was computed over
   * @param value the value, in the catalog's unit
   * @param point the metric point it was read from
   * @param approximate whether it is approximate
   * @param relativeStandardDeviation a distinct count's relative standard deviation, when the point states it
   * @param medianAccuracy a median's {@code percentile_approx} accuracy, when the point states it
   */
  public record Value(String kpi, TimeWindow window, double value, MetricPoint point, boolean approximate,
      OptionalDouble relativeStandardDeviation, OptionalDouble medianAccuracy) {
    /**
     * How the value was approximated, for a reader: {@code HyperLogLog++, ±1%} (relative standard deviation),
     * {@code percentile_approx, rank error ±1%} (a median, rank error 1/accuracy of the values counted), or
     * {@code HyperLogLog++, error bound not stated} when the point does not carry a bound; null for an exact value.
     *
     * @return the approximation and its bound, or null when exact
     */
    public @Nullable String approximation() {
      if (!approximate) {
        return null;
      }
      if (medianAccuracy.isPresent()) {
        return "percentile_approx, rank error ±" + percent(1 / medianAccuracy.getAsDouble()) + "%";
      }
      if (relativeStandardDeviation.isEmpty()) {
        return "HyperLogLog++, error bound not stated";
      }
      return "HyperLogLog++, ±" + percent(relativeStandardDeviation.getAsDouble()) + "%";
    }

    private static String percent(double share) {
      return String.format(Locale.ROOT, "%.2f", share * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * The metric and its labels as written ({@code companyos:kpi:dau{from=…,to=…}}), labels in name order.
     *
     * @return the metric with its labels
     */
    public String series() {
      StringBuilder s = new StringBuilder(point.metric()).append('{');
      point.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> s.append(s.charAt(s.length() - 1) == '{' ? "" : ",").append(e.getKey()).append('=').append(e.getValue()));
      return s.append('}').toString();
    }
  }

  /**
   * The metric name of a KPI.
   *
   * @param kpi the catalog id
   * @return {@code companyos:kpi:<kpi>}
   */
  public static String metric(String kpi) {
    return METRIC_PREFIX + kpi;
  }

  /**
   * The value of {@code kpi} over exactly {@code window} with exactly the key labels {@code key}, among
   * {@code points}; the latest such point when several are (a job run again).
   *
   * @param points metric points, of any metrics
   * @param kpi the catalog id
   * @param window the window the value must have been computed over
   * @param key the key labels ({@code feature}), empty for a KPI with one value
   * @return the value, or empty when no point is for that KPI, window and key
   */
  public static Optional<Value> find(List<MetricPoint> points, String kpi, TimeWindow window, Map<String, String> key) {
    String metric = metric(kpi);
    MetricPoint found = null;
    for (MetricPoint p : points) {
      if (p.metric().equals(metric) && Double.isFinite(p.value()) && sameWindow(p.labels(), window) && sameKey(p.labels(), key)
          && (found == null || !p.timestamp().isBefore(found.timestamp()))) {
        found = p;
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    boolean approximate = "true".equals(found.labels().get(APPROXIMATE));
    OptionalDouble rsd = approximate ? bound(found.labels().get(RELATIVE_STANDARD_DEVIATION), Double.MIN_VALUE) : OptionalDouble.empty();
    OptionalDouble accuracy = approximate ? bound(found.labels().get(MEDIAN_ACCURACY), 1) : OptionalDouble.empty();
    return Optional.of(new Value(kpi, window, found.value(), found, approximate, rsd, accuracy));
  }

  /** A stated error bound: a finite number at least {@code min}; empty when absent or not such a number. */
  private static OptionalDouble bound(@Nullable String stated, double min) {
    if (stated == null) {
      return OptionalDouble.empty();
    }
    try {
      double v = Double.parseDouble(stated);
      return v >= min && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * The values of {@code kpi} over exactly {@code window}, one per value of the key label {@code key}
   * ({@code feature}), with no other key label.
   *
   * @param points metric points, of any metrics
   * @param kpi the catalog id
   * @param window the window the values must have been computed over
   * @param key the key label's name
   * @return key value → value, in key order; empty when there is none
   */
  public static java.util.SortedMap<String, Value> findAll(List<MetricPoint> points, String kpi, TimeWindow window, String key) {
    String metric = metric(kpi);
    java.util.SortedMap<String, Value> out = new java.util.TreeMap<>();
    for (MetricPoint p : points) {
      String k = p.labels().get(key);
      if (k != null && p.metric().equals(metric) && !out.containsKey(k)) {
        find(points, kpi, window, Map.of(key, k)).ifPresent(v -> out.put(k, v));
      }
    }
    return out;
  }

  private static boolean sameWindow(Map<String, String> labels, TimeWindow window) {
    Instant from = instant(labels.get(FROM));
    Instant to = instant(labels.get(TO));
    return from != null && to != null && from.equals(window.start()) && to.equals(window.end());
  }

  private static boolean sameKey(Map<String, String> labels, Map<String, String> key) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!WINDOW_LABELS.contains(e.getKey()) && !e.getValue().equals(key.get(e.getKey()))) {
        return false;
      }
    }
    return key.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant(); // 2026-11-16T00:00:00Z, or with an offset
    } catch (DateTimeException e) {
      return null;
    }
  }
}
