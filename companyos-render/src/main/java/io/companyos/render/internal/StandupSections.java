package io.companyos.render.internal;

import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.slo.Slo;
import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.ScheduledEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The daily standup's sections: health snapshot, yesterday's deploys, stale pull requests, today's schedule. */
final class StandupSections {
  private StandupSections() {}

  /** Health score with trend, active incidents and a one-line SLO status. */
  static final class HealthSnapshot extends FixedSection {
    HealthSnapshot() {
      super("health_snapshot", List.of(f("health_score", "Platform Health Score"), f("active_incidents", "Active Incidents"),
          f("slo_summary", "SLO Status")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      SectionBuilder b = ctx.builder();
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.window());
      HealthDimensions.Result prev = HealthDimensions.of(ctx, ctx.previousWindow());
      b.field("health_score", "Platform Health Score", healthScore(cur, prev));
      Instant at = ctx.asOf();
      Dataset<Incident> inc = ctx.records(RecordKind.INCIDENTS, Rows.history(at));
      List<Incident> open = IncidentStats.openAt(inc.rows(), at);
      String which = open.stream().map(i -> i.incidentId() + " " + i.severity() + " " + i.service())
          .collect(Collectors.joining(", "));
      b.field("active_incidents", "Active Incidents", MetricValue.of(open.size(), Unit.COUNT,
          open.isEmpty() ? "0" : open.size() + " (" + which + ")",
          SectionContext.derived(inc.provenance(), "open at as-of (created before, not resolved)", open.size())));
      TimeWindow sloWindow = TimeWindow.ending(at, Duration.ofDays(28));
      List<ReliabilitySections.SloRow> slos = ReliabilitySections.slos(ctx, sloWindow);
      if (slos.isEmpty()) {
        b.field("slo_summary", "SLO Status", MetricValue.absent("no SLO data in the last 28 days", Unit.TEXT));
      } else {
        long met = Slo.met(ReliabilitySections.results(slos));
        String missed = slos.stream().filter(r -> !r.result().met()).map(ReliabilitySections.SloRow::service)
            .collect(Collectors.joining(", "));
        b.field("slo_summary", "SLO Status", MetricValue.of(met, Unit.COUNT, met + " of " + slos.size()
            + " services within SLO over 28 days" + (missed.isEmpty() ? "" : "; missing: " + missed), slos.get(0).provenance())
            .withEvidence(ReliabilitySections.evidence(slos)).asKpi("slos_met"));
      }
      return b.build();
    }
  }

  /**
   * "78.4/100" compared with the previous window's score. The scorer rounds once, to tenths; the value is shown
   * as computed, never rounded again.
   */
  static MetricValue healthScore(HealthDimensions.Result cur, HealthDimensions.Result prev) {
    if (cur.overall().isEmpty()) {
      return MetricValue.absent("no dimension has data", Unit.SCORE);
    }
    double s = cur.overall().getAsDouble();
    Double p = prev.overall().isPresent() ? prev.overall().getAsDouble() : null;
    String coverage = cur.coverage();
    return MetricValue.of(s, Unit.SCORE, Unit.SCORE.format(s) + "/100" + (coverage.isEmpty() ? "" : " (" + coverage + ")"),
        cur.provenance())
        .comparedWith(p, Direction.HIGHER_IS_BETTER).asKpi("health_score");
  }

  /** Deployments in the look-back window with time, status and number of changes. */
  static final class Deploys extends FixedSection {
    Deploys() {
      super("deploys", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<Deployment> d = ctx.records(RecordKind.DEPLOYMENTS, ctx.window());
      SectionBuilder b = ctx.builder();
      List<Deployment> rows = d.rows().stream().sorted(Comparator.comparing(Deployment::timeCreated)).toList();
      rows.stream().limit(ctx.limit()).forEach(x -> b.item(MetricValue.text(x.deployId() + " at "
          + Rows.dateTime(x.timeCreated(), ctx.zone()) + ": " + x.status().name().toLowerCase(Locale.ROOT)
          + " (" + x.changes().size() + " changes)", d.provenance())));
      long failed = DoraMetrics.failedByStatus(rows).size();
      b.emptyText("No deploys between " + Rows.dateTime(ctx.window().start(), ctx.zone()) + " and "
          + Rows.dateTime(ctx.window().end(), ctx.zone()) + ".");
      if (!rows.isEmpty()) {
        b.note(rows.size() + " deploys, " + failed + " failed" + (rows.size() > ctx.limit() ? "; first " + ctx.limit() + " listed" : ""));
      }
      return b.build();
    }
  }

  /** Open pull requests older than {@code older_than}, oldest first. */
  static final class StalePrs extends FixedSection {
    StalePrs() {
      super("stale_prs", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Instant at = ctx.asOf();
      Duration age = ctx.duration("older_than", Duration.ofHours(24));
      Dataset<PullRequest> prs = ctx.records(RecordKind.PULL_REQUESTS, new TimeWindow(at.minus(Rows.OPEN_HISTORY), at.minus(age)));
      List<PullRequest> open = QualityMetrics.openAt(prs.rows(), at);
      SectionBuilder b = ctx.builder();
      open.stream().limit(ctx.limit()).forEach(p -> {
        double hours = QualityMetrics.openHours(p, at);
        b.item(MetricValue.text(p.prId() + " " + p.title() + " (" + p.repository() + ", " + p.author() + ", open "
            + Unit.HOURS.format(hours) + (p.firstReviewAt() == null ? ", no review" : "") + ")", prs.provenance()));
      });
      b.emptyText("No pull requests open longer than " + age.toHours() + " h.");
      return b.build();
    }
  }

  /** Deployments and maintenance scheduled for the meeting day. */
  static final class ScheduledToday extends FixedSection {
    ScheduledToday() {
      super("scheduled_today", List.of(f("scheduled_deploys", "Deployments"), f("scheduled_maintenance", "Maintenance")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      LocalDate day = ctx.asOf().atZone(ctx.zone()).toLocalDate();
      TimeWindow today = new TimeWindow(day.atStartOfDay(ctx.zone()).toInstant(), day.plusDays(1).atStartOfDay(ctx.zone()).toInstant());
      Dataset<ScheduledEvent> ev = ctx.records(RecordKind.SCHEDULED_EVENTS, today);
      List<String> kinds = ctx.strings("kinds", List.of("deployment", "maintenance"));
      SectionBuilder b = ctx.builder();
      if (kinds.contains("deployment")) {
        b.field("scheduled_deploys", "Deployments", list(ev, "deploy", ctx));
      }
      if (kinds.contains("maintenance")) {
        b.field("scheduled_maintenance", "Maintenance", list(ev, "maintenance", ctx));
      }
      return b.build();
    }

    private static MetricValue list(Dataset<ScheduledEvent> ev, String kind, SectionContext ctx) {
      List<ScheduledEvent> these = ev.rows().stream().filter(e -> e.kind().equals(kind) || (kind.equals("deploy") && e.kind().equals("deployment")))
          .sorted(Comparator.comparing(ScheduledEvent::start)).toList();
      if (these.isEmpty()) {
        return MetricValue.of(0, Unit.COUNT, "none scheduled", ev.provenance());
      }
      String text = these.stream().map(e -> e.title() + " at " + Rows.dateTime(e.start(), ctx.zone()).substring(11))
          .collect(Collectors.joining("; "));
      return MetricValue.of(these.size(), Unit.COUNT, these.size() + " (" + text + ")", ev.provenance());
    }
  }
}
