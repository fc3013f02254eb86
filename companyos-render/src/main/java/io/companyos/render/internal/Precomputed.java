package io.companyos.render.internal;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionUnavailableException;
import io.companyos.render.Unit;
import io.companyos.scoring.catalog.PrecomputedKpis;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.UnsupportedQueryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one place sections look up a KPI value precomputed elsewhere (the Spark batch job's {@code metrics.csv}):
 * metric {@code companyos:kpi:<id>} with {@code from}/{@code to} exactly the window the section would compute over
 * ({@link PrecomputedKpis#find}). Its footnote names the source, the metric and its labels and the window; an
 * approximate value reads "≈ 1,234 (HyperLogLog++, ±1%)"; its evidence says the record ids were not carried.
 */
final class Precomputed {
  /** The evidence of a precomputed value: the job counted the records, their ids did not travel with the value. */
  static final String NO_IDS = "precomputed, ids not carried";

  private Precomputed() {}

  /**
   * A precomputed value and the provenance of the point it was read from.
   *
   * @param value the value as the job wrote it
   * @param provenance source, "precomputed" with the metric and labels, the value's window
   */
  record Found(PrecomputedKpis.Value value, Provenance provenance) {
    /**
     * The value × {@code scale} in {@code unit}, "≈" and the bound before an approximate one, ids not carried; the
     * caller tags it with its KPI id where the section tags the computed one.
     */
    MetricValue metric(Unit unit, double scale) {
      double v = value.value() * scale;
      String approximation = value.approximation();
      String text = approximation == null ? unit.format(v) : "≈ " + unit.format(v) + " (" + approximation + ")";
      return MetricValue.of(v, unit, text, provenance).withEvidence(List.of(NO_IDS));
    }

    /** The value × {@code scale} (boxed, to sit beside a previous value that may be null). */
    Double scaled(double scale) {
      return value.value() * scale;
    }
  }

  /**
   * The value of {@code kpi} computed over exactly {@code w}, read from the source that serves its metric; empty when
   * no source lists the metric or none holds a point for that window (then the section computes from records).
   */
  static Optional<Found> find(SectionContext ctx, String kpi, TimeWindow w) {
    return find(ctx, kpi, w, Map.of());
  }

  /**
   * The values of {@code kpi} computed over exactly {@code w}, one per value of the key label {@code key}
   * ({@code feature}), in key order; empty when no source holds any.
   */
  static java.util.SortedMap<String, Found> findAll(SectionContext ctx, String kpi, TimeWindow w, String key) {
    java.util.SortedMap<String, Found> out = new java.util.TreeMap<>();
    Dataset<MetricPoint> points = points(ctx, kpi, w);
    if (points != null) {
      PrecomputedKpis.findAll(points.rows(), kpi, w, key).forEach((k, v) -> out.put(k, found(ctx, points, v, w)));
    }
    return out;
  }

  /** {@link #find(SectionContext, String, TimeWindow)} for the value with key labels {@code key} ({@code feature}). */
  static Optional<Found> find(SectionContext ctx, String kpi, TimeWindow w, Map<String, String> key) {
    Dataset<MetricPoint> points = points(ctx, kpi, w);
    return points == null ? Optional.empty() : PrecomputedKpis.find(points.rows(), kpi, w, key).map(v -> found(ctx, points, v, w));
  }

  /**
   * The value of {@code kpi} over exactly {@code w} written by a job run whose as-of was {@code stampedAt}: a KPI over
   * a window that is not the job's own (the sprint under way at the job's as-of) is stamped at that as-of, and for a
   * sprint still running the value depends on it (points delivered by then).
   */
  static Optional<Found> findStamped(SectionContext ctx, String kpi, TimeWindow w, java.time.Instant stampedAt) {
    Dataset<MetricPoint> points = points(ctx, kpi, stampedAt);
    return points == null ? Optional.empty() : PrecomputedKpis.find(points.rows(), kpi, w, Map.of()).map(v -> found(ctx, points, v, w));
  }

  /** The points that may hold {@code kpi} over {@code w}: the job stamps each value at its window's end. */
  private static @Nullable Dataset<MetricPoint> points(SectionContext ctx, String kpi, TimeWindow w) {
    return points(ctx, kpi, w.end());
  }

  /** The points of {@code kpi} stamped at {@code at}. */
  private static @Nullable Dataset<MetricPoint> points(SectionContext ctx, String kpi, java.time.Instant at) {
    String metric = PrecomputedKpis.metric(kpi);
    if (!ctx.supportsMetric(metric)) {
      return null;
    }
    try {
      return ctx.metricPoints(metric, new TimeWindow(at, at.plus(Duration.ofMillis(1))));
    } catch (SectionUnavailableException | UnsupportedQueryException e) {
      return null; // a source that answers any metric query (Prometheus) but holds no metric points
    }
  }

  private static Found found(SectionContext ctx, Dataset<MetricPoint> points, PrecomputedKpis.Value v, TimeWindow w) {
    return new Found(v, SectionContext.computedOver(points.provenance(), w,
        "precomputed " + v.series() + " over " + Windows.describe(w, ctx.zone()), 1));
  }
}
