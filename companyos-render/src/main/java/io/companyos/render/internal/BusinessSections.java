package io.companyos.render.internal;

import io.companyos.scoring.finops.ArrMetrics;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.scoring.slo.Slo;
import io.companyos.scoring.sprint.SprintMetrics;
import io.companyos.scoring.health.StandardHealthKpis;

import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Board and QBR sections: financial summary, customer metrics, platform health and platform metrics. */
final class BusinessSections {
  private BusinessSections() {}

  /** ARR, NRR (trailing twelve months) and gross margin, each against the previous period end. */
  static final class FinancialSummary extends FixedSection {
    FinancialSummary() {
      super("financial_summary", List.of(f("arr", "ARR"), f("nrr", "NRR"), f("gross_margin", "Gross Margin")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant end = ctx.window().end();
      Instant prevEnd = ctx.previousWindow().end();
      SectionBuilder b = ctx.builder();
      for (String k : ctx.strings("metrics", List.of("arr", "nrr", "gross_margin"))) {
        switch (k) {
          case "arr" -> b.field("arr", "ARR", Arr.figure(ctx, "arr", ctx.window(), ctx.previousWindow(), Unit.USD,
              r -> OptionalDouble.of(r.arrEnd().doubleValue()), "ARR of all accounts at the period end (ArrMetrics)", "",
              Direction.HIGHER_IS_BETTER, null));
          case "nrr" -> b.field("nrr", "NRR", nrr(ctx));
          default -> {
            if (!ctx.supportsMetric(MetricNames.GROSS_MARGIN)) {
              // ARR and NRR may be precomputed; gross margin is a reported series the job does not write.
              b.field("gross_margin", "Gross Margin", MetricValue.absent("no source of " + MetricNames.GROSS_MARGIN, Unit.PERCENT)
                  .asKpi("gross_margin"));
              continue;
            }
            Dataset<Series> gm = ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(end, Duration.ofDays(35)));
            Double v = Rows.last(gm);
            Double p = Rows.last(ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(prevEnd, Duration.ofDays(35))));
            b.field("gross_margin", "Gross Margin", (v == null ? MetricValue.absent("no gross margin reported in the last 35 days", Unit.PERCENT)
                : MetricValue.of(v * 100, Unit.PERCENT, gm.provenance()).comparedWith(p == null ? null : p * 100, Direction.HIGHER_IS_BETTER))
                .asKpi("gross_margin"));
          }
        }
      }
      return b.build();
    }
  }

  /** Net revenue retention over the trailing year, against the same a period earlier. */
  static MetricValue nrr(SectionContext ctx) {
    return Arr.figure(ctx, "nrr", TimeWindow.ending(ctx.window().end(), Duration.ofDays(365)),
        TimeWindow.ending(ctx.previousWindow().end(), Duration.ofDays(365)), Unit.PERCENT, ArrMetrics.Result::nrr,
        "NRR over the 365 days to the period end (ArrMetrics)", "no ARR a year before", Direction.HIGHER_IS_BETTER, null);
  }

  /** DAU, WAU, churn, net new and churned ARR, NRR and logo retention, as configured. */
  static final class CustomerMetrics extends FixedSection {
    CustomerMetrics() {
      super("customer_metrics", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      TimeWindow pw = ctx.previousWindow();
      SectionBuilder b = ctx.builder();
      for (String k : ctx.strings("metrics", List.of("dau", "wau", "churn"))) {
        switch (k) {
          case "dau" -> {
            // The value precomputed for exactly the window when a source holds one ({@link Precomputed}), else the events'.
            java.util.Optional<Precomputed.Found> pc = Precomputed.find(ctx, "dau", w);
            java.util.Optional<Precomputed.Found> pp = Precomputed.find(ctx, "dau", pw);
            boolean events = ctx.supports(RecordKind.PRODUCT_EVENTS);
            Double before = pp.isPresent() ? pp.get().scaled(1)
                : events || pc.isEmpty() ? (Double) ProductSections.dau(ctx.records(RecordKind.PRODUCT_EVENTS, pw).rows(), pw, ctx.zone()) : null;
            MetricValue now;
            if (pc.isPresent()) {
              now = pc.get().metric(Unit.COUNT, 1);
            } else {
              Dataset<ProductEvent> c = ctx.records(RecordKind.PRODUCT_EVENTS, w);
              now = MetricValue.of(ProductSections.dau(c.rows(), w, ctx.zone()), Unit.COUNT, c.provenance());
            }
            b.field("dau", "DAU", now.comparedWith(before, Direction.HIGHER_IS_BETTER).asKpi("dau"));
          }
          case "wau" -> {
            TimeWindow week = TimeWindow.ending(w.end(), Duration.ofDays(7));
            TimeWindow weekBefore = TimeWindow.ending(pw.end(), Duration.ofDays(7));
            java.util.Optional<Precomputed.Found> pc = Precomputed.find(ctx, "wau", week);
            java.util.Optional<Precomputed.Found> pp = Precomputed.find(ctx, "wau", weekBefore);
            boolean events = ctx.supports(RecordKind.PRODUCT_EVENTS);
            Double before = pp.isPresent() ? pp.get().scaled(1) : events || pc.isEmpty()
                ? (Double) (double) HealthDimensions.activeUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, weekBefore)) : null;
            MetricValue now;
            if (pc.isPresent()) {
              now = pc.get().metric(Unit.COUNT, 1);
            } else {
              Dataset<ProductEvent> c = ctx.records(RecordKind.PRODUCT_EVENTS, week);
              now = MetricValue.of(HealthDimensions.activeUsers(ctx, c), Unit.COUNT, c.provenance());
            }
            b.field("wau", "WAU", now.asKpi("wau").comparedWith(before, Direction.HIGHER_IS_BETTER));
          }
          case "churn" -> {
            Dataset<ArrMovement> m = ctx.records(RecordKind.ARR_MOVEMENTS, w);
            Dataset<ArrMovement> pm = ctx.records(RecordKind.ARR_MOVEMENTS, pw);
            b.field("churn", "Churn", MetricValue.of(count(m.rows()), Unit.COUNT, count(m.rows()) + " accounts, "
                + Unit.USD.format(Arr.of(ctx, w).churned().doubleValue()) + " ARR", m.provenance())
                .comparedWith((double) count(pm.rows()), Direction.LOWER_IS_BETTER)
                .withEvidence(churnedAccounts(m.rows())));
          }
          case "churned_arr" -> b.field("churned_arr", "Churned ARR", Arr.figure(ctx, "churned_arr", w, pw, Unit.USD,
              r -> OptionalDouble.of(r.churned().doubleValue()), "churned ARR in the period (ArrMetrics)", "",
              Direction.LOWER_IS_BETTER, () -> churnedAccounts(ctx.records(RecordKind.ARR_MOVEMENTS, w).rows())));
          case "net_new_arr" -> b.field("new_arr", "Net New ARR", Arr.figure(ctx, "net_new_arr", w, pw, Unit.USD,
              r -> OptionalDouble.of(r.netNew().doubleValue()), "new + expansion - contraction - churn in the period (ArrMetrics)",
              "", Direction.HIGHER_IS_BETTER, null));
          case "nrr" -> b.field("nrr", "Net Revenue Retention", nrr(ctx));
          default -> b.field("logo_retention", "Logo Retention", Arr.figure(ctx, "logo_retention", w, null, Unit.PERCENT,
              ArrMetrics.Result::logoRetention, "accounts with ARR at period start still paying at its end (ArrMetrics)",
              "no paying accounts at period start", Direction.HIGHER_IS_BETTER, null));
        }
      }
      return b.build();
    }

    /** The accounts with a churn movement among {@code m}, sorted: the evidence of churn counts. */
    private static List<String> churnedAccounts(List<ArrMovement> m) {
      return ArrMetrics.churns(m).stream().map(ArrMovement::accountId).distinct().sorted().toList();
    }

    private static long count(List<ArrMovement> m) {
      return ArrMetrics.churns(m).size();
    }
  }

  /** Board platform health: SLOs met, P1/P2 incidents and their MTTR in the period. */
  static final class PlatformHealth extends FixedSection {
    PlatformHealth() {
      super("platform_health", List.of(f("slo_attainment", "SLOs Met"), f("incidents", "Incidents (P1/P2)"), f("mttr", "MTTR (P1/P2)")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(ctx, ctx.window());
      long met = Slo.met(ReliabilitySections.results(slos));
      Dataset<Incident> inc = ctx.records(RecordKind.INCIDENTS, ctx.window());
      Dataset<Incident> prev = ctx.records(RecordKind.INCIDENTS, ctx.previousWindow());
      List<Incident> major = major(inc.rows());
      SectionBuilder b = ctx.builder();
      b.field("slo_attainment", "SLOs Met", slos.isEmpty() ? MetricValue.absent("no SLO data in the period", Unit.COUNT)
          : MetricValue.of(met, Unit.COUNT, met + " of " + slos.size() + " services", slos.get(0).provenance())
              .withEvidence(ReliabilitySections.evidence(slos)).asKpi("slos_met"));
      b.field("incidents", "Incidents (P1/P2)", MetricValue.of(major.size(), Unit.COUNT, inc.provenance())
          .comparedWith((double) major(prev.rows()).size(), Direction.LOWER_IS_BETTER));
      // MTTR (P1/P2): the median restore of the P1/P2 incidents resolved in the window (StandardHealthKpis), the
      // definition of the catalog's MTTR restricted to P1/P2, whenever they were opened.
      Dataset<Incident> history = ctx.records(RecordKind.INCIDENTS,
          new TimeWindow(ctx.window().start().minus(HealthDimensions.RESTORE_LOOKBACK), ctx.window().end()));
      List<Incident> majorHistory = major(history.rows());
      OptionalDouble mttr = StandardHealthKpis.medianRestoreHours(majorHistory, ctx.window());
      List<String> restored = StandardHealthKpis.resolvedIn(majorHistory, ctx.window()).stream().map(Incident::incidentId).sorted().toList();
      b.field("mttr", "MTTR (P1/P2)", mttr.isPresent()
          ? MetricValue.of(mttr.getAsDouble(), Unit.HOURS, SectionContext.computedOver(history.provenance(), ctx.window(),
              "median(resolved - created) over P1/P2 incidents resolved in the window", restored.size())).withEvidence(restored).asKpi("mttr_p1p2_hours")
          : MetricValue.absent("no P1/P2 incident resolved in the window", Unit.HOURS));
      return b.build();
    }
  }

  static List<Incident> major(List<Incident> all) {
    return IncidentStats.ofSeverity(all, List.of("P1", "P2"));
  }

  /** QBR platform metrics: P1/P2 incidents, mean SLO attainment, deploys and features shipped. */
  static final class PlatformMetrics extends FixedSection {
    PlatformMetrics() {
      super("platform_metrics", List.of(f("incidents", "Total Incidents (P1/P2)"), f("slo_avg", "SLO Attainment"),
          f("deploy_count", "Deploys"), f("features", "Features Shipped")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      List<String> sev = ctx.strings("severity", List.of("P1", "P2"));
      Dataset<Incident> inc = ctx.records(RecordKind.INCIDENTS, w);
      Dataset<Incident> pinc = ctx.records(RecordKind.INCIDENTS, ctx.previousWindow());
      SectionBuilder b = ctx.builder();
      List<String> counted = IncidentStats.ofSeverity(inc.rows(), sev).stream().map(Incident::incidentId).sorted().toList();
      b.field("incidents", "Total Incidents (" + String.join("/", sev) + ")", MetricValue.of(counted.size(), Unit.COUNT,
              SectionContext.derived(inc.provenance(), String.join("/", sev) + " incidents created in the period", counted.size()))
          .comparedWith((double) IncidentStats.ofSeverity(pinc.rows(), sev).size(), Direction.LOWER_IS_BETTER).withEvidence(counted));
      List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(ctx, w);
      OptionalDouble pooled = Slo.pooledAttainment(ReliabilitySections.results(slos));
      b.field("slo_avg", "SLO Attainment", pooled.isEmpty() ? MetricValue.absent("no SLO data in the period", Unit.PERCENT)
          : MetricValue.of(100 * pooled.getAsDouble(), Unit.PERCENT, SectionContext.derived(slos.get(0).provenance(),
              "good events / all events, summed over every SLO first", slos.size())).withEvidence(ReliabilitySections.evidence(slos))
              .asKpi("slo_attainment_pooled"));
      var dep = ctx.records(RecordKind.DEPLOYMENTS, w);
      b.field("deploy_count", "Deploys", MetricValue.of(dep.rows().size(), Unit.COUNT, dep.provenance())
          .comparedWith((double) ctx.records(RecordKind.DEPLOYMENTS, ctx.previousWindow()).rows().size(), Direction.HIGHER_IS_BETTER));
      Dataset<SprintItem> items = ctx.records(RecordKind.SPRINT_ITEMS, new TimeWindow(w.start().minus(Duration.ofDays(60)), w.end()));
      List<String> features = SprintMetrics.storiesCompleted(items.rows(), w).stream().map(SprintItem::itemId).toList();
      b.field("features", "Features Shipped", MetricValue.of(features.size(), Unit.COUNT, SectionContext.derived(items.provenance(),
          "stories completed in the period", features.size())).withEvidence(features));
      return b.build();
    }
  }
}
