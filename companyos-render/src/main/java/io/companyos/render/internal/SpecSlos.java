package io.companyos.render.internal;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionUnavailableException;
import io.companyos.scoring.slo.Slo;
import io.companyos.scoring.slo.SloResult;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The company's SLO specs (OpenSLO, Sloth, Pyrra; see docs/slos.md) over a window: each indicator's queries sent as
 * written to the source that serves their metrics, turned into event counts for {@link Slo#ofCounts}. An SLO whose
 * indicator is not computed, whose metric source is not Prometheus, or whose queries no source serves is listed with
 * the reason instead of a number.
 */
final class SpecSlos {
  /** A series selector ({@code name{labels}}), which {@code increase(…[W])} can take directly. */
  private static final Pattern SELECTOR = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(\\{.*\\})?");

  private SpecSlos() {}

  /** One spec's SLO over a window, or why there is none. */
  record Row(SloSpec spec, @Nullable SloResult result, @Nullable Provenance provenance, @Nullable String unavailable) {
    /** The evidence line: the counts and where the spec was written. */
    String evidence() {
      return result == null ? "" : String.format(Locale.ROOT, "%s: %d events, %d bad, target %s%% (%s)", spec.name(), result.total(),
          result.bad(), new java.math.BigDecimal(Double.toString(spec.objective() * 100)).stripTrailingZeros().toPlainString(),
          spec.origin());
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

  private static Row row(SectionContext ctx, SloSpec s, TimeWindow w) {
    if (s.indicator() instanceof SloIndicator.Unsupported u) {
      return new Row(s, null, null, u.reason());
    }
    SloIndicator.Ratio r = (SloIndicator.Ratio) s.indicator();
    if (!r.sourceType().equals("prometheus")) {
      return new Row(s, null, null, "metric source " + r.sourceType() + " not configured");
    }
    long seconds = w.length().toSeconds();
    if (seconds <= 0) {
      return new Row(s, null, null, "the window is empty");
    }
    try {
      Count total = count(ctx, r.form(), r.total(), w, seconds, true);
      Count part = r.good() != null ? count(ctx, r.form(), r.good(), w, seconds, false) : count(ctx, r.form(), r.bad(), w, seconds, false);
      long events = Math.max(0, Math.round(total.value()));
      long counted = Math.max(0, Math.min(events, Math.round(part.value())));
      long bad = r.good() != null ? events - counted : counted;
      SloResult result = Slo.ofCounts(s.objective(), events, bad);
      Provenance p = SectionContext.computedOver(total.data().provenance(), w, "SLO " + s.name() + " (" + s.origin() + "): "
          + (r.good() != null ? "good" : "bad") + " and total events of " + total.query(), total.data().rows().size());
      return new Row(s, result, p, null);
    } catch (SectionUnavailableException e) {
      return new Row(s, null, null, e.getMessage());
    }
  }

  private record Count(double value, Dataset<Series> data, String query) {}

  /** The events {@code query} counts over {@code w}, in the indicator's query form. */
  private static Count count(SectionContext ctx, SloIndicator.QueryForm form, String query, TimeWindow w, long seconds, boolean total) {
    String range = seconds + "s";
    String q;
    double scale = 1;
    switch (form) {
      case COUNTER -> {
        if (!SELECTOR.matcher(query.strip()).matches()) {
          throw new SectionUnavailableException("a counter query must be a series selector, not '" + query + "'");
        }
        q = "sum(increase(" + query.strip() + "[" + range + "]))";
      }
      case RATE_TEMPLATE -> {
        q = query.replace("{{.window}}", range);
        scale = seconds;
      }
      default -> q = (total ? "sum(count_over_time(" : "sum(sum_over_time(") + query.strip() + "[" + range + "]))";
    }
    Dataset<Series> d = ctx.instant(q, w.end());
    double v = 0;
    for (Series s : d.rows()) {
      if (!s.points().isEmpty()) {
        double x = s.points().get(s.points().size() - 1).value();
        if (Double.isFinite(x)) {
          v += x;
        }
      }
    }
    return new Count(v * scale, d, q);
  }
}
