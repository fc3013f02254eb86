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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    /** The value × {@code scale} in {@code unit}, "≈" and the bound before an approximate one, ids not carried. */
    MetricValue metric(Unit unit, double scale) {
      double v = value.value() * scale;
      String approximation = value.approximation();
      String text = approximation == null ? unit.format(v) : "≈ " + unit.format(v) + " (" + approximation + ")";
      return MetricValue.of(v, unit, text, provenance).withEvidence(List.of(NO_IDS)).asKpi(value.kpi());
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

  /** {@link #find(SectionContext, String, TimeWindow)} for the value with key labels {@code key} ({@code feature}). */
  static Optional<Found> find(SectionContext ctx, String kpi, TimeWindow w, Map<String, String> key) {
    String metric = PrecomputedKpis.metric(kpi);
    if (!ctx.supportsMetric(metric)) {
      return Optional.empty();
    }
    Dataset<MetricPoint> points;
    try {
      // The job stamps each value at its window's end.
      points = ctx.metricPoints(metric, new TimeWindow(w.end(), w.end().plus(Duration.ofMillis(1))));
    } catch (SectionUnavailableException e) {
      return Optional.empty();
    }
    return PrecomputedKpis.find(points.rows(), kpi, w, key).map(v -> new Found(v, SectionContext.computedOver(points.provenance(), w,
        "precomputed " + v.series() + " over " + Windows.describe(w, ctx.zone()), 1)));
  }
}
