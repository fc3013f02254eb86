package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.scoring.finops.SavingsOpportunities;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Rule-based cost optimisation suggestions ({@link SavingsOpportunities}): on-demand compute that a savings plan
 * could cover (priced at the discount the company already gets on committed rows) and days whose cost per service
 * is an outlier for the anomaly detector over the last 90 days. Only maps the results to text and ranks them.
 */
final class CostOpportunities extends FixedSection {
  CostOpportunities() {
    super("optimization_opportunities", List.of(), List.of());
  }

  private record Idea(double saving, MetricValue text) {}

  @Override
  public PackSection assemble(SectionContext ctx) {
    Dataset<CostRow> cur = ctx.records(RecordKind.COSTS, ctx.window());
    List<Idea> ideas = new ArrayList<>();
    for (SavingsOpportunities.OnDemandCompute o : SavingsOpportunities.onDemandCompute(cur.rows(), SavingsOpportunities.ON_DEMAND_SHARE)) {
      ideas.add(new Idea(o.saving(), MetricValue.text(String.format(Locale.ROOT,
          "Cover on-demand compute of %s ($%,.0f, %.0f%% of its compute) with a savings plan: about $%,.0f less at the %.0f%% discount already achieved",
          o.service(), o.onDemand(), o.onDemandPercent(), o.saving(), 100 * o.discount()), cur.provenance())));
    }
    Dataset<CostRow> history = ctx.records(RecordKind.COSTS, TimeWindow.ending(ctx.window().end(), Duration.ofDays(90)));
    LocalDate from = ctx.window().start().atZone(ctx.zone()).toLocalDate();
    for (SavingsOpportunities.CostOutlier o : SavingsOpportunities.outliers(history.rows(), ctx.zone(), from, SavingsOpportunities.OUTLIERS)) {
      String times = o.timesMedian().isPresent() ? String.format(Locale.ROOT, "%.1f times its median day", o.timesMedian().getAsDouble())
          : "against a median day";
      ideas.add(new Idea(o.excess(), MetricValue.text(String.format(Locale.ROOT,
          "Investigate %s on %s: $%,.0f, %s of $%,.0f (anomaly score %.2f)",
          o.service(), o.day(), o.cost(), times, o.median(), o.score()), history.provenance()).flaggedAnomaly()));
    }
    SectionBuilder b = ctx.builder();
    ideas.stream().sorted(Comparator.comparingDouble((Idea i) -> -i.saving())).limit(5).forEach(i -> b.item(i.text()));
    b.emptyText("No on-demand compute above " + Math.round(SavingsOpportunities.ON_DEMAND_SHARE * 100) + "% of a service and no unusual cost day.");
    return b.build();
  }
}
