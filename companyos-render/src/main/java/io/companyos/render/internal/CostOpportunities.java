package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.scoring.Percentiles;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule-based cost optimisation suggestions: on-demand compute that a savings plan could cover (priced
 * at the discount the company already gets on committed rows) and days whose cost per service is an
 * outlier for the anomaly detector over the last 90 days.
 */
final class CostOpportunities extends FixedSection {
  /** On-demand share of a service's compute above which covering it is suggested. */
  static final double ON_DEMAND_SHARE = 0.3;

  /** Daily cost outliers: the anomaly detector with a 90-day window and 14 days of history before judging. */
  private static final RobustZScoreDetector OUTLIERS =
      new RobustZScoreDetector(new RobustZScoreDetector.Parameters(90, 14, 1, 15, 0.02, 0.5, 3));

  CostOpportunities() {
    super("optimization_opportunities", List.of(), List.of());
  }

  private record Idea(double saving, MetricValue text) {}

  @Override
  public PackSection assemble(SectionContext ctx) {
    Dataset<CostRow> cur = ctx.records(RecordKind.COSTS, ctx.window());
    List<Idea> ideas = new ArrayList<>();
    double list = 0;
    double eff = 0;
    for (CostRow r : cur.rows()) {
      if ("Committed".equals(r.pricingCategory())) {
        list += r.listCost().doubleValue();
        eff += r.effectiveCost().doubleValue();
      }
    }
    double discount = list > 0 ? 1 - eff / list : 0;
    Map<String, double[]> byService = new TreeMap<>();
    for (CostRow r : cur.rows()) {
      if (!r.serviceCategory().equals("Compute")) {
        continue;
      }
      double[] a = byService.computeIfAbsent(r.serviceName(), k -> new double[2]);
      a[0] += r.effectiveCost().doubleValue();
      if ("Standard".equals(r.pricingCategory())) {
        a[1] += r.effectiveCost().doubleValue();
      }
    }
    if (discount > 0) {
      byService.forEach((service, a) -> {
        if (a[0] > 0 && a[1] / a[0] > ON_DEMAND_SHARE) {
          double saving = a[1] * discount;
          ideas.add(new Idea(saving, MetricValue.text(String.format(Locale.ROOT,
              "Cover on-demand compute of %s ($%,.0f, %.0f%% of its compute) with a savings plan: about $%,.0f less at the %.0f%% discount already achieved",
              service, a[1], 100 * a[1] / a[0], saving, 100 * discount), cur.provenance())));
        }
      });
    }
    Dataset<CostRow> history = ctx.records(RecordKind.COSTS, TimeWindow.ending(ctx.window().end(), Duration.ofDays(90)));
    Map<String, Map<LocalDate, Double>> daily = new TreeMap<>();
    history.rows().forEach(r -> daily.computeIfAbsent(r.serviceName(), k -> new TreeMap<>())
        .merge(r.chargePeriodStart().atZone(ctx.zone()).toLocalDate(), r.effectiveCost().doubleValue(), Double::sum));
    LocalDate from = ctx.window().start().atZone(ctx.zone()).toLocalDate();
    daily.forEach((service, days) -> {
      List<Double> sample = new ArrayList<>(days.values());
      double median = Percentiles.median(sample.stream().mapToDouble(Double::doubleValue).toArray()).orElse(0);
      // Days in order; each judged causally against the days before it.
      List<LocalDate> order = new ArrayList<>(days.keySet());
      double[] scores = OUTLIERS.scores(order.stream().mapToDouble(days::get).toArray());
      for (int i = 0; i < order.size(); i++) {
        LocalDate day = order.get(i);
        double cost = days.get(day);
        if (!day.isBefore(from) && scores[i] >= 0.5 && cost > median) {
          ideas.add(new Idea(cost - median, MetricValue.text(String.format(Locale.ROOT,
              "Investigate %s on %s: $%,.0f, %.1f times its median day of $%,.0f (anomaly score %.2f)",
              service, day, cost, median == 0 ? 0 : cost / median, median, scores[i]), history.provenance()).flaggedAnomaly()));
        }
      }
    });
    SectionBuilder b = ctx.builder();
    ideas.stream().sorted(Comparator.comparingDouble((Idea i) -> -i.saving())).limit(5).forEach(i -> b.item(i.text()));
    b.emptyText("No on-demand compute above " + Math.round(ON_DEMAND_SHARE * 100) + "% of a service and no unusual cost day.");
    return b.build();
  }
}
