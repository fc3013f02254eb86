package io.companyos.render.internal;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.scoring.recommend.AnomalyGate;
import io.companyos.sources.Dataset;
import io.companyos.sources.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "This week's focus": the company's recommendation rules for this section ({@code recommendations.yaml}: error-budget
 * burn tier, repeat incidents, change failure rate up, vulnerabilities past SLA), ranked by priority then impact
 * ({@link RuleRecommendations}), then anomaly highlights over the service metrics (error-budget burn rate and p95
 * latency) that pass {@link AnomalyGate}: inside the pack's own period, a move in the bad direction (both metrics are
 * better lower) and at least {@link AnomalyGate#MIN_EFFECT} times the window's median. Each series is scored causally
 * by the anomaly detector ({@link RobustZScoreDetector}) over the window and the 28 days before it; a highlight needs a
 * score of at least {@code threshold} (0.8 ≈ six robust standard deviations); consecutive unusual hours are reported
 * once. Up to {@code limit} (5) recommendations are listed, then up to {@code highlights} (2) anomalies.
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
    int limit = ctx.integer("limit", 5);
    SectionBuilder b = ctx.builder();
    RuleRecommendations.Outcome rules = RuleRecommendations.evaluate(ctx, "recommendations");
    rules.items().stream().limit(limit).forEach(i -> b.item(i.value()));
    TimeWindow w = ctx.window();
    TimeWindow period = AnomalyGate.within(w, ctx.packWindow());
    List<Finding> found = new ArrayList<>();
    for (String metric : METRICS) {
      if (period.isEmpty() || !ctx.supportsMetric(metric)) {
        continue;
      }
      Dataset<Series> data = ctx.range(metric, new TimeWindow(w.start().minus(HISTORY), w.end()));
      for (Series s : data.rows()) {
        found.addAll(highlights(ctx, s, metric, period, threshold, data));
      }
    }
    found.stream().sorted(Comparator.comparingDouble((Finding f) -> -f.rank())).limit(ctx.integer("highlights", 2))
        .forEach(f -> b.item(f.value()));
    if (!rules.notRun().isEmpty()) {
      b.note("Rules not evaluated: " + String.join("; ", rules.notRun()));
    }
    b.emptyText(String.format(Locale.ROOT, "No recommendation rule fired and no anomaly scoring at least %.2f moved the wrong way in %s.",
        threshold, Windows.describe(period.isEmpty() ? w : period, ctx.zone())));
    return b.build();
  }

  /** Runs of unusual points of {@code s} in {@code period} that {@link AnomalyGate} lets through, one finding per run. */
  private static List<Finding> highlights(SectionContext ctx, Series s, String metric, TimeWindow period, double threshold,
      Dataset<Series> data) {
    double[] values = s.points().stream().mapToDouble(Series.Point::value).toArray();
    double[] scores = DETECTOR.scores(values);
    double median = io.companyos.scoring.Percentiles.median(s.points().stream().filter(p -> ctx.window().contains(p.timestamp()))
        .mapToDouble(Series.Point::value).toArray()).orElse(Double.NaN);
    List<Finding> out = new ArrayList<>();
    Series.Point runStart = null;
    Series.Point bestPoint = null;
    double best = 0;
    for (int i = 0; i <= s.points().size(); i++) {
      Series.Point p = i < s.points().size() ? s.points().get(i) : null;
      boolean hit = p != null && scores[i] >= threshold
          && AnomalyGate.shown(p.timestamp(), p.value(), median, Direction.LOWER_IS_BETTER, period, AnomalyGate.MIN_EFFECT);
      if (hit) {
        if (runStart == null) {
          runStart = p;
        }
        if (scores[i] > best) {
          best = scores[i];
          bestPoint = p;
        }
      } else if (runStart != null) {
        String service = s.labels().getOrDefault("service", "all");
        out.add(new Finding(best, MetricValue.text(String.format(Locale.ROOT,
            "%s: %s reached %s at %s (median %s, anomaly score %.2f; unusual from %s)", service, short_(metric),
            Unit.NUMBER.format(bestPoint.value()), Rows.dateTime(bestPoint.timestamp(), ctx.zone()), Unit.NUMBER.format(median),
            best, Rows.dateTime(runStart.timestamp(), ctx.zone())), data.provenance()).flaggedAnomaly()));
        runStart = null;
        best = 0;
        bestPoint = null;
      }
    }
    return out;
  }

  private static String short_(String metric) {
    return metric.equals(MetricNames.ERROR_BUDGET_BURN_RATE) ? "error budget burn rate" : "p95 latency (ms)";
  }
}
