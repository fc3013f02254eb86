package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.scoring.Direction;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.scoring.recommend.AnomalyGate;
import java.time.Instant;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Optimization opportunities": the company's FinOps recommendation rules ({@code recommendations.yaml}: commitment
 * coverage gap priced in dollars a month, untagged spend), then on-demand compute that a savings plan could cover
 * (priced at the discount the company already gets on committed rows), then unusual cost days that pass
 * {@link AnomalyGate}: inside the pack's own period, above the service's median (a cheaper day is never a risk) and at
 * least {@link AnomalyGate#MIN_EFFECT} times it: up to {@code limit} (5) rule recommendations, then up to
 * {@code highlights} (2) of the others, largest saving or excess first. Only maps scoring's results to text and ranks them.
 */
final class CostOpportunities extends FixedSection {
  CostOpportunities() {
    super("optimization_opportunities", List.of(), List.of());
  }

  private record Idea(double saving, MetricValue text) {}

  @Override
  public PackSection assemble(SectionContext ctx) {
    int limit = ctx.integer("limit", 5);
    SectionBuilder b = ctx.builder();
    RuleRecommendations.Outcome rules = RuleRecommendations.evaluate(ctx, "optimization_opportunities");
    rules.items().stream().limit(limit).forEach(i -> b.item(i.value()));
    Dataset<CostRow> cur = ctx.records(RecordKind.COSTS, ctx.window());
    List<Idea> ideas = new ArrayList<>();
    for (SavingsOpportunities.OnDemandCompute o : SavingsOpportunities.onDemandCompute(cur.rows(), SavingsOpportunities.ON_DEMAND_SHARE)) {
      ideas.add(new Idea(o.saving(), MetricValue.text(String.format(Locale.ROOT,
          "Cover on-demand compute of %s ($%,.0f, %.0f%% of its compute) with a savings plan: about $%,.0f less at the %.0f%% discount already achieved",
          o.service(), o.onDemand(), o.onDemandPercent(), o.saving(), 100 * o.discount()), cur.provenance())));
    }
    TimeWindow period = AnomalyGate.within(ctx.window(), ctx.packWindow());
    Dataset<CostRow> history = ctx.records(RecordKind.COSTS, TimeWindow.ending(ctx.window().end(), Duration.ofDays(90)));
    LocalDate from = period.start().atZone(ctx.zone()).toLocalDate();
    for (SavingsOpportunities.CostOutlier o : SavingsOpportunities.outliers(history.rows(), ctx.zone(), from, SavingsOpportunities.OUTLIERS)) {
      Instant day = o.day().atStartOfDay(ctx.zone()).toInstant();
      if (!AnomalyGate.shown(day, o.cost(), o.median(), Direction.LOWER_IS_BETTER, period, AnomalyGate.MIN_EFFECT)) {
        continue;
      }
      ideas.add(new Idea(o.excess(), MetricValue.text(String.format(Locale.ROOT,
          "Investigate %s on %s: $%,.0f, %.1f times its median day of $%,.0f (anomaly score %.2f)",
          o.service(), o.day(), o.cost(), o.timesMedian().orElse(Double.NaN), o.median(), o.score()), history.provenance()).flaggedAnomaly()));
    }
    ideas.stream().sorted(Comparator.comparingDouble((Idea i) -> -i.saving())).limit(ctx.integer("highlights", 2))
        .forEach(i -> b.item(i.text()));
    if (!rules.notRun().isEmpty()) {
      b.note("Rules not evaluated: " + String.join("; ", rules.notRun()));
    }
    b.emptyText("No FinOps rule fired, no on-demand compute above " + Math.round(SavingsOpportunities.ON_DEMAND_SHARE * 100)
        + "% of a service and no cost day at least " + AnomalyGate.MIN_EFFECT + " times its median in the period.");
    return b.build();
  }
}
