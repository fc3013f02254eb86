package io.companyos.render.internal;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.DoraMetrics;
import io.companyos.scoring.ErrorBudget;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reliability sections of the ops review: incident summary, SLO performance and DORA metrics. */
final class ReliabilitySections {
  private ReliabilitySections() {}

  /** Incidents by severity: count, MTTR and whether any repeats an incident of the 30 days before. */
  static final class IncidentSummary extends FixedSection {
    static final List<String> COLUMNS = List.of("Severity", "Count", "MTTR (avg)", "Repeat?");

    IncidentSummary() {
      super("incident_summary", List.of(), List.of(COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      List<String> severities = ctx.strings("severity", List.of("P1", "P2"));
      TimeWindow w = ctx.window();
      Dataset<Incident> cur = ctx.records(RecordKind.INCIDENTS, w);
      Dataset<Incident> prev = ctx.records(RecordKind.INCIDENTS, ctx.previousWindow());
      List<Incident> before = ctx.records(RecordKind.INCIDENTS, new TimeWindow(w.start().minus(Duration.ofDays(30)), w.start())).rows();
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String sev : severities) {
        List<Incident> these = cur.rows().stream().filter(i -> i.severity().equals(sev)).toList();
        long prevCount = prev.rows().stream().filter(i -> i.severity().equals(sev)).count();
        MetricValue count = MetricValue.of(these.size(), Unit.COUNT, cur.provenance())
            .comparedWith((double) prevCount, Direction.LOWER_IS_BETTER);
        rows.add(List.of(MetricValue.label(sev), count, mttr(these, cur.provenance()), repeat(these, cur.rows(), before, cur.provenance())));
      }
      return ctx.builder().table(new SectionTable("", COLUMNS, rows, "")).build();
    }

    static MetricValue mttr(List<Incident> incidents, Provenance p) {
      List<Duration> restore = incidents.stream().filter(i -> i.timeResolved() != null)
          .map(i -> Duration.between(i.timeCreated(), i.timeResolved())).toList();
      OptionalDouble h = DoraMetrics.timeToRestoreHours(restore);
      return h.isPresent() ? MetricValue.of(h.getAsDouble(), Unit.HOURS, p)
          : MetricValue.absent(incidents.isEmpty() ? "no incidents" : "none resolved yet", Unit.HOURS);
    }

    private static MetricValue repeat(List<Incident> these, List<Incident> window, List<Incident> before, Provenance p) {
      List<String> repeats = new ArrayList<>();
      for (Incident i : these) {
        String key = i.service() + "|" + Rows.normalizedTitle(i.title());
        boolean again = before.stream().anyMatch(o -> (o.service() + "|" + Rows.normalizedTitle(o.title())).equals(key))
            || window.stream().anyMatch(o -> o.timeCreated().isBefore(i.timeCreated())
                && !o.timeCreated().isBefore(i.timeCreated().minus(Duration.ofDays(30)))
                && (o.service() + "|" + Rows.normalizedTitle(o.title())).equals(key));
        if (again) {
          repeats.add(i.incidentId());
        }
      }
      return MetricValue.text(repeats.isEmpty() ? "no" : "yes (" + String.join(", ", repeats) + ")", p);
    }
  }

  /** Per service: SLO target, attainment and error budget remaining over the window. */
  static final class SloPerformance extends FixedSection {
    static final List<String> COLUMNS = List.of("Service", "SLO Target", "Actual", "Budget Remaining");

    SloPerformance() {
      super("slo_performance", List.of(), List.of(COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      List<String> services = ctx.strings("services", List.of("all"));
      boolean budget = ctx.bool("include_budget_remaining", true);
      List<String> cols = budget ? COLUMNS : COLUMNS.subList(0, 3);
      List<List<MetricValue>> rows = new ArrayList<>();
      for (SloRow r : slos(ctx, ctx.window())) {
        if (!services.contains("all") && !services.contains(r.service())) {
          continue;
        }
        List<MetricValue> row = new ArrayList<>(List.of(MetricValue.label(r.service()),
            MetricValue.of(r.budget().target() * 100, Unit.PERCENT, r.targetProvenance()),
            MetricValue.of(r.budget().attainment() * 100, Unit.PERCENT, r.provenance())));
        if (budget) {
          row.add(MetricValue.of(r.budget().remaining() * 100, Unit.PERCENT, r.provenance()));
        }
        rows.add(row);
      }
      return ctx.builder().table(new SectionTable("", cols, rows, "No SLO data in the window.")).build();
    }
  }

  /** One service's SLO over a window. */
  record SloRow(String service, ErrorBudget budget, Provenance provenance, Provenance targetProvenance) {}

  /** The SLO of every service that has requests and a target in {@code w}, sorted by service. */
  static List<SloRow> slos(SectionContext ctx, TimeWindow w) {
    Dataset<io.companyos.sources.Series> reqData = ctx.range(MetricNames.SLO_REQUESTS, w);
    Dataset<io.companyos.sources.Series> errData = ctx.range(MetricNames.SLO_ERRORS, w);
    Dataset<io.companyos.sources.Series> tData = ctx.range(MetricNames.SLO_TARGET, TimeWindow.ending(w.end(), Duration.ofDays(35)));
    Map<String, Double> req = Rows.sumBy(reqData, "service");
    Map<String, Double> err = Rows.sumBy(errData, "service");
    Map<String, Double> target = Rows.lastBy(tData, "service");
    Provenance p = SectionContext.derived(errData.provenance(),
        "1 - sum(" + MetricNames.SLO_ERRORS + ") / sum(" + MetricNames.SLO_REQUESTS + ") per service", reqData.rows().size());
    List<SloRow> out = new ArrayList<>();
    req.forEach((service, r) -> {
      Double t = target.get(service);
      if (t != null && t > 0 && t < 1) {
        out.add(new SloRow(service, new ErrorBudget(t, r, Math.min(r, err.getOrDefault(service, 0.0))), p, tData.provenance()));
      }
    });
    return out;
  }

  /** The four DORA metrics for the window, each against the previous window. */
  static final class Dora extends FixedSection {
    Dora() {
      super("dora_metrics", List.of(f("deploy_freq", "Deployment Frequency"), f("lead_time", "Lead Time"),
          f("cfr", "Change Failure Rate"), f("mttr", "MTTR")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Figures cur = figures(ctx, ctx.window());
      Figures prev = figures(ctx, ctx.previousWindow());
      SectionBuilder b = ctx.builder();
      b.field("deploy_freq", "Deployment Frequency", value(cur.frequency, Unit.PER_DAY, cur.deploys)
          .comparedWith(box(prev.frequency), Direction.HIGHER_IS_BETTER)
          .withHistory(Rows.daily(ctx.records(RecordKind.DEPLOYMENTS, ctx.window()).rows(), Deployment::timeCreated, d -> 1,
              ctx.window(), ctx.zone())));
      b.field("lead_time", "Lead Time", value(cur.leadTime, Unit.HOURS, cur.changes, "no deploys with known changes")
          .comparedWith(box(prev.leadTime), Direction.LOWER_IS_BETTER));
      b.field("cfr", "Change Failure Rate", value(cur.cfr, Unit.PERCENT, cur.deploys)
          .comparedWith(box(prev.cfr), Direction.LOWER_IS_BETTER));
      b.field("mttr", "MTTR", value(cur.mttr, Unit.HOURS, cur.incidents, "no incidents resolved in the window")
          .comparedWith(box(prev.mttr), Direction.LOWER_IS_BETTER));
      return b.build();
    }

    private record Figures(OptionalDouble frequency, OptionalDouble leadTime, OptionalDouble cfr, OptionalDouble mttr,
        Provenance deploys, Provenance changes, Provenance incidents) {}

    private static Figures figures(SectionContext ctx, TimeWindow w) {
      Dataset<Deployment> deploys = ctx.records(RecordKind.DEPLOYMENTS, w);
      Dataset<Change> changes = ctx.records(RecordKind.CHANGES, new TimeWindow(w.start().minus(Duration.ofDays(30)), w.end()));
      Dataset<Incident> incidents = ctx.records(RecordKind.INCIDENTS, w);
      Map<String, Change> byId = new HashMap<>();
      changes.rows().forEach(c -> byId.put(c.changeId(), c));
      List<Duration> leads = new ArrayList<>();
      for (Deployment d : deploys.rows()) {
        for (String id : d.changes()) {
          Change c = byId.get(id);
          if (c != null && !c.timeCreated().isAfter(d.timeCreated())) {
            leads.add(Duration.between(c.timeCreated(), d.timeCreated()));
          }
        }
      }
      long failed = deploys.rows().stream().filter(d -> d.status() == DeployStatus.FAILURE).count();
      List<Duration> restore = incidents.rows().stream().filter(i -> i.timeResolved() != null)
          .map(i -> Duration.between(i.timeCreated(), i.timeResolved())).toList();
      return new Figures(DoraMetrics.deploymentFrequency(deploys.rows().size(), Rows.days(w)),
          DoraMetrics.leadTimeHours(leads), DoraMetrics.changeFailureRatePercent(failed, deploys.rows().size()),
          DoraMetrics.timeToRestoreHours(restore), deploys.provenance(),
          SectionContext.derived(changes.provenance(), "median(deploy time - change created) over deploys in window", leads.size()),
          incidents.provenance());
    }

    private static MetricValue value(OptionalDouble v, Unit u, Provenance p) {
      return value(v, u, p, "no deploys in the window");
    }

    private static MetricValue value(OptionalDouble v, Unit u, Provenance p, String reason) {
      return v.isPresent() ? MetricValue.of(v.getAsDouble(), u, p) : MetricValue.absent(reason, u);
    }

    private static Double box(OptionalDouble v) {
      return v.isPresent() ? v.getAsDouble() : null;
    }
  }
}
