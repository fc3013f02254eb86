package io.companyos.render.internal;

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

  private static Dataset<ArrMovement> movements(SectionContext ctx) {
    return ctx.records(RecordKind.ARR_MOVEMENTS, new TimeWindow(ctx.asOf().minus(Duration.ofDays(3650)), ctx.asOf()));
  }

  static double arrAt(List<ArrMovement> m, Instant at) {
    return HealthDimensions.arrByAccount(m, at).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** ARR, NRR (trailing twelve months) and gross margin, each against the previous period end. */
  static final class FinancialSummary extends FixedSection {
    FinancialSummary() {
      super("financial_summary", List.of(f("arr", "ARR"), f("nrr", "NRR"), f("gross_margin", "Gross Margin")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<ArrMovement> m = movements(ctx);
      Instant end = ctx.window().end();
      Instant prevEnd = ctx.previousWindow().end();
      SectionBuilder b = ctx.builder();
      for (String k : ctx.strings("metrics", List.of("arr", "nrr", "gross_margin"))) {
        switch (k) {
          case "arr" -> b.field("arr", "ARR", MetricValue.of(arrAt(m.rows(), end), Unit.USD, m.provenance())
              .comparedWith(arrAt(m.rows(), prevEnd), Direction.HIGHER_IS_BETTER));
          case "nrr" -> b.field("nrr", "NRR", nrr(m, end, prevEnd));
          default -> {
            Dataset<Series> gm = ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(end, Duration.ofDays(35)));
            Double v = Rows.last(gm);
            Double p = Rows.last(ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(prevEnd, Duration.ofDays(35))));
            b.field("gross_margin", "Gross Margin", v == null ? MetricValue.absent("no gross margin reported in the last 35 days", Unit.PERCENT)
                : MetricValue.of(v * 100, Unit.PERCENT, gm.provenance()).comparedWith(p == null ? null : p * 100, Direction.HIGHER_IS_BETTER));
          }
        }
      }
      return b.build();
    }
  }

  static MetricValue nrr(Dataset<ArrMovement> m, Instant end, Instant prevEnd) {
    OptionalDouble v = HealthDimensions.nrrPercent(m.rows(), end.minus(Duration.ofDays(365)), end);
    OptionalDouble p = HealthDimensions.nrrPercent(m.rows(), prevEnd.minus(Duration.ofDays(365)), prevEnd);
    Provenance prov = SectionContext.derived(m.provenance(), "ARR now of accounts with ARR 365 days earlier / their ARR then", m.rows().size());
    return v.isPresent() ? MetricValue.of(v.getAsDouble(), Unit.PERCENT, prov)
        .comparedWith(p.isPresent() ? p.getAsDouble() : null, Direction.HIGHER_IS_BETTER)
        : MetricValue.absent("no ARR a year before", Unit.PERCENT);
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
            Dataset<ProductEvent> c = ctx.records(RecordKind.PRODUCT_EVENTS, w);
            Dataset<ProductEvent> p = ctx.records(RecordKind.PRODUCT_EVENTS, pw);
            b.field("dau", "DAU", MetricValue.of(ProductSections.dau(c.rows(), w), Unit.COUNT, c.provenance())
                .comparedWith(ProductSections.dau(p.rows(), pw), Direction.HIGHER_IS_BETTER));
          }
          case "wau" -> {
            TimeWindow week = TimeWindow.ending(w.end(), Duration.ofDays(7));
            Dataset<ProductEvent> c = ctx.records(RecordKind.PRODUCT_EVENTS, week);
            Dataset<ProductEvent> p = ctx.records(RecordKind.PRODUCT_EVENTS, TimeWindow.ending(pw.end(), Duration.ofDays(7)));
            b.field("wau", "WAU", MetricValue.of(HealthDimensions.distinctUsers(c), Unit.COUNT, c.provenance())
                .comparedWith((double) HealthDimensions.distinctUsers(p), Direction.HIGHER_IS_BETTER));
          }
          case "churn", "churned_arr", "net_new_arr" -> {
            Dataset<ArrMovement> m = ctx.records(RecordKind.ARR_MOVEMENTS, w);
            Dataset<ArrMovement> pm = ctx.records(RecordKind.ARR_MOVEMENTS, pw);
            if (k.equals("churn")) {
              b.field("churn", "Churn", MetricValue.of(count(m.rows(), "churn"), Unit.COUNT,
                  count(m.rows(), "churn") + " accounts, " + Unit.USD.format(sum(m.rows(), "churn")) + " ARR", m.provenance())
                  .comparedWith((double) count(pm.rows(), "churn"), Direction.LOWER_IS_BETTER));
            } else if (k.equals("churned_arr")) {
              b.field("churned_arr", "Churned ARR", MetricValue.of(sum(m.rows(), "churn"), Unit.USD, m.provenance())
                  .comparedWith(sum(pm.rows(), "churn"), Direction.LOWER_IS_BETTER));
            } else {
              b.field("new_arr", "Net New ARR", MetricValue.of(netNew(m.rows()), Unit.USD, m.provenance())
                  .comparedWith(netNew(pm.rows()), Direction.HIGHER_IS_BETTER));
            }
          }
          case "nrr" -> b.field("nrr", "Net Revenue Retention", nrr(movements(ctx), w.end(), pw.end()));
          default -> {
            Dataset<ArrMovement> all = movements(ctx);
            Map<String, Double> start = HealthDimensions.arrByAccount(all.rows(), w.start());
            Map<String, Double> end = HealthDimensions.arrByAccount(all.rows(), w.end());
            long kept = start.keySet().stream().filter(end::containsKey).count();
            b.field("logo_retention", "Logo Retention", start.isEmpty() ? MetricValue.absent("no paying accounts at period start", Unit.PERCENT)
                : MetricValue.of(100.0 * kept / start.size(), Unit.PERCENT, SectionContext.derived(all.provenance(),
                    "accounts with ARR at period end / accounts with ARR at period start", start.size())));
          }
        }
      }
      return b.build();
    }

    private static long count(List<ArrMovement> m, String kind) {
      return m.stream().filter(x -> x.kind().equals(kind)).count();
    }

    private static double sum(List<ArrMovement> m, String kind) {
      return m.stream().filter(x -> x.kind().equals(kind)).mapToDouble(x -> x.amount().doubleValue()).sum();
    }

    /** New plus expansion minus contraction and churn. */
    private static double netNew(List<ArrMovement> m) {
      return sum(m, "new") + sum(m, "expansion") - sum(m, "contraction") - sum(m, "churn");
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
      long met = slos.stream().filter(r -> r.result().met()).count();
      Dataset<Incident> inc = ctx.records(RecordKind.INCIDENTS, ctx.window());
      Dataset<Incident> prev = ctx.records(RecordKind.INCIDENTS, ctx.previousWindow());
      List<Incident> major = major(inc.rows());
      SectionBuilder b = ctx.builder();
      b.field("slo_attainment", "SLOs Met", slos.isEmpty() ? MetricValue.absent("no SLO data in the period", Unit.COUNT)
          : MetricValue.of(met, Unit.COUNT, met + " of " + slos.size() + " services", slos.get(0).provenance()));
      b.field("incidents", "Incidents (P1/P2)", MetricValue.of(major.size(), Unit.COUNT, inc.provenance())
          .comparedWith((double) major(prev.rows()).size(), Direction.LOWER_IS_BETTER));
      OptionalDouble mttr = major.stream().filter(i -> i.timeResolved() != null)
          .mapToDouble(i -> Duration.between(i.timeCreated(), i.timeResolved()).toMinutes() / 60.0).average();
      b.field("mttr", "MTTR (P1/P2)", mttr.isPresent() ? MetricValue.of(mttr.getAsDouble(), Unit.HOURS, inc.provenance())
          : MetricValue.absent(major.isEmpty() ? "no P1/P2 incidents" : "none resolved yet", Unit.HOURS));
      return b.build();
    }
  }

  static List<Incident> major(List<Incident> all) {
    return all.stream().filter(i -> i.severity().equals("P1") || i.severity().equals("P2")).toList();
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
      b.field("incidents", "Total Incidents (" + String.join("/", sev) + ")", MetricValue.of(
          inc.rows().stream().filter(i -> sev.contains(i.severity())).count(), Unit.COUNT, inc.provenance())
          .comparedWith((double) pinc.rows().stream().filter(i -> sev.contains(i.severity())).count(), Direction.LOWER_IS_BETTER));
      List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(ctx, w);
      b.field("slo_avg", "SLO Attainment", slos.isEmpty() ? MetricValue.absent("no SLO data in the period", Unit.PERCENT)
          : MetricValue.of(100 * slos.stream().mapToDouble(r -> r.result().attainment().orElse(1.0)).average().orElse(0), Unit.PERCENT,
              slos.get(0).provenance()));
      var dep = ctx.records(RecordKind.DEPLOYMENTS, w);
      b.field("deploy_count", "Deploys", MetricValue.of(dep.rows().size(), Unit.COUNT, dep.provenance())
          .comparedWith((double) ctx.records(RecordKind.DEPLOYMENTS, ctx.previousWindow()).rows().size(), Direction.HIGHER_IS_BETTER));
      Dataset<SprintItem> items = ctx.records(RecordKind.SPRINT_ITEMS, new TimeWindow(w.start().minus(Duration.ofDays(60)), w.end()));
      long features = items.rows().stream().filter(i -> i.kind().equals("story") && i.completedAt() != null && w.contains(i.completedAt())).count();
      b.field("features", "Features Shipped", MetricValue.of(features, Unit.COUNT, SectionContext.derived(items.provenance(),
          "stories completed in the period", features)));
      return b.build();
    }
  }
}
