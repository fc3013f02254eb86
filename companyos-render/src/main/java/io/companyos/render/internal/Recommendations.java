package io.companyos.render.internal;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.sources.Dataset;
import io.companyos.sources.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "This week's focus": anomaly highlights over the pack's service metrics (error-budget burn rate and
 * p95 latency per service), each saying which metric, when, how unusual and with its evidence, plus
 * services whose error budget is nearly spent. Each series is scored causally by the anomaly detector
 * ({@link RobustZScoreDetector}) over the window and the 28 days before it (so each hour is judged only
 * against its past); a highlight needs a score of at least {@code threshold} (0.8 ≈ six robust standard
 * deviations); consecutive unusual hours are reported once.
 */
final class Recommendations extends FixedSection {
  static final List<String> METRICS = List.of(MetricNames.ERROR_BUDGET_BURN_RATE, MetricNames.LATENCY_P95_MS);

  private static final RobustZScoreDetector DETECTOR = RobustZScoreDetector.defaults();
  /** History before the window that the detector learns "normal" from. */
  private static final Duration HISTORY = Duration.ofDays(28);

  Recommendations() {
    super("recommendations", List.of(), List.of());
  }

  private record Finding(double rank, MetricValue value) {}

  @Override
  public PackSection assemble(SectionContext ctx) {
    double threshold = ctx.decimal("threshold", 0.8);
    TimeWindow w = ctx.window();
    List<Finding> found = new ArrayList<>();
    for (String metric : METRICS) {
      if (!ctx.supportsMetric(metric)) {
        continue;
      }
      Dataset<Series> data = ctx.range(metric, new TimeWindow(w.start().minus(HISTORY), w.end()));
      for (Series s : data.rows()) {
        double[] values = s.points().stream().mapToDouble(Series.Point::value).toArray();
        double[] scores = DETECTOR.scores(values);
        List<Double> sample = s.points().stream().filter(p -> w.contains(p.timestamp())).map(Series.Point::value).toList();
        Series.Point runStart = null;
        double best = 0;
        Series.Point bestPoint = null;
        for (int i = 0; i <= s.points().size(); i++) {
          Series.Point p = i < s.points().size() ? s.points().get(i) : null;
          double conf = p != null && w.contains(p.timestamp()) ? scores[i] : 0;
          if (conf >= threshold) {
            if (runStart == null) {
              runStart = p;
            }
            if (conf > best) {
              best = conf;
              bestPoint = p;
            }
          } else if (runStart != null) {
            double median = io.companyos.scoring.Percentiles.median(sample.stream().mapToDouble(Double::doubleValue).toArray()).orElse(0);
            String service = s.labels().getOrDefault("service", "all");
            found.add(new Finding(best, MetricValue.text(String.format(Locale.ROOT,
                "%s: %s reached %s at %s (median %s, anomaly score %.2f; unusual from %s)", service, short_(metric),
                Unit.NUMBER.format(bestPoint.value()), Rows.dateTime(bestPoint.timestamp(), ctx.zone()), Unit.NUMBER.format(median),
                best, Rows.dateTime(runStart.timestamp(), ctx.zone())), data.provenance()).flaggedAnomaly()));
            runStart = null;
            best = 0;
            bestPoint = null;
          }
        }
      }
    }
    for (ReliabilitySections.SloRow r : ReliabilitySections.slos(ctx, TimeWindow.ending(ctx.asOf(), Duration.ofDays(28)))) {
      if (r.remaining() < 0.25) {
        found.add(new Finding(0.5, MetricValue.text(String.format(Locale.ROOT, "%s: only %.0f%% of the 28-day error budget left; slow risky changes",
            r.service(), 100 * r.remaining()), r.provenance())));
      }
    }
    SectionBuilder b = ctx.builder();
    found.stream().sorted(Comparator.comparingDouble((Finding f) -> -f.rank())).limit(ctx.integer("limit", 5)).forEach(f -> b.item(f.value()));
    b.emptyText(String.format(Locale.ROOT, "No anomaly scoring at least %.2f and no error budget below 25%% in the window.", threshold));
    return b.build();
  }

  private static String short_(String metric) {
    return metric.equals(MetricNames.ERROR_BUDGET_BURN_RATE) ? "error budget burn rate" : "p95 latency (ms)";
  }
}
