package io.companyos.render.internal;

import io.companyos.scoring.slo.Slo;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.finops.CloudBudget;
import io.companyos.scoring.finops.Variance;
import io.companyos.scoring.health.StandardHealthKpis;
import io.companyos.scoring.product.ActiveUserIndex;
import io.companyos.scoring.product.Engagement;
import io.companyos.sources.Series;
import java.time.YearMonth;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.health.HealthModel;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthScorer;
import io.companyos.scoring.health.StandardHealthModel;
import io.companyos.scoring.product.NetPromoterScore;
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

  /** The company's health model: the standard KPI rules with its health-model.yaml weights and bands. */
  static HealthModel model(SectionContext ctx) {
    return StandardHealthModel.create(ctx.company().healthModel());
  }

  /**
   * The dimensions a section lists ({@code dimensions:}, default all) that the company's model scores; a
   * dimension of weight 0 in health-model.yaml is not shown.
   */
  static List<String> shown(SectionContext ctx) {
    List<String> scored = names(ctx);
    return ctx.strings("dimensions", scored).stream().filter(scored::contains).toList();
  }

  /** The dimensions the company's model scores, in its order (a dimension of weight 0 is left out). */
  static List<String> names(SectionContext ctx) {
    return model(ctx).dimensions().stream().map(io.companyos.scoring.health.Dimension::id).toList();
  }

  /** Scores, highlights, the composite and its status word for one window. */
  record Result(Map<String, OptionalDouble> scores, Map<String, String> highlights, OptionalDouble overall,
      String status, Provenance provenance, HealthScore score, Map<String, List<String>> gaps) {
    /**
     * Empty when every input of every dimension was read and fresh; else what the composite lacks, per
     * dimension, e.g. "over 4 of 5 dimensions; Security n/a (vulnerabilities n/a: no source configured for
     * vulnerabilities)" or "Reliability: incidents stale (data of incidents.csv (exports) ends 2026-11-10,
     * 13 days before the as-of)". A composite never hides an input it could not read or that stopped.
     */
    String coverage() {
      List<String> parts = new ArrayList<>();
      long scored = scores.values().stream().filter(OptionalDouble::isPresent).count();
      scores.forEach((d, v) -> {
        List<String> g = gaps.getOrDefault(d, List.of());
        if (v.isEmpty()) {
          parts.add(LeadershipSections.label(d) + " n/a" + (g.isEmpty() ? " (no data in the window)" : " (" + String.join("; ", g) + ")"));
        } else if (!g.isEmpty()) {
          parts.add(LeadershipSections.label(d) + ": " + String.join("; ", g));
        }
      });
      if (parts.isEmpty()) {
        return "";
      }
      return (scored < scores.size() ? "over " + scored + " of " + scores.size() + " dimensions; " : "")
          + String.join("; ", parts);
    }
  }

  /** How long before a window incidents are fetched so that restores inside it of older incidents count. */
  static final Duration RESTORE_LOOKBACK = Duration.ofDays(90);

  private HealthDimensions() {}

  /** The standard model's composite score over {@code w}, from the KPIs the sources can feed. */
  public static HealthScore score(SectionContext ctx, TimeWindow w) {
    return of(ctx, w).score();
  }

  /**
   * The health result of {@code w}: computed once per (window, as-of) by the assembler, however many sections
   * and packs show it, so that one window has one score everywhere.
   */
  static Result of(SectionContext ctx, TimeWindow w) {
    return ctx.shared("health-score", List.of(w, ctx.asOf()), () -> compute(ctx, w));
  }

  private static Result compute(SectionContext ctx, TimeWindow w) {
    Map<String, Double> kpis = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    NAMES.forEach(d -> notes.put(d, new ArrayList<>()));
    Map<String, List<String>> gaps = new LinkedHashMap<>();
    Inputs in = new Inputs(ctx, w, kpis, notes, gaps);
    // The biggest reads start now, beside each other and beside the metric queries below, instead of one after
    // another: the week of product events (a files source reads the whole file for it once), the window's costs and
    // its deployments.
    ctx.prefetch(RecordKind.PRODUCT_EVENTS, TimeWindow.ending(w.end(), Duration.ofDays(7)));
    ctx.prefetch(RecordKind.COSTS, w);
    ctx.prefetch(RecordKind.DEPLOYMENTS, w);
    reliability(in);
    security(in);
    product(in);
    financials(in);
    efficiency(in);
    HealthModel model = model(ctx);
    HealthScore score = HealthScorer.score(model, kpis);
    Map<String, OptionalDouble> scores = new LinkedHashMap<>();
    Map<String, String> highlights = new LinkedHashMap<>();
    for (String d : names(ctx)) {
      OptionalDouble s = score.dimensions().stream().filter(x -> x.dimension().equals(d)).findFirst()
          .map(HealthScore.DimensionScore::score).orElse(OptionalDouble.empty());
      scores.put(d, s);
      highlights.put(d, notes.get(d).isEmpty() ? "n/a (no data in the window)" : String.join("; ", notes.get(d)));
    }
    List<String> scored = kpis.keySet().stream().filter(k -> model.kpis().stream().anyMatch(x -> x.id().equals(k))).toList();
    Provenance p = new Provenance(sourceId(ctx), "health score: StandardHealthModel over "
        + scored.size() + " KPIs (" + String.join(", ", scored) + ")", w, ctx.asOf(), scored.size());
    return new Result(scores, highlights, score.score(), score.status() == null ? "n/a" : score.status().label(), p, score,
        Map.copyOf(gaps));
  }

  /**
   * What the dimensions are measured into. Each input is measured on its own: a missing or failing input
   * marks only the KPIs that need it ("n/a (vulnerabilities: no source configured ...)"), never its whole
   * dimension, and never silently.
   */
  private record Inputs(SectionContext ctx, TimeWindow w, Map<String, Double> kpis, Map<String, List<String>> notes,
      Map<String, List<String>> gaps) {
    void measure(String dimension, String input, Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        // A located problem keeps its place: "n/a (incidents: incidents.csv:6: COS-SRC-003 ...)".
        String why = Reasons.of(e);
        notes.get(dimension).add("n/a (" + input + ": " + why + ")");
        gaps.computeIfAbsent(dimension, k -> new ArrayList<>()).add(input + " n/a: " + why);
      }
    }

    /**
     * {@code data}, after noting when it is stale: its source's data ends too long before the window (or the
     * as-of) does. The KPI is still scored from it, and the dimension says so.
     */
    <T> Dataset<T> fresh(String dimension, String input, Dataset<T> data) {
      Provenance p = data.provenance();
      Instant needed = w.end().isBefore(ctx.asOf()) ? w.end() : ctx.asOf();
      if (p.covers() != null && p.covers().staleBy(needed).isPresent()) {
        String when = Freshness.ends(p, ctx.asOf(), ctx.zone());
        List<String> g = gaps.computeIfAbsent(dimension, k -> new ArrayList<>());
        String gap = input + " stale (" + when + ")";
        if (!g.contains(gap)) {
          g.add(gap);
          notes.get(dimension).add("stale " + input + ": " + when);
        }
      }
      return data;
    }

    void note(String dimension, String text) {
      notes.get(dimension).add(text);
    }
  }

  /** The sources the model reads, in order of first use, e.g. "exports, sample" (each number's own footnote is exact). */
  private static String sourceId(SectionContext ctx) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (RecordKind<?> k : List.of(RecordKind.INCIDENTS, RecordKind.VULNERABILITIES, RecordKind.PRODUCT_EVENTS,
        RecordKind.NPS_RESPONSES, RecordKind.ARR_MOVEMENTS, RecordKind.COSTS, RecordKind.DEPLOYMENTS, RecordKind.CHANGES)) {
      servedQuietly(() -> ctx.servedBy(k)).ifPresent(ids::add);
    }
    for (String m : List.of(MetricNames.COMPLIANCE_CONTROLS_PASSING, MetricNames.GROSS_MARGIN,
        MetricNames.TARGET_COST_PER_MAU, MetricNames.MONTHLY_BUDGET)) {
      servedQuietly(() -> ctx.servedByMetric(m)).ifPresent(ids::add);
    }
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  private static java.util.Optional<String> servedQuietly(java.util.function.Supplier<java.util.Optional<String>> route) {
    try {
      return route.get();
    } catch (RuntimeException e) {
      return java.util.Optional.empty(); // a source that cannot describe itself serves nothing here
    }
  }

  private static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
  }

  private static void reliability(Inputs in) {
    String d = StandardHealthModel.RELIABILITY;
    in.measure(d, "SLOs", () -> {
      List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(in.ctx(), in.w());
      StandardHealthKpis.sloBudgetConsumed(slos.stream().map(ReliabilitySections.SloRow::result).toList()).ifPresent(c -> {
        in.kpis().put(StandardHealthModel.SLO_BUDGET_CONSUMED, c);
        in.note(d, Slo.met(ReliabilitySections.results(slos)) + " of " + slos.size() + " SLOs met");
      });
    });
    in.measure(d, "incidents", () -> {
      // Incidents created up to 90 days before the window, so that restores in the window of older incidents count.
      List<Incident> inc = in.fresh(d, "incidents", in.ctx().records(RecordKind.INCIDENTS,
          new TimeWindow(in.w().start().minus(RESTORE_LOOKBACK), in.w().end()))).rows();
      in.kpis().put(StandardHealthModel.P1P2_INCIDENTS, StandardHealthKpis.majorIncidentsPer30Days(inc, in.w()));
      in.note(d, StandardHealthKpis.majorIncidents(inc, in.w()) + " P1/P2 incidents");
      StandardHealthKpis.medianRestoreHours(inc, in.w()).ifPresent(m -> in.kpis().put(StandardHealthModel.MTTR_HOURS, m));
    });
  }

  private static void security(Inputs in) {
    String d = StandardHealthModel.SECURITY;
    Instant end = in.w().end();
    in.measure(d, "vulnerabilities", () -> {
      List<Vulnerability> rows = in.fresh(d, "vulnerabilities", in.ctx().records(RecordKind.VULNERABILITIES, Rows.history(end))).rows();
      long critical = VulnerabilityStats.exposure(rows, List.of("critical"), end, SecuritySections.SLA).open();
      VulnerabilityStats.Exposure all = VulnerabilityStats.exposure(rows, end, SecuritySections.SLA);
      in.kpis().put(StandardHealthModel.CRITICAL_VULNS_OPEN, (double) critical);
      VulnerabilityStats.slaCompliance(rows, end, SecuritySections.SLA)
          .ifPresent(c -> in.kpis().put(StandardHealthModel.VULN_SLA_COMPLIANCE, c));
      in.note(d, critical + " critical open; " + all.pastSla() + " past SLA (all severities)");
    });
    in.measure(d, "compliance", () -> {
      Double compliance = Rows.last(in.fresh(d, "compliance", in.ctx().range(MetricNames.COMPLIANCE_CONTROLS_PASSING,
          TimeWindow.ending(end, Duration.ofDays(35)))));
      if (compliance != null) {
        in.kpis().put(StandardHealthModel.COMPLIANCE_CONTROLS, compliance);
        in.note(d, "compliance " + pct(compliance));
      }
    });
  }

  private static void product(Inputs in) {
    String d = StandardHealthModel.PRODUCT;
    SectionContext ctx = in.ctx();
    TimeWindow w = in.w();
    in.measure(d, "product events", () -> {
      // WAU, DAU and MAU precomputed for exactly their windows when a source holds them (a job run with --days 7
      // ending with the window, and one ending a week earlier), else from the events.
      TimeWindow week = TimeWindow.ending(w.end(), Duration.ofDays(7));
      java.util.Optional<Precomputed.Found> pcWau = Precomputed.find(ctx, "wau", week);
      java.util.Optional<Precomputed.Found> pcPrev = Precomputed.find(ctx, "wau", week.previous());
      java.util.Optional<PrecomputedStickiness> pcSticky = precomputedStickiness(ctx, w.end());
      if (pcWau.isEmpty() || pcPrev.isEmpty() || pcSticky.isEmpty()) {
        // The week, the week before and the 30 days all lie in the 30 days: one index counts them all, read once.
        indexProductEvents(ctx, TimeWindow.ending(w.end(), Duration.ofDays(30)));
      }
      long wau = pcWau.isPresent() ? Math.round(pcWau.get().value().value())
          : activeUsers(ctx, in.fresh(d, "product events", ctx.records(RecordKind.PRODUCT_EVENTS, week)));
      long prev = pcPrev.isPresent() ? Math.round(pcPrev.get().value().value())
          : activeUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, week.previous()));
      OptionalDouble stickiness = pcSticky.isPresent() ? pcSticky.get().ratio()
          : stickiness(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, TimeWindow.ending(w.end(), Duration.ofDays(30))), w.end());
      stickiness.ifPresent(s -> in.kpis().put(StandardHealthModel.STICKINESS, s));
      Variance.change(wau, prev).ifPresent(growth -> {
        in.kpis().put(StandardHealthModel.WAU_GROWTH, growth);
        in.note(d, String.format(Locale.ROOT, "WAU %d (%+.1f%%)", wau, growth));
      });
    });
    in.measure(d, "NPS responses", () -> {
      TimeWindow month = TimeWindow.ending(w.end(), Duration.ofDays(30));
      OptionalDouble nps = NetPromoterScore.of(in.fresh(d, "NPS responses", ctx.records(RecordKind.NPS_RESPONSES, month)).rows(), month);
      if (nps.isPresent()) {
        in.kpis().put(StandardHealthModel.NPS, nps.getAsDouble());
        in.note(d, String.format(Locale.ROOT, "NPS %.0f", nps.getAsDouble()));
      }
    });
  }

  private static void financials(Inputs in) {
    String d = StandardHealthModel.FINANCIALS;
    SectionContext ctx = in.ctx();
    TimeWindow w = in.w();
    in.measure(d, "ARR movements", () -> {
      // The NRR precomputed over exactly the year ending with the window, when a source holds it: the number the
      // board pack's financial summary shows for the same year.
      java.util.Optional<Precomputed.Found> pc = Precomputed.find(ctx, "nrr", TimeWindow.ending(w.end(), Duration.ofDays(365)));
      OptionalDouble nrr = pc.isPresent() ? OptionalDouble.of(pc.get().value().value()) : Arr.trailingYear(ctx, w).nrr();
      if (nrr.isPresent()) {
        in.kpis().put(StandardHealthModel.NRR, nrr.getAsDouble());
        in.note(d, String.format(Locale.ROOT, "NRR %.1f%%", nrr.getAsDouble()) + (pc.isPresent() ? " (precomputed)" : ""));
      }
    });
    in.measure(d, "gross margin", () -> {
      Double gm = Rows.last(in.fresh(d, "gross margin", ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(w.end(), Duration.ofDays(35)))));
      if (gm != null) {
        in.kpis().put(StandardHealthModel.GROSS_MARGIN, gm);
        in.note(d, "gross margin " + pct(gm));
      }
    });
    in.measure(d, "cloud costs", () -> {
      OptionalDouble budget = budgetOf(ctx, w);
      // The window's cloud spend precomputed for exactly the window when a source holds it, as the FinOps review's.
      java.util.Optional<Precomputed.Found> pc = Precomputed.find(ctx, "cloud_spend", w);
      double spend = pc.isPresent() ? pc.get().value().value()
          : FinOpsSections.total(in.fresh(d, "cloud costs", ctx.records(RecordKind.COSTS, w)).rows());
      OptionalDouble variance = spend > 0 ? CloudBudget.variancePercent(spend, budget) : OptionalDouble.empty();
      if (variance.isPresent()) {
        in.kpis().put(StandardHealthModel.BUDGET_VARIANCE, variance.getAsDouble());
        in.note(d, String.format(Locale.ROOT, "spend %+.1f%% vs budget", variance.getAsDouble()));
      }
    });
  }

  /** The budget of {@code w} from the monthly budget series ({@link CloudBudget#proRated}). */
  static OptionalDouble budgetOf(SectionContext ctx, TimeWindow w) {
    return budgetOf(ctx, w, budgetSeries(ctx, w));
  }

  static OptionalDouble budgetOf(SectionContext ctx, TimeWindow w, Dataset<Series> series) {
    Map<YearMonth, Double> byMonth = new java.util.TreeMap<>();
    for (Series s : series.rows()) {
      for (Series.Point pt : s.points()) {
        byMonth.put(YearMonth.from(pt.timestamp().atZone(ctx.zone())), pt.value());
      }
    }
    return CloudBudget.proRated(w, ctx.zone(), m -> byMonth.containsKey(m) ? OptionalDouble.of(byMonth.get(m)) : OptionalDouble.empty());
  }

  /** The monthly budget points covering {@code w} (one per month, dated in its month). */
  static Dataset<Series> budgetSeries(SectionContext ctx, TimeWindow w) {
    Instant from = YearMonth.from(w.start().atZone(ctx.zone())).atDay(1).atStartOfDay(ctx.zone()).toInstant();
    return ctx.range(MetricNames.MONTHLY_BUDGET, new TimeWindow(from, w.end().isAfter(from) ? w.end() : from));
  }

  private static void efficiency(Inputs in) {
    String d = StandardHealthModel.EFFICIENCY;
    SectionContext ctx = in.ctx();
    TimeWindow w = in.w();
    in.measure(d, "deployments", () -> {
      in.fresh(d, "deployments", ctx.records(RecordKind.DEPLOYMENTS, w));
      DoraResult dora = ReliabilitySections.Dora.compute(ctx, w);
      if (dora.overall() != null) {
        in.kpis().put(StandardHealthModel.DORA_LEVEL, (double) dora.overall().ordinal());
        in.note(d, "DORA " + dora.overall().name().toLowerCase(Locale.ROOT));
      }
      dora.changeFailureRate().ifPresent(c -> {
        in.kpis().put(StandardHealthModel.CHANGE_FAILURE_RATE, c);
        in.note(d, "CFR " + pct(c));
      });
    });
    in.measure(d, "cost per MAU", () -> {
      Double target = Rows.last(ctx.range(MetricNames.TARGET_COST_PER_MAU, TimeWindow.ending(w.end(), Duration.ofDays(35))));
      OptionalDouble perMau = costPerMau(ctx, w);
      CloudBudget.againstTarget(perMau, target).ifPresent(ratio -> {
        in.kpis().put(StandardHealthModel.COST_PER_MAU_VS_TARGET, ratio);
        in.note(d, String.format(Locale.ROOT, "cost per MAU (30 days) %.2fx target", ratio));
      });
    });
  }

  /** Cost per MAU over the 30 days ending at {@code w}'s end ({@link CloudBudget#costPerMau}). */
  static OptionalDouble costPerMau(SectionContext ctx, TimeWindow w) {
    TimeWindow month = CloudBudget.mauWindow(w);
    long mau = activeUsers(ctx, ctx.records(RecordKind.PRODUCT_EVENTS, month));
    double spend = FinOpsSections.total(ctx.records(RecordKind.COSTS, month).rows());
    return spend > 0 ? CloudBudget.costPerMau(spend, mau) : OptionalDouble.empty();
  }

  /** Stickiness's two sides, both precomputed: DAU of the 7 days and MAU of the 30 days ending at the same instant. */
  record PrecomputedStickiness(Precomputed.Found dau, Precomputed.Found mau) {
    /** DAU / MAU; empty without active users. */
    OptionalDouble ratio() {
      double m = mau.value().value();
      return m > 0 ? OptionalDouble.of(dau.value().value() / m) : OptionalDouble.empty();
    }
  }

  /**
   * DAU of the 7 days ending at {@code end} and MAU of the 30 days ending there (a run with {@code --days 30}, or the
   * MAU a {@code --days 7} run writes with its week), when both are precomputed.
   */
  static java.util.Optional<PrecomputedStickiness> precomputedStickiness(SectionContext ctx, Instant end) {
    TimeWindow week = TimeWindow.ending(end, Duration.ofDays(7));
    java.util.Optional<Precomputed.Found> dau = Precomputed.find(ctx, "dau", week);
    java.util.Optional<Precomputed.Found> mau = Precomputed.find(ctx, "mau", TimeWindow.ending(end, Duration.ofDays(30)))
        .or(() -> Precomputed.find(ctx, "mau", week)); // the job's MAU is the 30 days ending with its window
    return dau.isPresent() && mau.isPresent() ? java.util.Optional.of(new PrecomputedStickiness(dau.get(), mau.get()))
        : java.util.Optional.empty();
  }

  /**
   * The active users of {@code events} (distinct users of every event but sign-up, {@link Engagement#activeUsers}),
   * computed once per pack for the same rows.
   */
  static long activeUsers(SectionContext ctx, Dataset<ProductEvent> events) {
    return ctx.derived(events, "active-users", () -> {
      ActiveUserIndex index = indexFor(ctx, events);
      return index != null ? index.activeUsers(events.provenance().window()) : Engagement.activeUsers(events.rows());
    });
  }

  /**
   * Feature adoption ({@link Engagement#featureAdoption}) over the window of {@code events}; counted by an index of the
   * events ({@link #indexProductEvents}) when one covers them.
   */
  static Map<String, Double> featureAdoption(SectionContext ctx, Dataset<ProductEvent> events) {
    ActiveUserIndex index = indexFor(ctx, events);
    TimeWindow w = events.provenance().window();
    return index != null ? index.featureAdoption(w) : Engagement.featureAdoption(events.rows(), w);
  }

  /**
   * Stickiness ({@link Engagement#stickiness}) at {@code end} from {@code month}, the product events of the 30 days
   * ending there; counted by an index of the events ({@link #indexProductEvents}) when one covers them.
   */
  static OptionalDouble stickiness(SectionContext ctx, Dataset<ProductEvent> month, Instant end) {
    ActiveUserIndex index = indexFor(ctx, month);
    return index != null && month.provenance().window().end().equals(end) ? index.stickiness(end, ctx.zone())
        : Engagement.stickiness(month.rows(), end, ctx.zone());
  }

  /**
   * Keeps the product events of {@code cover} as one {@link ActiveUserIndex} for every pack of the assembler, so that
   * the distinct users of each window inside it ({@link #activeUsers}, {@link #stickiness}) are counted over a slice
   * of two primitive arrays instead of by a hash set over that window's events: a chart of many overlapping windows
   * (a 30-day MAU for each of 36 windows) reads each event once, not once per window. The rows start loading now
   * ({@link SectionContext#prefetch}); the index is built by the first count that needs it, and other counts wait for
   * it. The windows still take their own rows (their provenance and freshness are theirs); only the count comes from
   * the index, and only when the index holds as many events of the window as the window's own rows (the same source,
   * the same rows). Nothing happens when no source holds product events or an index already covers {@code cover}; if
   * reading it fails, each window counts, or fails on, its own rows as before.
   */
  static void indexProductEvents(SectionContext ctx, TimeWindow cover) {
    if (!ctx.supports(RecordKind.PRODUCT_EVENTS)) {
      return;
    }
    List<PendingIndex> known = indexes(ctx);
    synchronized (known) {
      if (known.stream().anyMatch(i -> covers(i.cover(), cover))) {
        return;
      }
      ctx.prefetch(RecordKind.PRODUCT_EVENTS, cover);
      known.add(new PendingIndex(cover, new java.util.concurrent.FutureTask<>(
          () -> ActiveUserIndex.of(ctx.records(RecordKind.PRODUCT_EVENTS, cover).rows(), cover))));
    }
  }

  /** An index of the product events of {@code cover}, built once by whoever needs it first. */
  private record PendingIndex(TimeWindow cover, java.util.concurrent.FutureTask<ActiveUserIndex> index) {}

  private static boolean covers(TimeWindow outer, TimeWindow inner) {
    return !inner.start().isBefore(outer.start()) && !inner.end().isAfter(outer.end());
  }

  /**
   * The span that holds the product events {@link #of} and {@link #costPerMau} read for each of {@code windows}:
   * from the earliest of each window's start and the start of the 30 days ending with it, to the latest end.
   */
  static TimeWindow productEventsCover(List<TimeWindow> windows) {
    Instant start = null;
    Instant end = null;
    for (TimeWindow w : windows) {
      Instant s = w.end().minus(Duration.ofDays(30));
      s = w.start().isBefore(s) ? w.start() : s;
      start = start == null || s.isBefore(start) ? s : start;
      end = end == null || w.end().isAfter(end) ? w.end() : end;
    }
    if (start == null) {
      throw new IllegalArgumentException("no windows");
    }
    return new TimeWindow(start, end);
  }

  private static List<PendingIndex> indexes(SectionContext ctx) {
    return ctx.shared("active-user-indexes", List.of(), java.util.concurrent.CopyOnWriteArrayList::new);
  }

  /**
   * An index that covers the window of {@code events} and holds as many events in it as they are (built now, or
   * waited for, when it is not yet), or null: then the events are counted themselves.
   */
  private static @org.jspecify.annotations.Nullable ActiveUserIndex indexFor(SectionContext ctx, Dataset<ProductEvent> events) {
    TimeWindow w = events.provenance().window();
    for (PendingIndex pending : indexes(ctx)) {
      if (!covers(pending.cover(), w)) {
        continue;
      }
      pending.index().run(); // builds it here unless it is built or being built
      ActiveUserIndex index;
      try {
        index = pending.index().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (java.util.concurrent.ExecutionException e) {
        continue; // its read failed: the window's own rows are counted (and fail, if they do, as they always have)
      }
      if (index.events(w) == events.rows().size()) {
        return index;
      }
    }
    return null;
  }
}
