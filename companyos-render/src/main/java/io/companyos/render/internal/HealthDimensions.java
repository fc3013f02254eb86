package io.companyos.render.internal;

import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.NpsResponse;
import io.companyos.model.data.ProductEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.scoring.CompositeScore;
import io.companyos.scoring.ErrorBudget;
import io.companyos.scoring.NetPromoterScore;
import io.companyos.scoring.Normalize;
import io.companyos.scoring.VulnerabilitySla;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
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
 * efficiency), each a 0-100 score over a window with a one-line highlight, and the composite health
 * score (equal weights). Indicators and bands are listed in docs/rendering.md; a dimension whose data
 * is missing is left out of the composite, never counted as zero.
 */
final class HealthDimensions {
  static final List<String> NAMES = List.of("reliability", "security", "product", "financials", "efficiency");

  /** Scores, highlights and the composite of one window. */
  record Result(Map<String, OptionalDouble> scores, Map<String, String> highlights, OptionalDouble overall,
      Provenance provenance) {}

  private HealthDimensions() {}

  static Result of(SectionContext ctx, TimeWindow w) {
    Map<String, OptionalDouble> scores = new LinkedHashMap<>();
    Map<String, String> highlights = new LinkedHashMap<>();
    List<CompositeScore.Component> parts = new ArrayList<>();
    for (String d : NAMES) {
      String[] hl = new String[1];
      OptionalDouble s;
      try {
        s = switch (d) {
          case "reliability" -> reliability(ctx, w, hl);
          case "security" -> security(ctx, w, hl);
          case "product" -> product(ctx, w, hl);
          case "financials" -> financials(ctx, w, hl);
          default -> efficiency(ctx, w, hl);
        };
      } catch (RuntimeException e) {
        s = OptionalDouble.empty();
        hl[0] = "n/a (" + e.getMessage() + ")";
      }
      scores.put(d, s);
      highlights.put(d, hl[0] == null ? "n/a (no data in the window)" : hl[0]);
      parts.add(new CompositeScore.Component(d, s, 1.0));
    }
    Provenance p = new Provenance(sourceId(ctx), "health score: reliability, security, product, financials, efficiency "
        + "(equal weights; indicators in docs/rendering.md)", w, ctx.asOf(), 0);
    return new Result(scores, highlights, CompositeScore.of(parts), p);
  }

  private static String sourceId(SectionContext ctx) {
    try {
      return ctx.records(RecordKind.INCIDENTS, new TimeWindow(ctx.asOf(), ctx.asOf())).provenance().sourceId();
    } catch (RuntimeException e) {
      return "none";
    }
  }

  /** 70% SLO error budget left (mean over services), 30% P1/P2 incidents per week (5 or more scores 0). */
  private static OptionalDouble reliability(SectionContext ctx, TimeWindow w, String[] hl) {
    Map<String, Double> req = Rows.sumBy(ctx.range(MetricNames.SLO_REQUESTS, w), "service");
    Map<String, Double> err = Rows.sumBy(ctx.range(MetricNames.SLO_ERRORS, w), "service");
    Map<String, Double> target = Rows.lastBy(ctx.range(MetricNames.SLO_TARGET, TimeWindow.ending(w.end(), Duration.ofDays(35))), "service");
    double budgetSum = 0;
    int n = 0;
    int met = 0;
    for (var e : req.entrySet()) {
      Double t = target.get(e.getKey());
      if (t == null) {
        continue;
      }
      ErrorBudget b = new ErrorBudget(t, e.getValue(), Math.min(e.getValue(), err.getOrDefault(e.getKey(), 0.0)));
      budgetSum += Math.max(0, Math.min(1, b.remaining()));
      n++;
      met += b.met() ? 1 : 0;
    }
    long major = ctx.records(RecordKind.INCIDENTS, w).rows().stream()
        .filter(i -> i.severity().equals("P1") || i.severity().equals("P2")).count();
    double perWeek = major * 7 / Math.max(1.0 / 24, Rows.days(w));
    OptionalDouble slo = n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * budgetSum / n);
    hl[0] = (n == 0 ? "no SLO data" : met + " of " + n + " SLOs met") + "; " + major + " P1/P2 incidents";
    return CompositeScore.of(List.of(new CompositeScore.Component("slo", slo, 0.7),
        new CompositeScore.Component("incidents", OptionalDouble.of(Normalize.linear(perWeek, 5, 0)), 0.3)));
  }

  /** 50% critical/high findings past SLA (10 or more scores 0), 50% compliance controls passing. */
  private static OptionalDouble security(SectionContext ctx, TimeWindow w, String[] hl) {
    Instant end = w.end();
    long breached = ctx.records(RecordKind.VULNERABILITIES, Rows.history(end)).rows().stream()
        .filter(v -> v.severity().equals("critical") || v.severity().equals("high"))
        .filter(v -> v.resolvedAt() == null || v.resolvedAt().isAfter(end))
        .filter(v -> VulnerabilitySla.breached(v.severity(), Duration.between(v.detectedAt(), end)))
        .count();
    Double compliance = Rows.last(ctx.range(MetricNames.COMPLIANCE_CONTROLS_PASSING, TimeWindow.ending(end, Duration.ofDays(35))));
    hl[0] = breached + " critical/high past SLA; compliance "
        + (compliance == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", compliance * 100));
    return CompositeScore.of(List.of(
        new CompositeScore.Component("breaches", OptionalDouble.of(Normalize.linear(breached, 10, 0)), 0.5),
        new CompositeScore.Component("compliance",
            compliance == null ? OptionalDouble.empty() : OptionalDouble.of(compliance * 100), 0.5)));
  }

  /** 50% weekly-active-user growth against the week before (-10% to +10%), 50% 30-day NPS (-20 to 60). */
  private static OptionalDouble product(SectionContext ctx, TimeWindow w, String[] hl) {
    TimeWindow week = TimeWindow.ending(w.end(), Duration.ofDays(7));
    long wau = distinctUsers(ctx.records(RecordKind.PRODUCT_EVENTS, week));
    long prev = distinctUsers(ctx.records(RecordKind.PRODUCT_EVENTS, week.previous()));
    List<Integer> answers = ctx.records(RecordKind.NPS_RESPONSES, TimeWindow.ending(w.end(), Duration.ofDays(30)))
        .rows().stream().map(NpsResponse::score).toList();
    OptionalDouble nps = NetPromoterScore.of(answers);
    OptionalDouble growth = prev == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (wau - prev) / prev);
    hl[0] = "WAU " + wau + (growth.isPresent() ? String.format(Locale.ROOT, " (%+.1f%%)", growth.getAsDouble()) : "")
        + "; NPS " + (nps.isPresent() ? String.format(Locale.ROOT, "%.0f", nps.getAsDouble()) : "n/a");
    return CompositeScore.of(List.of(
        new CompositeScore.Component("growth", map(growth, -10, 10), 0.5),
        new CompositeScore.Component("nps", map(nps, -20, 60), 0.5)));
  }

  /** 50% net revenue retention over the trailing year (90% to 120%), 50% latest gross margin (50% to 80%). */
  private static OptionalDouble financials(SectionContext ctx, TimeWindow w, String[] hl) {
    OptionalDouble nrr = nrrPercent(ctx.records(RecordKind.ARR_MOVEMENTS,
        new TimeWindow(w.end().minus(Duration.ofDays(3650)), w.end())).rows(), w.end().minus(Duration.ofDays(365)), w.end());
    Double gm = Rows.last(ctx.range(MetricNames.GROSS_MARGIN, TimeWindow.ending(w.end(), Duration.ofDays(35))));
    hl[0] = "NRR " + (nrr.isPresent() ? String.format(Locale.ROOT, "%.1f%%", nrr.getAsDouble()) : "n/a")
        + "; gross margin " + (gm == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", gm * 100));
    return CompositeScore.of(List.of(
        new CompositeScore.Component("nrr", map(nrr, 90, 120), 0.5),
        new CompositeScore.Component("margin", gm == null ? OptionalDouble.empty() : OptionalDouble.of(Normalize.linear(gm * 100, 50, 80)), 0.5)));
  }

  /** 50% deploys per day (0 to 5), 50% change failure rate (30% to 0%). */
  private static OptionalDouble efficiency(SectionContext ctx, TimeWindow w, String[] hl) {
    List<Deployment> deploys = ctx.records(RecordKind.DEPLOYMENTS, w).rows();
    double perDay = deploys.size() / Math.max(1.0 / 24, Rows.days(w));
    long failed = deploys.stream().filter(d -> d.status() == DeployStatus.FAILURE).count();
    OptionalDouble cfr = deploys.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(100.0 * failed / deploys.size());
    hl[0] = String.format(Locale.ROOT, "%.1f deploys/day", perDay) + "; CFR "
        + (cfr.isPresent() ? String.format(Locale.ROOT, "%.1f%%", cfr.getAsDouble()) : "n/a");
    return CompositeScore.of(List.of(
        new CompositeScore.Component("frequency", OptionalDouble.of(Normalize.linear(perDay, 0, 5)), 0.5),
        new CompositeScore.Component("cfr", map(cfr, 30, 0), 0.5)));
  }

  private static OptionalDouble map(OptionalDouble v, double worst, double best) {
    return v.isPresent() ? OptionalDouble.of(Normalize.linear(v.getAsDouble(), worst, best)) : OptionalDouble.empty();
  }

  static long distinctUsers(Dataset<ProductEvent> events) {
    return events.rows().stream().map(ProductEvent::userId).distinct().count();
  }

  /**
   * Net revenue retention over {@code [from, to)}: ARR at {@code to} of the accounts that had ARR at
   * {@code from}, divided by their ARR at {@code from}, in percent; empty when there was no ARR.
   */
  static OptionalDouble nrrPercent(List<ArrMovement> movements, Instant from, Instant to) {
    Map<String, Double> start = arrByAccount(movements, from);
    Map<String, Double> end = arrByAccount(movements, to);
    double s = start.values().stream().mapToDouble(Double::doubleValue).sum();
    if (s <= 0) {
      return OptionalDouble.empty();
    }
    double e = start.keySet().stream().mapToDouble(a -> end.getOrDefault(a, 0.0)).sum();
    return OptionalDouble.of(100 * e / s);
  }

  /** ARR per account just before {@code at}: new and expansion add, contraction and churn subtract. */
  static Map<String, Double> arrByAccount(List<ArrMovement> movements, Instant at) {
    Map<String, Double> arr = new LinkedHashMap<>();
    for (ArrMovement m : movements) {
      if (!m.date().isBefore(at)) {
        continue;
      }
      double amt = m.amount().doubleValue();
      double signed = switch (m.kind()) {
        case "contraction", "churn" -> -amt;
        default -> amt;
      };
      arr.merge(m.accountId(), signed, Double::sum);
    }
    arr.replaceAll((k, v) -> Math.max(0, v));
    arr.values().removeIf(v -> v <= 0);
    return arr;
  }

  static boolean open(Incident i, Instant at) {
    return i.timeCreated().isBefore(at) && (i.timeResolved() == null || i.timeResolved().isAfter(at));
  }

  static boolean open(Vulnerability v, Instant at) {
    return v.detectedAt().isBefore(at) && (v.resolvedAt() == null || v.resolvedAt().isAfter(at));
  }
}
