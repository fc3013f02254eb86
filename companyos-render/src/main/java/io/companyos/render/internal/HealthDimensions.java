package io.companyos.render.internal;

import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.Percentiles;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.health.HealthModel;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthScorer;
import io.companyos.scoring.health.StandardHealthModel;
import io.companyos.scoring.product.NetPromoterScore;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.security.VulnerabilityStats;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The five health dimensions of the seed's exec review (reliability, security, product, financials,
 * efficiency) and the composite health score over a window. The KPI values are measured here from the
 * sources; scoring, weights, normalisation and status bands are the scoring module's
 * {@link StandardHealthModel} via {@link HealthScorer}. A KPI without data is left out (the scorer
 * rescales), never counted as zero.
 */
public final class HealthDimensions {
  static final List<String> NAMES = List.of(StandardHealthModel.RELIABILITY, StandardHealthModel.SECURITY,
      StandardHealthModel.PRODUCT, StandardHealthModel.FINANCIALS, StandardHealthModel.EFFICIENCY);
  private static final HealthModel MODEL = StandardHealthModel.create();

  /** Scores, highlights, the composite and its status word for one window. */
  record Result(Map<String, OptionalDouble> scores, Map<String, String> highlights, OptionalDouble overall,
      String status, Provenance provenance) {}

  private HealthDimensions() {}

  /** The standard model's composite score over {@code w}, from the KPIs the sources can feed. */
  public static HealthScore score(SectionContext ctx, TimeWindow w) {
    Map<String, Double> kpis = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    NAMES.forEach(d -> notes.put(d, new ArrayList<>()));
    collect(ctx, w, kpis, notes);
    return HealthScorer.score(MODEL, kpis);
  }

  private static void collect(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, Map<String, List<String>> notes) {
    measure(notes, StandardHealthModel.RELIABILITY, () -> reliability(ctx, w, kpis, notes.get(StandardHealthModel.RELIABILITY)));
    measure(notes, StandardHealthModel.SECURITY, () -> security(ctx, w, kpis, notes.get(StandardHealthModel.SECURITY)));
    measure(notes, StandardHealthModel.PRODUCT, () -> product(ctx, w, kpis, notes.get(StandardHealthModel.PRODUCT)));
    measure(notes, StandardHealthModel.FINANCIALS, () -> financials(ctx, w, kpis, notes.get(StandardHealthModel.FINANCIALS)));
    measure(notes, StandardHealthModel.EFFICIENCY, () -> efficiency(ctx, w, kpis, notes.get(StandardHealthModel.EFFICIENCY)));
  }

  static Result of(SectionContext ctx, TimeWindow w) {
    Map<String, Double> kpis = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    NAMES.forEach(d -> notes.put(d, new ArrayList<>()));
    collect(ctx, w, kpis, notes);
    HealthScore score = HealthScorer.score(MODEL, kpis);
    Map<String, OptionalDouble> scores = new LinkedHashMap<>();
    Map<String, String> highlights = new LinkedHashMap<>();
    for (String d : NAMES) {
      OptionalDouble s = score.dimensions().stream().filter(x -> x.dimension().equals(d)).findFirst()
          .map(HealthScore.DimensionScore::score).orElse(OptionalDouble.empty());
      scores.put(d, s);
      highlights.put(d, notes.get(d).isEmpty() ? "n/a (no data in the window)" : String.join("; ", notes.get(d)));
    }
    Provenance p = new Provenance(sourceId(ctx), "health score: StandardHealthModel over "
        + kpis.size() + " KPIs (" + String.join(", ", kpis.keySet()) + ")", w, ctx.asOf(), kpis.size());
    return new Result(scores, highlights, score.score(), score.status() == null ? "n/a" : score.status().label(), p);
  }

  private static void measure(Map<String, List<String>> notes, String dimension, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      notes.get(dimension).add("n/a (" + e.getMessage() + ")");
    }
  }

  private static String sourceId(SectionContext ctx) {
    try {
      return ctx.records(RecordKind.INCIDENTS, new TimeWindow(ctx.asOf(), ctx.asOf())).provenance().sourceId();
    } catch (RuntimeException e) {
      return "none";
    }
  }

  private static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
  }

  private static void reliability(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, List<String> notes) {
    List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(ctx, w);
    long total = slos.stream().mapToLong(r -> r.result().total()).sum();
    long bad = slos.stream().mapToLong(r -> r.result().bad()).sum();
    if (total > 0) {
      kpis.put(StandardHealthModel.SLO_ATTAINMENT, 1 - (double) bad / total);
      notes.add(slos.stream().filter(r -> r.result().met()).count() + " of " + slos.size() + " SLOs met");
    }
    List<Incident> inc = ctx.records(RecordKind.INCIDENTS, w).rows();
    long major = inc.stream().filter(i -> i.severity().equals("P1") || i.severity().equals("P2")).count();
    // Incidents per 30 days, so windows of any length compare.
    kpis.put(StandardHealthModel.P1P2_INCIDENTS, major * 30 / Math.max(1.0, Rows.days(w)));
    notes.add(major + " P1/P2 incidents");
    double[] restore = inc.stream().filter(i -> i.timeResolved() != null)
        .mapToDouble(i -> Duration.between(i.timeCreated(), i.timeResolved()).toMinutes() / 60.0).toArray();
    Percentiles.median(restore).ifPresent(m -> kpis.put(StandardHealthModel.MTTR_HOURS, m));
  }

  private static void security(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, List<String> notes) {
    Instant end = w.end();
    List<Vulnerability> open = ctx.records(RecordKind.VULNERABILITIES, Rows.history(end)).rows().stream()
        .filter(v -> open(v, end)).toList();
    long critical = open.stream().filter(v -> v.severity().equals("critical")).count();
    long within = open.stream().filter(v -> !SecuritySections.breached(v, end)).count();
    kpis.put(StandardHealthModel.CRITICAL_VULNS_OPEN, (double) critical);
    VulnerabilityStats.slaCompliance(open, end, RemediationSla.DEFAULT)
        .ifPresent(c -> kpis.put(StandardHealthModel.VULN_SLA_COMPLIANCE, c));
    notes.add(critical + " critical open; " + (open.size() - within) + " past SLA");
    Double compliance = Rows.last(ctx.range(MetricNames.COMPLIANCE_CONTROLS_PASSING, TimeWindow.ending(end, Duration.ofDays(35))));
    if (compliance != null) {
      kpis.put(StandardHealthModel.COMPLIANCE_CONTROLS, compliance);
      notes.add("compliance " + pct(compliance));
    }
  }

  private static void product(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, List<String> notes) {
    TimeWindow week = TimeWindow.ending(w.end(), Duration.ofDays(7));
    Dataset<ProductEvent> lastWeek = ctx.records(RecordKind.PRODUCT_EVENTS, week);
    long wau = distinctUsers(ctx, lastWeek);
    long prev = distinctUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, week.previous()));
    long mau = distinctUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, TimeWindow.ending(w.end(), Duration.ofDays(30))));
    if (mau > 0) {
      kpis.put(StandardHealthModel.STICKINESS, ProductSections.dau(lastWeek.rows(), week) / mau);
    }
    if (prev > 0) {
      double growth = 100.0 * (wau - prev) / prev;
      kpis.put(StandardHealthModel.WAU_GROWTH, growth);
      notes.add(String.format(Locale.ROOT, "WAU %d (%+.1f%%)", wau, growth));
    }
    TimeWindow month = TimeWindow.ending(w.end(), Duration.ofDays(30));
    OptionalDouble nps = NetPromoterScore.of(ctx.records(RecordKind.NPS_RESPONSES, month).rows(), month);
    if (nps.isPresent()) {
      kpis.put(StandardHealthModel.NPS, nps.getAsDouble());
      notes.add(String.format(Locale.ROOT, "NPS %.0f", nps.getAsDouble()));
    }
  }

  private static void financials(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, List<String> notes) {
    OptionalDouble nrr = Arr.trailingYear(ctx, w).nrr();
    if (nrr.isPresent()) {
      kpis.put(StandardHealthModel.NRR, nrr.getAsDouble());
      notes.add(String.format(Locale.ROOT, "NRR %.1f%%", nrr.getAsDouble()));
    }
    Double gm = Rows.last(ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(w.end(), Duration.ofDays(35))));
    if (gm != null) {
      kpis.put(StandardHealthModel.GROSS_MARGIN, gm);
      notes.add("gross margin " + pct(gm));
    }
    Double budget = Rows.last(ctx.range(MetricNames.MONTHLY_BUDGET, TimeWindow.ending(w.end(), Duration.ofDays(35))));
    double spend = FinOpsSections.total(ctx.records(RecordKind.COSTS, w).rows());
    if (budget != null && budget > 0 && spend > 0) {
      double share = Rows.days(w) / 30.4375;
      double variance = 100 * (spend - budget * share) / (budget * share);
      kpis.put(StandardHealthModel.BUDGET_VARIANCE, variance);
      notes.add(String.format(Locale.ROOT, "spend %+.1f%% vs budget", variance));
    }
  }

  private static void efficiency(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, List<String> notes) {
    DoraResult dora = ReliabilitySections.Dora.compute(ctx, w);
    if (dora.overall() != null) {
      kpis.put(StandardHealthModel.DORA_LEVEL, (double) dora.overall().ordinal());
      notes.add("DORA " + dora.overall().name().toLowerCase(Locale.ROOT));
    }
    dora.changeFailureRate().ifPresent(c -> {
      kpis.put(StandardHealthModel.CHANGE_FAILURE_RATE, c);
      notes.add("CFR " + pct(c));
    });
    Double target = Rows.last(ctx.range(MetricNames.TARGET_COST_PER_MAU, TimeWindow.ending(w.end(), Duration.ofDays(35))));
    long mau = distinctUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, TimeWindow.ending(w.end(), Duration.ofDays(30))));
    double monthSpend = FinOpsSections.total(ctx.records(RecordKind.COSTS, TimeWindow.ending(w.end(), Duration.ofDays(30))).rows());
    if (target != null && target > 0 && mau > 0 && monthSpend > 0) {
      kpis.put(StandardHealthModel.COST_PER_MAU_VS_TARGET, monthSpend / mau / target);
      notes.add(String.format(Locale.ROOT, "cost/MAU %.2fx target", monthSpend / mau / target));
    }
  }

  /** The distinct users of {@code events}, computed once per pack for the same rows. */
  static long distinctUsers(SectionContext ctx, Dataset<ProductEvent> events) {
    return ctx.derived(events, "distinct-users", () -> {
      java.util.Set<String> users = new java.util.HashSet<>(Math.max(16, events.rows().size() / 8));
      for (ProductEvent e : events.rows()) {
        users.add(e.userId());
      }
      return (long) users.size();
    });
  }

  static boolean open(Incident i, Instant at) {
    return i.timeCreated().isBefore(at) && (i.timeResolved() == null || i.timeResolved().isAfter(at));
  }

  static boolean open(Vulnerability v, Instant at) {
    return v.detectedAt().isBefore(at) && (v.resolvedAt() == null || v.resolvedAt().isAfter(at));
  }
}
