package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.Incident;
import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.finops.CloudBudget;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.health.StandardHealthKpis;
import io.companyos.scoring.product.Engagement;
import io.companyos.scoring.product.NetPromoterScore;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The current value of a key result that names a catalog KPI: that KPI over the given window (the quarter to
 * date), computed by the same scoring functions the rest of the pack uses. Ratios are given in percent, as key
 * results are written.
 */
final class KeyResultKpis {
  /** A KPI value for a key result, or the reason there is none, with the provenance of the computation. */
  record Value(OptionalDouble value, String reason, Provenance provenance) {}

  private KeyResultKpis() {}

  /** {@code kpi} over {@code w}, computed once per (kpi, window, as-of) for every pack. */
  static Value of(SectionContext ctx, String kpi, TimeWindow w) {
    return ctx.shared("key-result-kpi", List.of(kpi, w, ctx.asOf()), () -> compute(ctx, kpi, w));
  }

  private static Value compute(SectionContext ctx, String kpi, TimeWindow w) {
    String id = kpi.contains(":") ? kpi.substring(0, kpi.indexOf(':')) : kpi;
    String qualifier = kpi.contains(":") ? kpi.substring(kpi.indexOf(':') + 1) : "";
    String over = " over " + Windows.describe(w, ctx.zone());
    java.util.Optional<Precomputed.Found> pc = precomputed(ctx, id, qualifier, w);
    if (pc.isPresent()) {
      return new Value(OptionalDouble.of(pc.get().value().value()), "", pc.get().provenance());
    }
    if (id.equals("stickiness")) {
      java.util.Optional<HealthDimensions.PrecomputedStickiness> sides = HealthDimensions.precomputedStickiness(ctx, w.end());
      if (sides.isPresent()) {
        return new Value(percent(sides.get().ratio()), "no active users", SectionContext.derived(sides.get().dau().provenance(),
            "KPI stickiness: / " + sides.get().mau().value().series() + ", %", 2));
      }
    }
    switch (id) {
      case "wau", "mau" -> {
        TimeWindow span = TimeWindow.ending(w.end(), Duration.ofDays(id.equals("wau") ? 7 : 30));
        Dataset<ProductEvent> d = ctx.records(RecordKind.PRODUCT_EVENTS, span);
        long users = HealthDimensions.activeUsers(ctx, d);
        return value(users > 0 ? OptionalDouble.of(users) : OptionalDouble.empty(), "no active users", d.provenance(), span,
            "KPI " + kpi + ": distinct active users");
      }
      case "stickiness" -> {
        TimeWindow month = TimeWindow.ending(w.end(), Duration.ofDays(30));
        Dataset<ProductEvent> d = ctx.records(RecordKind.PRODUCT_EVENTS, month);
        return value(percent(HealthDimensions.stickiness(ctx, d, w.end())), "no active users", d.provenance(), month,
            "KPI stickiness: DAU of the 7 days / MAU, %");
      }
      case "feature_adoption" -> {
        Dataset<ProductEvent> d = ctx.records(RecordKind.PRODUCT_EVENTS, w);
        Double share = HealthDimensions.featureAdoption(ctx, d).get(qualifier);
        return value(percent(share == null ? OptionalDouble.empty() : OptionalDouble.of(share)), "no use of feature '" + qualifier + "'" + over,
            d.provenance(), w, "KPI " + kpi + ": users of the feature / active users, %");
      }
      case "mttr_hours", "p1p2_incidents" -> {
        Dataset<Incident> d = ctx.records(RecordKind.INCIDENTS, new TimeWindow(w.start().minus(HealthDimensions.RESTORE_LOOKBACK), w.end()));
        OptionalDouble v = id.equals("mttr_hours") ? StandardHealthKpis.medianRestoreHours(d.rows(), w)
            : OptionalDouble.of(StandardHealthKpis.majorIncidentsPer30Days(d.rows(), w));
        return value(v, "no incident resolved" + over, d.provenance(), w, "KPI " + kpi);
      }
      case "cost_per_mau" -> {
        TimeWindow month = CloudBudget.mauWindow(w);
        Dataset<CostRow> d = ctx.records(RecordKind.COSTS, month);
        return value(HealthDimensions.costPerMau(ctx, w), "no spend or no active users", d.provenance(), month,
            "KPI cost_per_mau: spend / active users of the 30 days");
      }
      case "sp_coverage", "ri_coverage", "spot_percentage" -> {
        Dataset<CostRow> d = ctx.records(RecordKind.COSTS, w);
        OptionalDouble v = id.equals("sp_coverage") ? CommitmentCoverage.savingsPlan(d.rows())
            : id.equals("ri_coverage") ? CommitmentCoverage.reservation(d.rows()) : CommitmentCoverage.spot(d.rows());
        return value(percent(v), "no eligible usage" + over, d.provenance(), w,
            "KPI " + kpi + ": on ListCost, %");
      }
      case "nps" -> {
        TimeWindow month = TimeWindow.ending(w.end(), Duration.ofDays(30));
        Dataset<NpsResponse> d = ctx.records(RecordKind.NPS_RESPONSES, month);
        return value(NetPromoterScore.of(d.rows(), month), "no NPS responses", d.provenance(), month, "KPI nps");
      }
      default -> {
        return new Value(OptionalDouble.empty(), "KPI '" + kpi + "' cannot feed a key result (see docs/kpis.md)",
            new Provenance("none", "KPI " + kpi, w, ctx.asOf(), 0));
      }
    }
  }

  /**
   * The value of {@code id} the batch job wrote for exactly the window the key result measures it over
   * ({@link Precomputed}), in the key result's unit (the job writes shares in percent, as key results are): the
   * coverage shares and a feature's adoption over {@code w}, WAU and MAU over the 7 and 30 days ending with it.
   */
  private static java.util.Optional<Precomputed.Found> precomputed(SectionContext ctx, String id, String qualifier, TimeWindow w) {
    return switch (id) {
      case "sp_coverage", "ri_coverage", "spot_percentage" -> Precomputed.find(ctx, id, w);
      case "feature_adoption" -> Precomputed.find(ctx, id, w, java.util.Map.of("feature", qualifier));
      case "wau", "mau" -> Precomputed.find(ctx, id, TimeWindow.ending(w.end(), Duration.ofDays(id.equals("wau") ? 7 : 30)));
      default -> java.util.Optional.empty();
    };
  }

  /** A ratio written in percent, as key results are (unit scaling only). */
  private static OptionalDouble percent(OptionalDouble ratio) {
    return ratio.isPresent() ? OptionalDouble.of(100 * ratio.getAsDouble()) : ratio;
  }

  private static Value value(OptionalDouble v, String reason, Provenance base, TimeWindow over, String what) {
    return new Value(v, reason, SectionContext.computedOver(base, over, what, base.rowCount()));
  }
}
