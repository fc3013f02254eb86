package io.companyos.render.internal;

import io.companyos.model.rhythm.AgendaItem;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.SectionUnavailableException;
import io.companyos.render.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planning meeting's agenda from the rhythm (Day 1 strategic alignment, Day 2 tactical planning),
 * one table per day, each topic with the data that feeds it. Topics without a data source say so.
 */
final class PlanningAgenda extends FixedSection {
  static final List<String> COLUMNS = List.of("Topic", "Data that feeds it");

  PlanningAgenda() {
    super("planning_agenda", List.of(), List.of(COLUMNS));
  }

  @Override
  public PackSection assemble(SectionContext ctx) {
    String id = ctx.string("meeting", ctx.pack().meeting() == null ? "" : ctx.pack().meeting());
    Meeting m = ctx.company().rhythm().meeting(id)
        .orElseThrow(() -> new SectionUnavailableException("meeting '" + id + "' is not in the rhythm"));
    SectionBuilder b = ctx.builder();
    for (AgendaItem day : m.agenda()) {
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String topic : day.description().split(";")) {
        String t = topic.strip();
        if (!t.isEmpty()) {
          rows.add(List.of(MetricValue.label(t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1)), feed(ctx, t)));
        }
      }
      b.table(new SectionTable(day.title() + " (" + day.minutes() / 60 + " h)", COLUMNS, rows, "No topics listed."));
    }
    return b.build();
  }

  private static MetricValue feed(SectionContext ctx, String topic) {
    String t = topic.toLowerCase(Locale.ROOT);
    try {
      if (t.contains("strategy") || t.contains("priority")) {
        HealthDimensions.Result r = HealthDimensions.of(ctx, ctx.packWindow());
        String weakest = r.scores().keySet().stream().filter(d -> r.scores().get(d).isPresent())
            .min((a, c) -> Double.compare(r.scores().get(a).getAsDouble(), r.scores().get(c).getAsDouble())).orElse("n/a");
        return r.overall().isPresent() ? MetricValue.text(String.format(Locale.ROOT, "health score %s/100 for %s; weakest dimension: %s",
            Unit.SCORE.format(r.overall().getAsDouble()), Windows.describe(ctx.packWindow(), ctx.zone()), weakest), r.provenance()) : MetricValue.absent("no health data this quarter", Unit.TEXT);
      }
      if (t.contains("customer feedback")) {
        var fb = ctx.records(io.companyos.sources.RecordKind.FEEDBACK, TimeWindow.ending(ctx.asOf(), Duration.ofDays(90)));
        long themes = io.companyos.scoring.product.CustomerSignals.rankedRequests(fb.rows()).size();
        return MetricValue.text(fb.rows().size() + " feedback items, " + themes + " themes in 90 days (see Customer Feedback Themes)", fb.provenance());
      }
      if (t.contains("okr")) {
        Okrs.Quarter q = Okrs.current(ctx);
        long ok = q.krs().stream().filter(Okrs.Kr::achievedOrOnTrack).count();
        return MetricValue.text(q.krs().size() + " key results in " + q.label() + ", " + ok + " achieved or on track (see OKR Results to Date)",
            q.data().provenance());
      }
      if (t.contains("resource")) {
        var costs = ctx.records(io.companyos.sources.RecordKind.COSTS, ctx.window());
        var byTeam = io.companyos.scoring.finops.CostBreakdown.by(costs.rows(), r -> r.tags().getOrDefault("team", "untagged"));
        // The quarter's spend precomputed for exactly the window when a source holds it, as the FinOps sections take it.
        java.util.Optional<Precomputed.Found> pc = Precomputed.find(ctx, "cloud_spend", ctx.window());
        double spend = pc.isPresent() ? pc.get().value().value() : FinOpsSections.total(costs.rows());
        return MetricValue.text(byTeam.size() + " teams; cloud spend this quarter " + Unit.USD.format(spend),
            pc.isPresent() ? pc.get().provenance() : costs.provenance());
      }
      if (t.contains("risk")) {
        return MetricValue.label("see Risks to Assess below");
      }
    } catch (RuntimeException e) {
      return MetricValue.absent(Reasons.of(e), Unit.TEXT);
    }
    return MetricValue.absent("no source holds data for this topic", Unit.TEXT);
  }
}
