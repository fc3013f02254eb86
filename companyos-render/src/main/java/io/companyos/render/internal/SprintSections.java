package io.companyos.render.internal;

import io.companyos.scoring.sprint.QualityMetrics;
import io.companyos.scoring.sprint.SprintMetrics;

import io.companyos.model.data.Build;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.SectionUnavailableException;
import io.companyos.render.Unit;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Sprint review sections: goals, completed work, sprint and quality metrics, carryover. */
final class SprintSections {
  static final List<String> GOAL_COLUMNS = List.of("Goal", "Status", "Evidence");

  private SprintSections() {}

  /** A sprint with its items and the provenance of both. */
  record SprintData(Sprint sprint, List<SprintItem> items, Provenance sprints, Provenance itemsProvenance) {}

  /**
   * The sprint under way on the section window's first day — the latest started by the end of that day (or of the
   * window, when it is shorter), so that a sprint a tracker started at 09:30 on the period's first day is the current
   * one — or ({@code back} > 0) that many sprints earlier ({@link SprintMetrics#startedBy}).
   */
  static SprintData sprint(SectionContext ctx, int back) {
    TimeWindow w = ctx.window();
    java.time.Instant firstDayEnd = w.start().plus(Duration.ofDays(1));
    java.time.Instant by = (firstDayEnd.isBefore(w.end()) ? firstDayEnd : w.end()).minusNanos(1);
    if (by.isBefore(w.start())) {
      by = w.start();
    }
    Dataset<Sprint> sprints = ctx.records(RecordKind.SPRINTS, new TimeWindow(w.start().minus(Duration.ofDays(200)), w.end()));
    Sprint s = SprintMetrics.startedBy(sprints.rows(), by, back)
        .orElseThrow(() -> new SectionUnavailableException("no sprint recorded for " + Rows.date(w.start(), ctx.zone())));
    Dataset<SprintItem> items = ctx.records(RecordKind.SPRINT_ITEMS, new TimeWindow(s.start().minus(Duration.ofDays(30)), s.end()));
    return new SprintData(s, items.rows().stream().filter(i -> i.sprintId().equals(s.sprintId())).toList(),
        sprints.provenance(), items.provenance());
  }

  static int back(SectionContext ctx) {
    return ctx.string("sprint", "current").equals("previous") ? 1 : 0;
  }

  /** Each goal with status (achieved when every item of the goal is done) and the items as evidence. */
  static final class Goals extends FixedSection {
    Goals() {
      super("sprint_goals", List.of(), List.of(GOAL_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      SprintData d = sprint(ctx, back(ctx));
      List<List<MetricValue>> rows = new ArrayList<>();
      for (SprintMetrics.Goal g : SprintMetrics.goals(d.sprint(), d.items())) {
        List<String> ids = g.itemIds();
        String evidence = ids.isEmpty() ? "no items linked to this goal" : g.done() + " of " + ids.size() + " items done ("
            + ids.stream().limit(4).collect(Collectors.joining(", ")) + (ids.size() > 4 ? ", ..." : "") + ")";
        rows.add(List.of(MetricValue.label(g.goal()), MetricValue.text(g.status().label(), d.itemsProvenance()),
            MetricValue.text(evidence, d.itemsProvenance())));
      }
      return ctx.builder().table(new SectionTable("", GOAL_COLUMNS, rows, "The sprint has no goals recorded.")).build();
    }
  }

  /** Completed items ({@code carryover = false}) or committed items not done by the sprint's end. */
  static final class Items extends FixedSection {
    private final boolean carryover;

    Items(String type, boolean carryover) {
      super(type, List.of(), List.of());
      this.carryover = carryover;
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      SprintData d = sprint(ctx, carryover ? 0 : back(ctx));
      SectionBuilder b = ctx.builder();
      List<SprintItem> chosen = carryover ? SprintMetrics.compute(d.sprint(), d.items()).carryover()
          : SprintMetrics.deliveredItems(d.sprint(), d.items());
      chosen.stream().sorted(Comparator.comparing(SprintItem::itemId)).limit(ctx.limit())
          .forEach(i -> b.item(MetricValue.text(i.itemId() + " " + i.title() + " (" + i.kind() + ", " + Unit.POINTS.format(i.points())
              + (carryover && i.startedAt() == null ? ", not started" : "") + ")", d.itemsProvenance())));
      b.emptyText(carryover ? "Nothing carries over: every item is done." : "No items completed in " + d.sprint().sprintId() + ".");
      return b.build();
    }
  }

  /** Points committed and delivered, velocity over recent sprints, cycle time and bug escapes. */
  static final class Metrics extends FixedSection {
    Metrics() {
      super("sprint_metrics", List.of(f("points_committed", "Story Points Committed"), f("points_delivered", "Story Points Delivered"),
          f("velocity_trend", "Velocity Trend"), f("cycle_time", "Cycle Time (avg)"), f("bug_escape_rate", "Bug Escape Rate")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      if (!(ctx.supports(RecordKind.SPRINTS) && ctx.supports(RecordKind.SPRINT_ITEMS)) && ctx.packPeriod().kind() == PeriodKind.SPRINT) {
        TimeWindow s = ctx.packPeriod().toWindow(ctx.zone());
        if (SPRINT_KPIS.stream().anyMatch(k -> Precomputed.findStamped(ctx, k, s, ctx.asOf()).isPresent())) {
          return precomputedOnly(ctx, s);
        }
      }
      SprintData d = sprint(ctx, 0);
      SprintData prev = sprint(ctx, 1);
      SprintMetrics.Result m = SprintMetrics.compute(d.sprint(), d.items());
      SprintMetrics.Result pm = SprintMetrics.compute(prev.sprint(), prev.items());
      // The sprint's KPIs written by a job run at this as-of for exactly this sprint, when a source holds them.
      TimeWindow over = new TimeWindow(d.sprint().start(), d.sprint().end());
      Optional<Precomputed.Found> committed = Precomputed.findStamped(ctx, "points_committed", over, ctx.asOf());
      Optional<Precomputed.Found> delivered = Precomputed.findStamped(ctx, "points_delivered", over, ctx.asOf());
      Optional<Precomputed.Found> cycle = Precomputed.findStamped(ctx, "cycle_time_days", over, ctx.asOf());
      Optional<Precomputed.Found> escapes = Precomputed.findStamped(ctx, "bug_escape_rate", over, ctx.asOf());
      SectionBuilder b = ctx.builder();
      b.field("points_committed", "Story Points Committed", committed.map(f -> f.metric(Unit.POINTS, 1))
          .orElseGet(() -> MetricValue.of(m.committedPoints(), Unit.POINTS, d.itemsProvenance()))
          .comparedWith(pm.committedPoints(), Direction.NEUTRAL).asKpi("points_committed"));
      // Like for like: a running sprint is compared with the previous sprint's points delivered by the same elapsed time.
      java.time.Instant now = ctx.asOf();
      boolean running = now.isBefore(d.sprint().end());
      java.time.Instant prevCutoff = running ? prev.sprint().start().plus(Duration.between(d.sprint().start(), now)) : prev.sprint().end();
      b.field("points_delivered", "Story Points Delivered", delivered.map(f -> f.metric(Unit.POINTS, 1))
          .orElseGet(() -> MetricValue.of(SprintMetrics.deliveredBy(d.sprint(), d.items(), now), Unit.POINTS, d.itemsProvenance()))
          .comparedWith(SprintMetrics.deliveredBy(prev.sprint(), prev.items(), prevCutoff), Direction.HIGHER_IS_BETTER));
      int n = ctx.integer("velocity_sprints", 3);
      List<String> trail = new ArrayList<>();
      for (int k = n - 1; k >= 0; k--) {
        try {
          SprintData s = sprint(ctx, k);
          trail.add(Unit.NUMBER.format(SprintMetrics.deliveredBy(s.sprint(), s.items(), s.sprint().end())));
        } catch (SectionUnavailableException e) {
          trail.add("n/a");
        }
      }
      b.field("velocity_trend", "Velocity Trend", MetricValue.text(String.join(" → ", trail) + " pts (last " + n + " sprints)", d.itemsProvenance()));
      b.field("cycle_time", "Cycle Time (avg)", cycle.isPresent() ? cycle.get().metric(Unit.DAYS, 1).asKpi("cycle_time_days")
          : m.cycleDaysMean().isPresent()
          ? MetricValue.of(m.cycleDaysMean().getAsDouble(), Unit.DAYS, SectionContext.derived(d.itemsProvenance(),
              "mean(completed - started) of the items delivered in the sprint", m.cycleItems())).asKpi("cycle_time_days")
          : MetricValue.absent("no item both started and finished", Unit.DAYS));
      // Bug escape rate as docs/scoring.md defines it: escaped bugs / all bugs of the sprint (SprintMetrics).
      b.field("bug_escape_rate", "Bug Escape Rate", escapes.isPresent() ? escapes.get().metric(Unit.PERCENT, 1).asKpi("bug_escape_rate")
          : m.bugEscapeRate().isEmpty() ? MetricValue.absent("no bugs in the sprint", Unit.PERCENT)
          : MetricValue.of(100.0 * m.bugEscapeRate().getAsDouble(), Unit.PERCENT, SectionContext.derived(d.itemsProvenance(),
              "escaped bugs / all bugs of the sprint", m.bugs())).asKpi("bug_escape_rate").withEvidence(m.escapedBugIds()));
      return b.build();
    }


    /** The sprint KPIs {@code KpiJob} writes for the sprint under way at its as-of. */
    private static final List<String> SPRINT_KPIS = List.of("points_committed", "points_delivered", "cycle_time_days", "bug_escape_rate");

    /**
     * Without sprint records: the pack's sprint from the company's sprint calendar, and its KPIs as a job run with the
     * pack's as-of wrote them; the velocity trend and the comparison with the sprint before need the records.
     */
    private static PackSection precomputedOnly(SectionContext ctx, TimeWindow s) {
      SectionBuilder b = ctx.builder();
      b.field("points_committed", "Story Points Committed", precomputed(ctx, "points_committed", s, Unit.POINTS));
      b.field("points_delivered", "Story Points Delivered", precomputed(ctx, "points_delivered", s, Unit.POINTS));
      b.field("velocity_trend", "Velocity Trend",
          MetricValue.absent("no source of sprints and sprint items (the job writes the sprint under way only)", Unit.POINTS));
      b.field("cycle_time", "Cycle Time (avg)", precomputed(ctx, "cycle_time_days", s, Unit.DAYS));
      b.field("bug_escape_rate", "Bug Escape Rate", precomputed(ctx, "bug_escape_rate", s, Unit.PERCENT));
      return b.build();
    }

    private static MetricValue precomputed(SectionContext ctx, String kpi, TimeWindow s, Unit unit) {
      MetricValue v = Precomputed.findStamped(ctx, kpi, s, ctx.asOf()).map(f -> f.metric(unit, 1))
          .orElseGet(() -> MetricValue.absent("no source of sprint items and no " + kpi + " precomputed for the sprint "
              + Windows.describe(s, ctx.zone()) + " as of " + ctx.asOf(), unit));
      return kpi.equals("points_delivered") ? v : v.asKpi(kpi);
    }
  }

  /** Test coverage, build success rate and code review turnaround over the sprint. */
  static final class Quality extends FixedSection {
    Quality() {
      super("quality_metrics", List.of(f("test_coverage", "Test Coverage"), f("build_success", "Build Success Rate"),
          f("review_time", "Code Review Turnaround")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      SectionBuilder b = ctx.builder();
      b.field("test_coverage", "Test Coverage", SecuritySections.ratio(ctx, MetricNames.TEST_COVERAGE));
      b.field("build_success", "Build Success Rate", buildSuccess(ctx));
      b.field("review_time", "Code Review Turnaround", reviewTurnaround(ctx));
      return b.build();
    }


    /**
     * The window's build success rate (percent): precomputed for exactly the window when a source holds it
     * ({@link Precomputed}), else from the builds; with neither, n/a.
     */
    private static MetricValue buildSuccess(SectionContext ctx) {
      TimeWindow w = ctx.window();
      Optional<Precomputed.Found> pc = Precomputed.find(ctx, "build_success_rate", w);
      Optional<Precomputed.Found> pp = Precomputed.find(ctx, "build_success_rate", ctx.previousWindow());
      boolean records = ctx.supports(RecordKind.BUILDS);
      Double before = pp.isPresent() ? pp.get().scaled(1) : null;
      if (pp.isEmpty() && records) {
        OptionalDouble prevRate = QualityMetrics.buildSuccessRate(ctx.records(RecordKind.BUILDS, ctx.previousWindow()).rows(), ctx.previousWindow());
        before = prevRate.isPresent() ? 100 * prevRate.getAsDouble() : null;
      }
      MetricValue now;
      if (pc.isPresent()) {
        now = pc.get().metric(Unit.PERCENT, 1);
      } else if (!records) {
        return MetricValue.absent("no source of builds and no build_success_rate precomputed for " + Windows.describe(w, ctx.zone()), Unit.PERCENT);
      } else {
        Dataset<Build> builds = ctx.records(RecordKind.BUILDS, w);
        OptionalDouble rate = QualityMetrics.buildSuccessRate(builds.rows(), w);
        if (rate.isEmpty()) {
          return MetricValue.absent("no builds in the sprint", Unit.PERCENT);
        }
        now = MetricValue.of(100 * rate.getAsDouble(), Unit.PERCENT, builds.provenance());
      }
      return now.comparedWith(before, Direction.HIGHER_IS_BETTER).asKpi("build_success_rate");
    }

    /**
     * The median hours to first review of the pull requests opened in the window: precomputed for exactly the window
     * when a source holds it ({@link Precomputed}), else from the pull requests; with neither, n/a.
     */
    private static MetricValue reviewTurnaround(SectionContext ctx) {
      TimeWindow w = ctx.window();
      Optional<Precomputed.Found> pc = Precomputed.find(ctx, "review_turnaround_hours", w);
      if (pc.isPresent()) {
        return pc.get().metric(Unit.HOURS, 1).asKpi("review_turnaround_hours");
      }
      if (!ctx.supports(RecordKind.PULL_REQUESTS)) {
        return MetricValue.absent("no source of pull requests and no review_turnaround_hours precomputed for "
            + Windows.describe(w, ctx.zone()), Unit.HOURS);
      }
      Dataset<PullRequest> prs = ctx.records(RecordKind.PULL_REQUESTS, w);
      OptionalDouble median = QualityMetrics.reviewTurnaroundHours(prs.rows(), w);
      List<String> reviewed = QualityMetrics.reviewed(prs.rows(), w).stream().map(PullRequest::prId).sorted().toList();
      return median.isPresent()
          ? MetricValue.of(median.getAsDouble(), Unit.HOURS, Unit.HOURS.format(median.getAsDouble()) + " (median to first review)",
              SectionContext.derived(prs.provenance(), "median(first review - opened)", reviewed.size())).withEvidence(reviewed).asKpi("review_turnaround_hours")
          : MetricValue.absent("no reviewed pull requests in the sprint", Unit.HOURS);
    }
  }
}
