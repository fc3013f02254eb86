package io.companyos.render.internal;

import io.companyos.scoring.window.ReportingWindows;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Leadership sections: executive summary, dimension scores and comparison, quarter summary, OKRs. */
final class LeadershipSections {
  static final List<String> DIMENSION_COLUMNS = List.of("Dimension", "Score", "Trend", "Key Highlight");
  static final List<String> COMPARISON_COLUMNS = List.of("Dimension", "Previous", "Current", "Change");
  static final List<String> OKR_COLUMNS = List.of("Objective", "Key Result", "Owner", "Current / Target", "Progress", "Status");

  private LeadershipSections() {}

  /** Overall health score and status, with trend. */
  static final class ExecutiveSummary extends FixedSection {
    ExecutiveSummary() {
      super("executive_summary", List.of(f("health_score", "Overall Health Score"), f("health_status", "Status")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.window());
      HealthDimensions.Result prev = HealthDimensions.of(ctx, ctx.previousWindow());
      MetricValue score = StandupSections.healthScore(cur, prev);
      MetricValue status = cur.overall().isPresent()
          ? MetricValue.text(cur.status(), cur.provenance())
          : MetricValue.absent("no dimension has data", Unit.TEXT);
      return ctx.builder().field("health_score", "Overall Health Score", score).field("health_status", "Status", status).build();
    }
  }

  /** Score, trend and highlight of each dimension against the previous window. */
  static final class DimensionScores extends FixedSection {
    DimensionScores() {
      super("dimension_scores", List.of(), List.of(DIMENSION_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.window());
      HealthDimensions.Result prev = HealthDimensions.of(ctx, ctx.previousWindow());
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String d : HealthDimensions.shown(ctx)) {
        MetricValue score = score(cur, prev, d);
        String trend = score.deltaAbsolute() == null ? "n/a (no previous score)"
            : score.trendArrow() + " " + score.deltaText();
        rows.add(List.of(MetricValue.label(label(d)), score, MetricValue.text(trend, prev.provenance()),
            MetricValue.text(cur.highlights().get(d), cur.provenance())));
      }
      return ctx.builder().table(new SectionTable("", DIMENSION_COLUMNS, rows, "")).build();
    }
  }

  /** Each dimension this period against the previous one. */
  static final class DimensionComparison extends FixedSection {
    DimensionComparison() {
      super("dimension_comparison", List.of(), List.of(COMPARISON_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.window());
      HealthDimensions.Result prev = HealthDimensions.of(ctx, ctx.previousWindow());
      List<List<MetricValue>> rows = new ArrayList<>();
      for (String d : HealthDimensions.shown(ctx)) {
        MetricValue now = score(cur, prev, d);
        MetricValue before = prev.scores().getOrDefault(d, OptionalDouble.empty()).isPresent()
            ? MetricValue.of(prev.scores().get(d).getAsDouble(), Unit.SCORE, prev.provenance())
            : MetricValue.absent("no data in the previous period", Unit.SCORE);
        rows.add(List.of(MetricValue.label(label(d)), before, now, MetricValue.text(now.deltaText(), cur.provenance())));
      }
      return ctx.builder().table(new SectionTable("", COMPARISON_COLUMNS, rows, "")).build();
    }
  }

  /** Health score near the start of the quarter and now. */
  static final class QuarterSummary extends FixedSection {
    QuarterSummary() {
      super("quarter_summary", List.of(f("q_start_score", "Health Score at Quarter Start"), f("q_end_score", "Health Score Now")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      // The quarter reported at the as-of (to date, complete days) against the same days of the quarter before.
      Period q = ReportingWindows.reported(PeriodKind.QUARTER, ctx.asOf(), ctx.zone(), ctx.company().rhythm().sprints());
      TimeWindow now = ReportingWindows.window(q, ctx.asOf(), ctx.zone());
      TimeWindow before = ReportingWindows.comparable(now, q.previous(), ctx.zone());
      HealthDimensions.Result start = HealthDimensions.of(ctx, before);
      HealthDimensions.Result end = HealthDimensions.of(ctx, now);
      MetricValue s = start.overall().isPresent()
          ? MetricValue.of(start.overall().getAsDouble(), Unit.SCORE, start.provenance())
          : MetricValue.absent("no data in " + q.previous().label(), Unit.SCORE);
      MetricValue e = StandupSections.healthScore(end, start);
      return ctx.builder().field("q_start_score", "Health Score at Quarter Start", s)
          .field("q_end_score", "Health Score Now", e)
          .note("Health score of " + q.label() + " to date (" + Windows.describe(now, ctx.zone()) + ") against the same "
              + Math.round(ReportingWindows.days(now)) + " days of " + q.previous().label() + " (" + Windows.describe(before, ctx.zone())
              + ").").build();
    }
  }

  /** The quarter's key results with progress (okr_progress and okr_results). */
  static final class OkrTable extends FixedSection {
    OkrTable(String type) {
      super(type, List.of(f("okr_rollup", "Roll-up")), List.of(OKR_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Okrs.Quarter q = Okrs.current(ctx);
      List<List<MetricValue>> rows = new ArrayList<>();
      for (Okrs.Kr k : q.krs()) {
        String typed = k.absentReason() == null ? "" : " (typed; KPI n/a: " + k.absentReason() + ")";
        rows.add(List.of(MetricValue.label(k.kr().objective()), MetricValue.label(k.kr().title()), MetricValue.label(k.kr().owner()),
            MetricValue.text(fmt(k.kr().current()) + " / " + fmt(k.kr().target()) + " " + k.kr().unit() + typed, k.provenance()),
            MetricValue.of(k.progress() * 100, Unit.PERCENT, String.format(Locale.ROOT, "%.0f%%", k.progress() * 100), k.provenance()),
            MetricValue.label(k.status())));
      }
      long onTrack = q.krs().stream().filter(Okrs.Kr::achievedOrOnTrack).count();
      SectionBuilder b = ctx.builder();
      if (!q.krs().isEmpty()) {
        // The roll-up line is a value with its own footnote: the key-result rows of the quarter it was computed from.
        String objectives = q.objectives().stream().map(o -> String.format(Locale.ROOT, "%s %.0f%% (%s)", o.objectiveId(),
            o.progress() * 100, o.status().label().toLowerCase(Locale.ROOT))).collect(java.util.stream.Collectors.joining(", "));
        b.field("okr_rollup", "Roll-up", MetricValue.of(onTrack, Unit.COUNT, onTrack + " of " + q.krs().size()
            + " key results achieved or on track; objectives " + objectives, SectionContext.derived(q.data().provenance(),
                "latest snapshot of each key result of " + q.label() + ", progress against the quarter elapsed", q.krs().size())));
      }
      b.table(new SectionTable("", OKR_COLUMNS, rows, "No key results recorded for " + q.label() + "."));
      boolean measured = q.krs().stream().anyMatch(k -> k.kr().kpi() != null && k.absentReason() == null);
      if (measured) {
        b.note("Key results that name a KPI show it over " + Windows.describe(q.toDate(), ctx.zone())
            + " (the quarter to date); the others as typed.");
      }
      return b.build();
    }
  }

  static String fmt(double v) {
    return Unit.NUMBER.format(v);
  }

  static MetricValue score(HealthDimensions.Result cur, HealthDimensions.Result prev, String d) {
    OptionalDouble s = cur.scores().getOrDefault(d, OptionalDouble.empty());
    if (s == null || s.isEmpty()) {
      return MetricValue.absent(cur.highlights().getOrDefault(d, "no data").replaceFirst("^n/a \\((.*)\\)$", "$1"), Unit.SCORE);
    }
    OptionalDouble p = prev.scores().getOrDefault(d, OptionalDouble.empty());
    return MetricValue.of(s.getAsDouble(), Unit.SCORE, cur.provenance())
        .comparedWith(p != null && p.isPresent() ? p.getAsDouble() : null, Direction.HIGHER_IS_BETTER).asKpi("dimension_score:" + d);
  }

  static String label(String dimension) {
    return switch (dimension) {
      case "financials" -> "Financials";
      default -> dimension.substring(0, 1).toUpperCase(Locale.ROOT) + dimension.substring(1);
    };
  }
}
