package io.companyos.render.internal;

import io.companyos.model.data.Change;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.slo.specs.OpenSloWriter;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.scoring.incident.SeverityStats;
import io.companyos.scoring.slo.BurnRateAlerts;
import io.companyos.scoring.slo.SloResult;
import io.companyos.scoring.slo.ServiceSlos;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reliability sections of the ops review: incident summary, SLO performance and DORA metrics. */
final class ReliabilitySections {
  private ReliabilitySections() {}

  /** Incidents by severity: count, mean time to restore and repeats of the 30 days before ({@link IncidentStats}). */
  static final class IncidentSummary extends FixedSection {
    static final List<String> COLUMNS = List.of("Severity", "Count", "MTTR (avg)", "Repeat?");

    IncidentSummary() {
      super("incident_summary", List.of(), List.of(COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      List<String> severities = ctx.strings("severity", List.of("P1", "P2"));
      TimeWindow w = ctx.window();
      Dataset<Incident> cur = ctx.records(RecordKind.INCIDENTS,
          new TimeWindow(w.start().minus(IncidentStats.DEFAULT_REPEAT_WINDOW), w.end()));
      Dataset<Incident> prev = ctx.records(RecordKind.INCIDENTS, ctx.previousWindow());
      IncidentStats.Summary now = IncidentStats.summarize(cur.rows(), w, severities, IncidentStats.DEFAULT_REPEAT_WINDOW);
      IncidentStats.Summary before = IncidentStats.summarize(prev.rows(), ctx.previousWindow(), severities,
          IncidentStats.DEFAULT_REPEAT_WINDOW);
      // The counts cover the section window; the 30 days read before it only decide what is a repeat.
      Provenance p = SectionContext.computedOver(cur.provenance(), w,
          "incidents created in the window by severity (repeats: same fingerprint in the 30 days before)",
          now.createdAnySeverity());
      List<List<MetricValue>> rows = new ArrayList<>();
      for (SeverityStats s : now.bySeverity()) {
        MetricValue count = MetricValue.of(s.count(), Unit.COUNT, p)
            .comparedWith((double) before.countOf(s.severity()), Direction.LOWER_IS_BETTER).withEvidence(s.incidentIds());
        MetricValue mttr = s.mttrHoursMean().isPresent() ? MetricValue.of(s.mttrHoursMean().getAsDouble(), Unit.HOURS, p)
            : MetricValue.absent(s.count() == 0 ? "no incidents" : s.resolvedBeforeCreated() > 0
                ? "none resolved yet (" + s.resolvedBeforeCreated() + " resolved before created, left out)" : "none resolved yet", Unit.HOURS);
        MetricValue repeat = MetricValue.text(s.repeatIds().isEmpty() ? "no" : "yes (" + String.join(", ", s.repeatIds()) + ")", p);
        rows.add(List.of(MetricValue.label(s.severity()), count, mttr, repeat));
      }
      return ctx.builder().table(new SectionTable("", COLUMNS, rows, "")).build();
    }
  }

  /**
   * Per SLO: target, attainment and error budget remaining over the window, and (when the company has SLO specs, or
   * {@code burn_tier: shown}) the burn-rate tier at the window's end.
   */
  static final class SloPerformance extends FixedSection {
    static final List<String> COLUMNS = List.of("Service", "SLO Target", "Actual", "Budget Remaining");
    /** The column added by {@code burn_tier}. */
    static final String BURN_TIER = "Burn Tier";

    SloPerformance() {
      super("slo_performance", List.of(), List.of(COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      List<String> services = ctx.strings("services", List.of("all"));
      boolean budget = ctx.bool("include_budget_remaining", true);
      String shown = ctx.string("burn_tier", "auto");
      boolean tier = shown.equals("shown") || (shown.equals("auto") && !ctx.company().slos().slos().isEmpty());
      List<String> cols = new ArrayList<>(budget ? COLUMNS : COLUMNS.subList(0, 3));
      if (tier) {
        cols.add(BURN_TIER);
      }
      List<List<MetricValue>> rows = new ArrayList<>();
      for (SloRow r : slos(ctx, ctx.window())) {
        if (!services.contains("all") && !services.contains(r.service()) && (r.spec() == null || !services.contains(r.spec().service()))) {
          continue;
        }
        List<MetricValue> row = new ArrayList<>(List.of(MetricValue.label(r.service()),
            MetricValue.of(r.result().target() * 100, Unit.PERCENT, r.targetProvenance()),
            percent(r.result().attainment(), r.provenance()).withEvidence(List.of(r.evidence()))));
        if (budget) {
          row.add(percent(r.result().budgetRemaining(), r.provenance()));
        }
        if (tier) {
          row.add(tierValue(r.spec() != null ? SpecSlos.tier(ctx, r.spec(), ctx.window().end())
              : Optional.of(ruleTier(ctx, r.service(), r.result().target(), ctx.window().end())), r.provenance()));
        }
        rows.add(row);
      }
      for (SpecSlos.Row r : SpecSlos.evaluate(ctx, ctx.window())) {
        if (r.result() == null && (services.contains("all") || services.contains(r.spec().service()))) {
          String why = r.unavailable() == null ? "no data" : r.unavailable();
          List<MetricValue> row = new ArrayList<>(List.of(MetricValue.label(r.spec().name()),
              MetricValue.of(r.spec().objective() * 100, Unit.PERCENT, specTarget(ctx, r.spec(), ctx.window())),
              MetricValue.absent(why, Unit.PERCENT)));
          if (budget) {
            row.add(MetricValue.absent(why, Unit.PERCENT));
          }
          if (tier) {
            row.add(MetricValue.absent(why, Unit.TEXT));
          }
          rows.add(row);
        }
      }
      return ctx.builder().table(new SectionTable("", cols, rows, "No SLO data in the window.")).build();
    }

    private static MetricValue percent(OptionalDouble ratio, Provenance p) {
      return ratio.isPresent() ? MetricValue.of(ratio.getAsDouble() * 100, Unit.PERCENT, p)
          : MetricValue.absent("no requests in the window", Unit.PERCENT);
    }
  }

  /**
   * A burn-rate tier as the SLO table shows it: the firing tier with the largest factor ({@code 14.4x page (1h/5m)},
   * {@code 3x ticket (1d/2h)}), {@code none} when no tier fires, n/a when no window had events.
   */
  static MetricValue tierValue(Optional<BurnRateAlerts.Tier> tier, Provenance p) {
    if (tier.isEmpty() || !tier.get().hasData()) {
      return MetricValue.absent(tier.isEmpty() ? "not computed" : "no events in the last 3 days", Unit.TEXT);
    }
    Provenance q = SectionContext.derived(p, "burn rate = error ratio / (1 - target) over 1h/5m, 6h/30m, 1d/2h and 3d/6h; the "
        + "fastest tier burning above its factor over both windows", p.rowCount());
    return MetricValue.text(tier.get().firing().map(a -> SloSpec.plain(a.window().factor()) + "x " + (a.window().pages() ? "page" : "ticket")
        + " (" + OpenSloWriter.duration(a.window().longWindow()) + "/" + OpenSloWriter.duration(a.window().shortWindow()) + ")")
        .orElse("none"), q);
  }

  /**
   * The burn-rate tier of a recording-rule SLO at {@code end}: its request and error series summed over each tier's
   * windows ending there, like the SLO itself over the pack's window.
   */
  static BurnRateAlerts.Tier ruleTier(SectionContext ctx, String service, double target, Instant end) {
    return BurnRateAlerts.tier(length -> {
      List<Map<String, Double>> counts = ctx.shared("slo-rule-counts", List.of(length, end), () -> {
        TimeWindow w = TimeWindow.ending(end, length);
        return List.of(Rows.sumBy(ctx.range(MetricNames.SLO_REQUESTS, w), "service"), Rows.sumBy(ctx.range(MetricNames.SLO_ERRORS, w), "service"));
      });
      List<ServiceSlos.ServiceSlo> one = ServiceSlos.of(Map.of(service, counts.get(0).getOrDefault(service, 0.0)), counts.get(1),
          Map.of(service, target)).slos();
      return one.get(0).result();
    });
  }

  /**
   * One SLO over a window: a service's recording-rule SLO ({@code spec} null) or a spec's, named by the spec.
   */
  record SloRow(String service, SloResult result, String evidence, Provenance provenance, Provenance targetProvenance,
      @Nullable SloSpec spec) {
    /** Error budget left as a ratio; 1 when there were no requests. */
    double remaining() {
      return result.budgetRemaining().orElse(1.0);
    }
  }

  /** The provenance of a spec's target: the file and position it was written at. */
  static Provenance specTarget(SectionContext ctx, SloSpec spec, TimeWindow w) {
    return new Provenance("slos", "objective of " + spec.name() + " at " + spec.origin(), w, ctx.asOf(), 1);
  }

  /** The scoring results of {@code rows}, in the same order. */
  static List<SloResult> results(List<SloRow> rows) {
    return rows.stream().map(SloRow::result).toList();
  }

  /** The evidence of {@code rows}: each service's event counts and target ({@link ServiceSlos.ServiceSlo#evidence}). */
  static List<String> evidence(List<SloRow> rows) {
    return rows.stream().map(SloRow::evidence).toList();
  }

  /**
   * Every SLO with data in {@code w}: the recording-rule SLO of every service that has requests and a target, sorted by
   * service ({@link ServiceSlos}), then the company's SLO specs that were computed, in spec order. A service that an
   * SLO spec names is listed by its specs only, so that its events are not counted twice. With SLO specs and no source
   * of the recording-rule series, the specs alone.
   */
  static List<SloRow> slos(SectionContext ctx, TimeWindow w) {
    List<SpecSlos.Row> specs = SpecSlos.evaluate(ctx, w);
    List<SloRow> out = new ArrayList<>();
    if (ctx.company().slos().slos().isEmpty() || ctx.supportsMetric(MetricNames.SLO_REQUESTS)) {
      Set<String> bySpec = ctx.company().slos().slos().stream().map(SloSpec::service).collect(Collectors.toSet());
      Dataset<Series> reqData = ctx.range(MetricNames.SLO_REQUESTS, w);
      Dataset<Series> errData = ctx.range(MetricNames.SLO_ERRORS, w);
      Dataset<Series> tData = ctx.range(MetricNames.SLO_TARGET, TimeWindow.ending(w.end(), Duration.ofDays(35)));
      Map<String, Double> req = Rows.sumBy(reqData, "service");
      req.keySet().removeAll(bySpec);
      Map<String, Double> err = Rows.sumBy(errData, "service");
      Map<String, Double> target = Rows.lastBy(tData, "service");
      Provenance p = SectionContext.derived(errData.provenance(),
          "1 - sum(" + MetricNames.SLO_ERRORS + ") / sum(" + MetricNames.SLO_REQUESTS + ") per service", reqData.rows().size());
      for (ServiceSlos.ServiceSlo slo : ServiceSlos.of(req, err, target).slos()) {
        out.add(new SloRow(slo.service(), slo.result(), slo.evidence(), p, tData.provenance(), null));
      }
    }
    for (SpecSlos.Row r : specs) {
      if (r.result() != null && r.provenance() != null) {
        out.add(new SloRow(r.spec().name(), r.result(), r.evidence(), r.provenance(), specTarget(ctx, r.spec(), w), r.spec()));
      }
    }
    return out;
  }

  /**
   * The DORA keys for the window ({@link DoraMetrics}), each against the previous window: the seed's four (with
   * MTTR as the pooled median time to restore the seed asks for) plus failed deployment recovery time and
   * deployment rework rate; levels by the {@code benchmark} year.
   */
  static final class Dora extends FixedSection {
    Dora() {
      super("dora_metrics", List.of(f("deploy_freq", "Deployment Frequency"), f("lead_time", "Lead Time"),
          f("cfr", "Change Failure Rate"), f("mttr", "MTTR"), f("fdrt", "Failed Deployment Recovery Time"),
          f("rework_rate", "Deployment Rework Rate")), List.of());
    }

    /** DORA over {@code w} by the newest benchmark (the health score's efficiency dimension). */
    static DoraResult compute(SectionContext ctx, TimeWindow w) {
      return compute(ctx, w, DoraBenchmark.newest());
    }

    /**
     * DORA over {@code w}: deployments in it, changes up to 30 days before, and incidents created up to
     * {@link HealthDimensions#RESTORE_LOOKBACK} before it, so that every incident <em>resolved</em> in the window
     * counts towards recovery times (not only those also created in it).
     */
    static DoraResult compute(SectionContext ctx, TimeWindow w, DoraBenchmark benchmark) {
      return ctx.shared("dora", List.of(w, ctx.asOf(), benchmark), () -> {
        List<Deployment> deploys = ctx.records(RecordKind.DEPLOYMENTS, w).rows();
        List<Change> changes = ctx.records(RecordKind.CHANGES, new TimeWindow(w.start().minus(Duration.ofDays(30)), w.end())).rows();
        List<Incident> incidents = ctx.records(RecordKind.INCIDENTS, new TimeWindow(w.start().minus(HealthDimensions.RESTORE_LOOKBACK), w.end())).rows();
        return DoraMetrics.compute(changes, deploys, incidents, w, benchmark);
      });
    }

    /**
     * Each key from the value precomputed for exactly the section's (or the previous) window when a source holds one
     * ({@link Precomputed}), else from the deployments, changes and incidents; without either, n/a with the reason.
     * Levels come from the reference's bands applied to whichever values are shown.
     */
    @Override
    public PackSection assemble(SectionContext ctx) {
      DoraBenchmark benchmark = DoraBenchmark.ofYear(ctx.string("benchmark", "2024"));
      boolean records = ctx.supports(RecordKind.DEPLOYMENTS);
      DoraResult cur = records ? compute(ctx, ctx.window(), benchmark) : null;
      DoraResult prev = records ? compute(ctx, ctx.previousWindow(), benchmark) : null;
      Provenance deploys = null;
      Provenance changes = null;
      Provenance incidents = null;
      Provenance recoveries = null;
      Provenance rework = null;
      if (cur != null) {
        deploys = ctx.records(RecordKind.DEPLOYMENTS, ctx.window()).provenance();
        Dataset<Change> ch = ctx.records(RecordKind.CHANGES, new TimeWindow(ctx.window().start().minus(Duration.ofDays(30)), ctx.window().end()));
        changes = SectionContext.computedOver(ch.provenance(), ctx.window(), "median(deploy time - change created) over changes "
            + "first deployed in the window", cur.changesDeployed());
        String span = Windows.describe(ctx.window(), ctx.zone());
        Dataset<Incident> inc = ctx.records(RecordKind.INCIDENTS,
            new TimeWindow(ctx.window().start().minus(HealthDimensions.RESTORE_LOOKBACK), ctx.window().end()));
        incidents = SectionContext.computedOver(inc.provenance(), ctx.window(),
            "median(resolved - created) over incidents resolved in " + span, cur.incidentsResolved());
        recoveries = SectionContext.computedOver(inc.provenance(), ctx.window(),
            "median(resolved - created) over incidents naming a root-cause deploy resolved in " + span, cur.changeFailuresResolved());
        rework = SectionContext.computedOver(deploys, ctx.window(),
            "deploys made while a change-caused incident was open / deploys", cur.deployments());
      }
      Map<String, Double> used = new java.util.LinkedHashMap<>();
      SectionBuilder b = ctx.builder();
      MetricValue freq = key(ctx, cur, prev, "deployment_frequency", DoraResult::deploysPerDay, 1, Unit.PER_DAY, deploys,
          "no deploys in the window", Direction.HIGHER_IS_BETTER, r -> r.evidence().deployments(), used);
      if (cur != null) {
        freq = freq.withHistory(Rows.daily(ctx.records(RecordKind.DEPLOYMENTS, ctx.window()).rows(), Deployment::timeCreated, d -> 1,
            ctx.window(), ctx.zone()));
      }
      b.field("deploy_freq", "Deployment Frequency", freq);
      b.field("lead_time", "Lead Time", key(ctx, cur, prev, "lead_time_for_changes", DoraResult::leadTimeHoursMedian, 1, Unit.HOURS,
          changes, "no deploys with known changes", Direction.LOWER_IS_BETTER, r -> r.evidence().changesDeployed(), used));
      b.field("cfr", "Change Failure Rate", key(ctx, cur, prev, "change_failure_rate", DoraResult::changeFailureRate, 100, Unit.PERCENT,
          deploys, "no deploys in the window", Direction.LOWER_IS_BETTER, r -> r.evidence().failedWithReasons(), used));
      // The pooled median time to restore is not among the values the batch job writes: always from incidents.
      b.field("mttr", "MTTR", key(ctx, cur, prev, null, DoraResult::timeToRestoreHoursMedian, 1, Unit.HOURS, incidents,
          "no incidents resolved in the window", Direction.LOWER_IS_BETTER, r -> r.evidence().incidentsResolved(), used).asKpi("mttr_hours"));
      b.field("fdrt", "Failed Deployment Recovery Time", key(ctx, cur, prev, "failed_deployment_recovery_time",
          DoraResult::failedDeploymentRecoveryHoursMedian, 1, Unit.HOURS, recoveries, "no incident caused by a deploy was resolved in the window",
          Direction.LOWER_IS_BETTER, r -> r.evidence().changeFailuresResolved(), used));
      b.field("rework_rate", "Deployment Rework Rate", key(ctx, cur, prev, "deployment_rework_rate", DoraResult::reworkRate, 100,
          Unit.PERCENT, rework, "no deploys in the window", Direction.LOWER_IS_BETTER, r -> r.evidence().reworkDeployments(), used));
      String bands = "DORA " + benchmark.year() + " bands";
      if (cur != null && cur.overall() != null) {
        b.note("DORA level: " + cur.overall().name().toLowerCase(java.util.Locale.ROOT) + " (" + bands
            + "; MTTR is the median time to restore of all incidents resolved in the window, failed deployment recovery time "
            + "that of incidents caused by a deploy)");
      } else if (!used.isEmpty()) {
        b.note(precomputedLevels(used, benchmark, bands));
      } else {
        b.note("DORA level: n/a (no deployments, deployed changes or resolved incidents in the window; " + bands + ")");
      }
      return b.build();
    }

    /**
     * One key: the value precomputed for the window ({@code precomputed} is its KPI id, null when the job writes none)
     * or the one computed from records ({@code cur}, null without records), against the previous window's.
     */
    private static MetricValue key(SectionContext ctx, @Nullable DoraResult cur, @Nullable DoraResult prev, @Nullable String precomputed,
        java.util.function.Function<DoraResult, OptionalDouble> of, double scale, Unit u, @Nullable Provenance p, String reason,
        Direction dir, java.util.function.Function<DoraResult, List<String>> evidence, Map<String, Double> used) {
      Optional<Precomputed.Found> now = precomputed == null ? Optional.empty() : Precomputed.find(ctx, precomputed, ctx.window());
      Optional<Precomputed.Found> before = precomputed == null ? Optional.empty()
          : Precomputed.find(ctx, precomputed, ctx.previousWindow());
      Double previous = before.isPresent() ? before.get().scaled(scale) : prev == null ? null : box(of.apply(prev), scale);
      MetricValue v;
      if (now.isPresent()) {
        used.put(precomputed, now.get().value().value());
        v = now.get().metric(u, scale).asKpi(precomputed);
      } else if (cur != null && p != null) {
        v = value(of.apply(cur), scale, u, p, reason).withEvidence(evidence.apply(cur));
        if (precomputed != null) {
          v = v.asKpi(precomputed);
        }
      } else {
        v = MetricValue.absent("no source of deployments" + (precomputed == null ? " (not among the precomputed values)"
            : " and no " + precomputed + " precomputed for " + Windows.describe(ctx.window(), ctx.zone())), u);
        if (precomputed != null) {
          v = v.asKpi(precomputed);
        }
      }
      return v.comparedWith(previous, dir);
    }

    /**
     * The levels of the precomputed keys by the reference's bands. Deployment frequency's band is by deploy days per
     * week, which the precomputed values do not carry, so it has none and neither has the overall level.
     */
    private static String precomputedLevels(Map<String, Double> used, DoraBenchmark benchmark, String bands) {
      List<String> levels = new ArrayList<>();
      used.forEach((k, v) -> {
        switch (k) {
          case "lead_time_for_changes" -> levels.add("lead time " + name(DoraMetrics.leadTimeLevel(v)));
          case "change_failure_rate" -> levels.add("change failure rate " + name(benchmark.changeFailureLevel(v)));
          case "failed_deployment_recovery_time" -> levels.add("failed deployment recovery time " + name(benchmark.recoveryLevel(v)));
          default -> { }
        }
      });
      return "DORA level: n/a (the keys are precomputed, and deployment frequency's band needs the deploy days per week, "
          + "which they do not carry)" + (levels.isEmpty() ? "" : "; by key: " + String.join(", ", levels)) + " (" + bands + ")";
    }

    private static String name(io.companyos.scoring.dora.DoraLevel level) {
      return level.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static MetricValue value(OptionalDouble v, double scale, Unit u, Provenance p, String reason) {
      return v.isPresent() ? MetricValue.of(v.getAsDouble() * scale, u, p) : MetricValue.absent(reason, u);
    }

    private static Double box(OptionalDouble v, double scale) {
      return v.isPresent() ? v.getAsDouble() * scale : null;
    }
  }
}
