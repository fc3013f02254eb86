package io.companyos.render.internal;

import io.companyos.render.Unit;

import io.companyos.model.data.Decision;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.scoring.recommend.Wins;
import io.companyos.scoring.security.VulnerabilityStats;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The rule-based lists of leadership packs: wins, risks, achievements, misses, next quarter's focus
 * and open decisions. Each entry is a sentence built from one measured fact (a dimension that moved,
 * a key result's status, a vulnerability past its SLA) and carries that fact's provenance.
 */
final class ReviewLists {
  private ReviewLists() {}

  /** One candidate entry with the weight used to rank it. */
  private record Entry(double weight, MetricValue value) {}

  /** Wins ({@code good = true}) or risks ({@code good = false}); also achievements and misses. */
  static final class Judged extends FixedSection {
    private final boolean good;
    private final boolean quarterly;

    Judged(String type, boolean good, boolean quarterly) {
      super(type, List.of(), List.of());
      this.good = good;
      this.quarterly = quarterly;
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      if (good) {
        return wins(ctx);
      }
      List<Entry> entries = new ArrayList<>();
      // Dimension moves are judged over the pack's own period, the window its health score is shown for.
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.packWindow());
      HealthDimensions.Result prev = HealthDimensions.of(ctx, ctx.packPreviousWindow());
      String span = Windows.describe(ctx.packWindow(), ctx.zone()) + " vs " + Windows.describe(ctx.packPreviousWindow(), ctx.zone());
      for (String d : cur.scores().keySet()) {
        OptionalDouble c = cur.scores().get(d);
        OptionalDouble p = prev.scores().get(d);
        if (c.isPresent() && p.isPresent()) {
          double delta = c.getAsDouble() - p.getAsDouble();
          if (good ? delta >= 1 : delta <= -1) {
            entries.add(new Entry(Math.abs(delta), MetricValue.text(String.format(Locale.ROOT, "%s score %s from %s to %s, %s (%s)",
                LeadershipSections.label(d), good ? "up" : "down", Unit.SCORE.format(p.getAsDouble()), Unit.SCORE.format(c.getAsDouble()),
                span, cur.highlights().get(d)),
                cur.provenance())));
          }
        }
      }
      Okrs.Quarter q = Okrs.current(ctx);
      for (Okrs.Kr k : q.krs()) {
        boolean win = k.status().equals("achieved") || (quarterly && k.status().equals("on track"));
        boolean miss = k.status().equals("off track") || (!quarterly && k.status().equals("at risk") && k.progress() < 0.4);
        if (good ? win : miss) {
          entries.add(new Entry(good ? 50 * k.progress() : 50 * (1 - k.progress()), MetricValue.text(String.format(Locale.ROOT,
              "%s: %s (%.0f%% of target, %s)", k.kr().keyResultId(), k.kr().title(), k.progress() * 100, k.status()),
              q.data().provenance())));
        }
      }
      if (!good) {
        Dataset<Vulnerability> v = ctx.records(RecordKind.VULNERABILITIES, Rows.history(ctx.asOf()));
        // The CVE id and component are the facts a company restricts (the security standup's critical_cves section):
        // wherever they are restricted, the risk line carries the same restriction, and other readers see it without them.
        List<String> cveReaders = restrictedReaders(ctx, "critical_cves");
        VulnerabilityStats.openCritical(v.rows(), ctx.asOf(), SecuritySections.SLA).stream().filter(VulnerabilityStats.OpenFinding::pastSla)
            .forEach(f -> {
              MetricValue line = MetricValue.text(String.format(Locale.ROOT, "%s in %s open %d days, past the %d-day SLA",
                  f.vulnerability().cve() != null ? f.vulnerability().cve() : f.vulnerability().vulnId(), f.vulnerability().component(),
                  f.ageDays(), f.slaDays()), v.provenance());
              entries.add(new Entry(60, cveReaders.isEmpty() ? line : line.restrictedTo(cveReaders, String.format(Locale.ROOT,
                  "a critical vulnerability open %d days, past the %d-day SLA", f.ageDays(), f.slaDays()))));
            });
        for (ReliabilitySections.SloRow r : ReliabilitySections.slos(ctx, TimeWindow.ending(ctx.asOf(), Duration.ofDays(28)))) {
          if (r.remaining() < 0.25) {
            entries.add(new Entry(40 * (1 - r.remaining()), MetricValue.text(String.format(Locale.ROOT,
                "%s has %.0f%% of its 28-day error budget left", r.service(), r.remaining() * 100), r.provenance())));
          }
        }
      }
      SectionBuilder b = ctx.builder();
      entries.stream().sorted(Comparator.comparingDouble((Entry e) -> -e.weight())).limit(ctx.integer("limit", 3))
          .forEach(e -> b.item(e.value()));
      b.emptyText(good ? "No dimension improved and no key result reached its mark in the period."
          : "No dimension declined, no key result is off track and nothing is past its SLA.");
      return b.build();
    }
  }

  /** Periods of history a dimension score's noise band is taken from. */
  static final int NOISE_HISTORY = 6;

  /**
   * Wins ranked by evidence ({@link Wins}): key results achieved or ahead of plan, dimension scores beyond their noise
   * band (the {@value #NOISE_HISTORY} periods before) in the good direction, SLOs met with budget to spare over the
   * pack's period. Up to {@code limit}, never padded; with none, the reason.
   */
  static PackSection wins(SectionContext ctx) {
    record Found(Wins.Win win, MetricValue value) {}
    List<Found> found = new ArrayList<>();
    Okrs.Quarter q = Okrs.current(ctx);
    io.companyos.model.time.Period quarter = io.companyos.model.time.Period.containing(io.companyos.model.time.PeriodKind.QUARTER,
        ctx.asOf().atZone(ctx.zone()).toLocalDate());
    double elapsed = io.companyos.scoring.okr.OkrRollup.elapsed(quarter.toWindow(ctx.zone()), ctx.asOf());
    for (Okrs.Kr k : q.krs()) {
      if (k.absentReason() == null) {
        Wins.keyResult(k.kr().keyResultId(), k.kr().title(), k.progress(), elapsed)
            .ifPresent(w -> found.add(new Found(w, MetricValue.text(w.text(), k.provenance() != null ? k.provenance() : q.data().provenance()))));
      }
    }
    TimeWindow pw = ctx.packWindow();
    HealthDimensions.Result cur = HealthDimensions.of(ctx, pw);
    List<HealthDimensions.Result> before = new ArrayList<>();
    for (int i = 1; i <= NOISE_HISTORY; i++) {
      Duration back = pw.length().multipliedBy(i);
      before.add(HealthDimensions.of(ctx, new TimeWindow(pw.start().minus(back), pw.end().minus(back))));
    }
    for (String d : cur.scores().keySet()) {
      OptionalDouble c = cur.scores().get(d);
      double[] history = before.stream().map(r -> r.scores().get(d)).filter(x -> x != null && x.isPresent())
          .mapToDouble(OptionalDouble::getAsDouble).toArray();
      if (c.isPresent()) {
        Wins.kpi(LeadershipSections.label(d) + " score", c.getAsDouble(), history, io.companyos.scoring.Direction.HIGHER_IS_BETTER, "")
            .ifPresent(w -> found.add(new Found(w, MetricValue.text(w.text() + " (" + cur.highlights().get(d) + ")", cur.provenance())
                .asKpi("dimension_score"))));
      }
    }
    for (ReliabilitySections.SloRow r : ReliabilitySections.slos(ctx, pw)) {
      if (r.result().attainment().isPresent() && r.result().budgetRemaining().isPresent()) {
        Wins.slo(r.service(), r.result().attainment().getAsDouble(), r.result().target(), r.result().budgetRemaining().getAsDouble())
            .ifPresent(w -> found.add(new Found(w, MetricValue.text(w.text(), r.provenance()).withEvidence(List.of(r.evidence())))));
      }
    }
    SectionBuilder b = ctx.builder();
    List<Wins.Win> top = Wins.top(found.stream().map(Found::win).toList(), ctx.integer("limit", 3));
    top.forEach(w -> found.stream().filter(f -> f.win() == w).findFirst().ifPresent(f -> b.item(f.value())));
    b.emptyText(String.format(Locale.ROOT, "No win qualifies in %s: %s; no dimension score moved beyond its noise band "
        + "(robust z ≥ %s over the %d periods before); no SLO met its target with %.0f%% of its error budget to spare.",
        Windows.describe(pw, ctx.zone()), q.krs().isEmpty() ? "no key results recorded for " + q.label()
            : "no key result achieved or " + Math.round(Wins.KR_AHEAD_MARGIN * 100) + " points ahead of the "
                + Math.round(elapsed * 100) + "% of the quarter gone",
        io.companyos.model.slo.SloSpec.plain(Wins.NOISE_BAND_Z), NOISE_HISTORY, Wins.SLO_BUDGET_SPARE * 100));
    return b.build();
  }

  /**
   * The roles the company lets read the facts a section of {@code type} shows, where any pack restricts that section
   * ({@code visible_to}): the union over the packs that restrict it; empty when none does.
   */
  static List<String> restrictedReaders(SectionContext ctx, String type) {
    java.util.Set<String> readers = new java.util.TreeSet<>();
    ctx.company().packs().forEach(p -> p.sections().stream().filter(x -> x.type().equals(type))
        .forEach(x -> readers.addAll(x.visibleTo())));
    return List.copyOf(readers);
  }

  /** Next quarter's focus: the weakest dimensions and the key results furthest behind. */
  static final class NextQuarterFocus extends FixedSection {
    NextQuarterFocus() {
      super("next_quarter_focus", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      HealthDimensions.Result cur = HealthDimensions.of(ctx, ctx.packWindow());
      SectionBuilder b = ctx.builder();
      cur.scores().keySet().stream().filter(d -> cur.scores().get(d).isPresent())
          .sorted(Comparator.comparingDouble(d -> cur.scores().get(d).getAsDouble())).limit(2)
          .forEach(d -> b.item(MetricValue.text(String.format(Locale.ROOT, "Raise %s (score %s over %s: %s)",
              LeadershipSections.label(d).toLowerCase(Locale.ROOT), Unit.SCORE.format(cur.scores().get(d).getAsDouble()),
              Windows.describe(ctx.packWindow(), ctx.zone()), cur.highlights().get(d)),
              cur.provenance())));
      Okrs.Quarter q = Okrs.current(ctx);
      q.krs().stream().filter(k -> k.progress() < 0.7).sorted(Comparator.comparingDouble(Okrs.Kr::progress)).limit(3)
          .forEach(k -> b.item(MetricValue.text(String.format(Locale.ROOT, "Carry or re-plan %s %s (%.0f%% of target)",
              k.kr().keyResultId(), k.kr().title(), k.progress() * 100), q.data().provenance())));
      b.emptyText("No weak dimension or lagging key result found.");
      return b.build();
    }
  }

  /** Decisions raised and not yet taken (or all, with {@code status: all}). */
  static final class Decisions extends FixedSection {
    Decisions() {
      super("decisions", List.of(), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      Dataset<Decision> d = ctx.records(RecordKind.DECISIONS, Rows.history(ctx.asOf()));
      boolean all = ctx.string("status", "open").equals("all");
      Provenance p = d.provenance();
      SectionBuilder b = ctx.builder();
      d.rows().stream().filter(x -> all || x.decidedAt() == null || x.decidedAt().isAfter(ctx.asOf()))
          .sorted(Comparator.comparing(Decision::raisedAt)).limit(ctx.integer("limit", 10))
          .forEach(x -> b.item(MetricValue.text(x.decisionId() + " " + x.title() + " (raised " + Rows.date(x.raisedAt(), ctx.zone())
              + " at " + x.meeting() + (x.decidedAt() == null || x.decidedAt().isAfter(ctx.asOf())
                  ? ", open " + Duration.between(x.raisedAt(), ctx.asOf()).toHours() + " h)" : ", decided)"), p)));
      b.emptyText("No open decisions recorded.");
      return b.build();
    }
  }
}
