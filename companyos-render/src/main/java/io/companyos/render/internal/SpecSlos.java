package io.companyos.render.internal;

import io.companyos.model.slo.SloSpec;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionUnavailableException;
import io.companyos.scoring.slo.BurnRateAlerts;
import io.companyos.scoring.slo.SloResult;
import io.companyos.scoring.slo.SpecSloScore;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The company's SLO specs (OpenSLO, Sloth, Pyrra; see docs/slos.md) over a window, scored by {@link SpecSloScore} with
 * the queries sent through the pack's sources. An SLO whose indicator is not computed, whose metric source is not
 * Prometheus, or whose queries no source serves is listed with the reason instead of a number.
 */
final class SpecSlos {
  private SpecSlos() {}

  /** One spec's SLO over a window, or why there is none. */
  record Row(SloSpec spec, @Nullable SloResult result, @Nullable Provenance provenance, @Nullable String unavailable) {
    /** The evidence line: the counts and where the spec was written. */
    String evidence() {
      return result == null ? "" : SpecSloScore.evidence(spec, result);
    }
  }

  /** Every SLO spec of the company over {@code w}, in spec order, computed once per (window, as-of). */
  static List<Row> evaluate(SectionContext ctx, TimeWindow w) {
    List<SloSpec> specs = ctx.company().slos().slos();
    if (specs.isEmpty()) {
      return List.of();
    }
    return ctx.shared("spec-slos", List.of(w, ctx.asOf()), () -> {
      List<Row> out = new ArrayList<>();
      for (SloSpec s : specs) {
        out.add(row(ctx, s, w));
      }
      return List.copyOf(out);
    });
  }

  /** The burn-rate tier of {@code spec} at {@code end}, or empty when it is not computed or no source serves it. */
  static Optional<BurnRateAlerts.Tier> tier(SectionContext ctx, SloSpec spec, Instant end) {
    if (SpecSloScore.notComputed(spec).isPresent()) {
      return Optional.empty();
    }
    return ctx.shared("spec-slo-tier", List.of(spec.name(), end), () -> {
      try {
        return Optional.of(SpecSloScore.tier(spec, new Events(ctx, end)));
      } catch (SectionUnavailableException e) {
        return Optional.<BurnRateAlerts.Tier>empty();
      }
    });
  }

  private static Row row(SectionContext ctx, SloSpec s, TimeWindow w) {
    Optional<String> why = SpecSloScore.notComputed(s);
    if (why.isPresent()) {
      return new Row(s, null, null, why.get());
    }
    if (w.length().toSeconds() <= 0) {
      return new Row(s, null, null, "the window is empty");
    }
    try {
      Events events = new Events(ctx, w.end());
      SloResult result = SpecSloScore.over(s, w.length(), events);
      Dataset<Series> first = events.first;
      Provenance p = SectionContext.computedOver(first == null ? Provenance.of("slos", s.origin(), w, ctx.asOf()) : first.provenance(), w,
          "SLO " + s.name() + " (" + s.origin() + "): events of " + SpecSloScore.totalQuery(s, w.length()),
          first == null ? 0 : first.rows().size());
      return new Row(s, result, p, null);
    } catch (SectionUnavailableException e) {
      return new Row(s, null, null, e.getMessage());
    }
  }

  /** The pack's sources as {@link SpecSloScore.Events} at {@code end}; keeps the first answer for provenance. */
  private static final class Events implements SpecSloScore.Events {
    private final SectionContext ctx;
    private final Instant end;
    @Nullable Dataset<Series> first;

    Events(SectionContext ctx, Instant end) {
      this.ctx = ctx;
      this.end = end;
    }

    @Override
    public double instant(String query) {
      return keep(ctx.instant(query, end), false);
    }

    @Override
    public double value(String query) {
      Dataset<Series> d = ctx.instant(query, end);
      boolean any = d.rows().stream().anyMatch(s -> !s.points().isEmpty()
          && Double.isFinite(s.points().get(s.points().size() - 1).value()));
      double v = keep(d, false);
      return any ? v : Double.NaN;
    }

    @Override
    public double sum(String selector, Duration length) {
      String metric = SourceRouter.metricNames(selector).get(0);
      return keep(ctx.range(metric, selector, TimeWindow.ending(end, length), Duration.ofHours(1)), true);
    }

    /** The last point of each series (every point with {@code allPoints}), summed; NaN and infinities left out. */
    private double keep(Dataset<Series> d, boolean allPoints) {
      if (first == null) {
        first = d;
      }
      double v = 0;
      for (Series s : d.rows()) {
        List<Series.Point> pts = allPoints ? s.points() : s.points().isEmpty() ? List.of() : s.points().subList(s.points().size() - 1, s.points().size());
        for (Series.Point p : pts) {
          if (Double.isFinite(p.value())) {
            v += p.value();
          }
        }
      }
      return v;
    }
  }
}
