package io.companyos.render.internal;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.PackSection;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartKind;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.scoring.window.ReportingWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The charts each section type carries: the weekly-business-review chart and the health trend in leadership
 * sections, the error-budget burn-down and the DORA keys in the ops review, cost by driver in the FinOps review.
 * Every plotted number is a KPI computed by the same scoring call the sections use, over the point's own window; a
 * point that cannot be computed is absent with its reason, and a chart that fails as a whole is absent with the
 * reason, never a chart of zeros.
 */
public final class SectionCharts {
  /** Weeks and months of the weekly-business-review chart. */
  static final int WBR_WEEKS = 6;
  static final int WBR_MONTHS = 12;
  /** Months of the health trend. */
  static final int HEALTH_MONTHS = 6;

  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

  private SectionCharts() {}

  /** {@code s} with the charts of its type; an unavailable section gets none. */
  public static PackSection attach(PackSection s, SectionContext ctx) {
    if (!s.available()) {
      return s;
    }
    List<Chart> charts = switch (s.type()) {
      case "dimension_scores", "dimension_comparison" -> List.of(
          guarded("health-trend", ChartKind.LINE, HEALTH_TITLE, Unit.SCORE, () -> healthTrend(ctx)),
          guarded("wbr-cost-per-mau", ChartKind.WBR, WBR_TITLE, Unit.USD, () -> wbrCostPerMau(ctx)));
      case "financial_summary" -> List.of(
          guarded("wbr-cost-per-mau", ChartKind.WBR, WBR_TITLE, Unit.USD, () -> wbrCostPerMau(ctx)));
      case "platform_health" -> List.of(
          guarded("health-trend", ChartKind.LINE, HEALTH_TITLE, Unit.SCORE, () -> healthTrend(ctx)));
      case "slo_performance" -> List.of(
          guarded("error-budget-burn-down", ChartKind.LINE, OpsCharts.BURN_TITLE, Unit.PERCENT, () -> OpsCharts.burnDown(ctx)));
      case "dora_metrics" -> {
        try {
          yield OpsCharts.doraKeys(ctx);
        } catch (RuntimeException e) {
          yield List.of(Chart.absent("dora-keys", ChartKind.LINE, "DORA keys", Unit.NUMBER, Reasons.of(e)));
        }
      }
      case "cost_drivers" -> List.of(
          guarded("cost-by-driver", ChartKind.STACKED_BAR, OpsCharts.COST_TITLE, Unit.USD, () -> OpsCharts.costByDriver(ctx)));
      default -> List.of();
    };
    return charts.isEmpty() ? s : s.withCharts(charts);
  }

  static final String HEALTH_TITLE = "Health score and dimensions, last " + HEALTH_MONTHS + " months";
  static final String WBR_TITLE = "Cost per MAU: trailing " + WBR_WEEKS + " weeks and " + WBR_MONTHS
      + " months, prior year and target";

  /** The chart {@code build} makes, or the chart absent with the reason it failed. */
  static Chart guarded(String id, ChartKind kind, String title, Unit unit, java.util.function.Supplier<Chart> build) {
    try {
      return build.get();
    } catch (RuntimeException e) {
      return Chart.absent(id, kind, title, unit, Reasons.of(e));
    }
  }

  /** The point of {@code value} over {@code w}, or absent for {@code reason}; a failing read is absent with its reason. */
  static ChartPoint point(TimeWindow w, java.util.function.Supplier<OptionalDouble> value, Function<TimeWindow, String> reason) {
    try {
      OptionalDouble v = value.get();
      return v.isPresent() ? ChartPoint.of(v.getAsDouble(), w) : ChartPoint.absent(reason.apply(w), w);
    } catch (RuntimeException e) {
      return ChartPoint.absent(Reasons.of(e), w);
    }
  }

  /** The month reported at the as-of and the {@code n - 1} months before it, oldest first. */
  static List<Period> months(SectionContext ctx, int n) {
    Period last = ReportingWindows.reported(PeriodKind.MONTH, ctx.asOf(), ctx.zone(), ctx.company().rhythm().sprints());
    List<Period> out = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      out.add(Period.containing(PeriodKind.MONTH, last.start().minusMonths(i)));
    }
    return out;
  }

  /** The window of {@code p} as packs report it: complete days of a running month, else the whole month. */
  static TimeWindow window(SectionContext ctx, Period p) {
    return ReportingWindows.window(p, ctx.asOf(), ctx.zone());
  }

  /** A month's health result, or why it has none. */
  private record Scored(HealthDimensions.@org.jspecify.annotations.Nullable Result result,
      @org.jspecify.annotations.Nullable String failure) {}

  /**
   * The composite health score and the five dimension scores of each of the last {@value #HEALTH_MONTHS} months (the
   * last one is the headline's month), the same computation and window as the exec review's headline.
   */
  static Chart healthTrend(SectionContext ctx) {
    List<Period> months = months(ctx, HEALTH_MONTHS);
    List<String> categories = months.stream().map(p -> MONTH.format(p.start())).toList();
    List<TimeWindow> windows = healthTrendWindows(ctx, months);
    // Each month's score on its own (they share nothing but the cached reads and the index of the product events
    // their distinct-user counts are taken from), the months side by side.
    HealthDimensions.indexProductEvents(ctx, HealthDimensions.productEventsCover(windows));
    List<Scored> scored = eachInParallel(windows, w -> {
      try {
        return new Scored(HealthDimensions.of(ctx, w), null);
      } catch (RuntimeException e) {
        return new Scored(null, Reasons.of(e));
      }
    });
    List<HealthDimensions.Result> results = scored.stream().map(Scored::result).toList();
    List<String> failures = scored.stream().map(Scored::failure).toList();
    List<ChartSeries> series = new ArrayList<>();
    List<ChartPoint> composite = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      HealthDimensions.Result r = results.get(i);
      TimeWindow w = windows.get(i);
      composite.add(r == null ? ChartPoint.absent(failures.get(i), w) : r.overall().isPresent()
          ? ChartPoint.of(r.overall().getAsDouble(), w) : ChartPoint.absent("no KPI of the health model had data", w));
    }
    series.add(new ChartSeries("Health score", "health_score", ChartSeries.Role.VALUE, composite));
    for (io.companyos.scoring.health.Dimension dim : HealthDimensions.model(ctx).dimensions()) {
      String d = dim.id();
      List<ChartPoint> points = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        HealthDimensions.Result r = results.get(i);
        TimeWindow w = windows.get(i);
        OptionalDouble s = r == null ? OptionalDouble.empty() : r.scores().getOrDefault(d, OptionalDouble.empty());
        points.add(r == null ? ChartPoint.absent(failures.get(i), w) : s.isPresent() ? ChartPoint.of(s.getAsDouble(), w)
            : ChartPoint.absent("no " + d + " KPI had data", w));
      }
      series.add(new ChartSeries(dim.label(), "dimension_score:" + d, ChartSeries.Role.VALUE, points));
    }
    return Chart.of("health-trend", ChartKind.LINE, HEALTH_TITLE, Unit.SCORE, categories, series);
  }

  /**
   * The weekly-business-review "6/12" chart of cost per MAU ({@code cost_per_mau}: spend of the 30 days ending at a
   * window's end / active users of those days): the last {@value #WBR_WEEKS} complete weeks and the last
   * {@value #WBR_MONTHS} months on one axis, the same windows a year earlier (52 weeks, 12 months) dashed, and the
   * target in force at each window's end.
   */
  static Chart wbrCostPerMau(SectionContext ctx) {
    return ctx.shared("chart-wbr-cost-per-mau", List.of(ctx.asOf(), ctx.zone()), () -> {
      WbrWindows wbr = wbrWindows(ctx);
      List<String> categories = wbr.categories();
      List<TimeWindow> windows = wbr.windows();
      List<TimeWindow> prior = wbr.prior();
      Function<TimeWindow, String> noData = w -> "no spend or no active users in the 30 days to "
          + Rows.date(w.end().minusNanos(1), ctx.zone());
      // Each window's cost per MAU on its own, the windows side by side; their MAUs are counted from one index of
      // the events of all of them (36 windows of 30 days would otherwise each be a pass over a month of events).
      List<TimeWindow> all = new ArrayList<>(windows);
      all.addAll(prior);
      HealthDimensions.indexProductEvents(ctx, HealthDimensions.productEventsCover(all));
      List<ChartPoint> points = eachInParallel(all, w -> point(w, () -> HealthDimensions.costPerMau(ctx, w), noData));
      List<ChartPoint> current = points.subList(0, windows.size());
      List<ChartPoint> lastYear = points.subList(windows.size(), all.size());
      List<ChartPoint> target = new ArrayList<>();
      for (TimeWindow w : windows) {
        target.add(point(w, () -> box(Rows.last(ctx.range(MetricNames.TARGET_COST_PER_MAU,
            TimeWindow.ending(w.end(), Duration.ofDays(35))))), x -> "no cost-per-MAU target in force"));
      }
      List<ChartSeries> series = List.of(
          new ChartSeries("Cost per MAU", "cost_per_mau", ChartSeries.Role.VALUE, current),
          new ChartSeries("Prior year", "cost_per_mau", ChartSeries.Role.PRIOR_YEAR, lastYear),
          new ChartSeries("Target", null, ChartSeries.Role.TARGET, target));
      return new Chart("wbr-cost-per-mau", ChartKind.WBR, WBR_TITLE, Unit.USD, categories, WBR_WEEKS, series, null);
    });
  }

  /** The windows of the health trend's months. */
  private static List<TimeWindow> healthTrendWindows(SectionContext ctx, List<Period> months) {
    return months.stream().map(p -> window(ctx, p)).toList();
  }

  /** The cost-per-MAU chart's categories, its windows (weeks, then months) and the same windows a year earlier. */
  private record WbrWindows(List<String> categories, List<TimeWindow> windows, List<TimeWindow> prior) {}

  private static WbrWindows wbrWindows(SectionContext ctx) {
    List<String> categories = new ArrayList<>();
    List<TimeWindow> windows = new ArrayList<>();
    List<TimeWindow> prior = new ArrayList<>();
    LocalDate today = ctx.asOf().atZone(ctx.zone()).toLocalDate();
    Period week = Period.containing(PeriodKind.WEEK, today).previous();
    List<Period> weeks = new ArrayList<>();
    for (int i = 0; i < WBR_WEEKS; i++) {
      weeks.add(0, week);
      week = week.previous();
    }
    for (Period p : weeks) {
      TimeWindow w = window(ctx, p);
      categories.add("W" + p.start().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      windows.add(w);
      prior.add(new TimeWindow(w.start().minus(Duration.ofDays(364)), w.end().minus(Duration.ofDays(364))));
    }
    for (Period p : months(ctx, WBR_MONTHS)) {
      categories.add(MONTH.format(p.start()));
      windows.add(window(ctx, p));
      prior.add(window(ctx, Period.containing(PeriodKind.MONTH, p.start().minusYears(1))));
    }
    return new WbrWindows(categories, windows, prior);
  }

  /**
   * Starts, before a pack's sections run, what the charts of a section of {@code ctx}'s type will count: for the
   * health trend and the cost-per-MAU chart, one index of the product events of all their windows
   * ({@link HealthDimensions#indexProductEvents}), whose rows start loading now. The pack's other sections that count
   * distinct users over windows inside it (the headline's WAU and stickiness, key results) then count them there too,
   * however their threads are ordered. Anything that fails here is left to the sections, which report it as before.
   *
   * @param ctx the context of one section of the pack, before it runs
   */
  public static void prepare(SectionContext ctx) {
    switch (ctx.spec().type()) {
      case "dimension_scores", "dimension_comparison", "financial_summary", "platform_health" -> {
        try {
          List<TimeWindow> windows = new ArrayList<>(healthTrendWindows(ctx, months(ctx, HEALTH_MONTHS)));
          WbrWindows wbr = wbrWindows(ctx);
          windows.addAll(wbr.windows());
          windows.addAll(wbr.prior());
          HealthDimensions.indexProductEvents(ctx, HealthDimensions.productEventsCover(windows));
        } catch (RuntimeException e) {
          // the sections and their charts read and count their own windows, and report what fails
        }
      }
      default -> {
        // no chart of many windows
      }
    }
  }

  /**
   * Threads for charts that compute one value per window, each on its own: their windows are computed side by side
   * (a fork-join pool, so a window's own parallel work cannot wait on a queue it is part of). Daemon threads.
   */
  private static final java.util.concurrent.ForkJoinPool WINDOWS = new java.util.concurrent.ForkJoinPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), pool -> {
        java.util.concurrent.ForkJoinWorkerThread t =
            java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("companyos-windows-" + t.getPoolIndex());
        return t;
      }, null, false);

  /**
   * {@code f} of each window, in their order, computed side by side. {@code f} reports its own failures in what it
   * returns; the values are those of a loop, as each window's value depends on its window alone. A runtime exception
   * {@code f} does throw is thrown here as it is (the first in the windows' order).
   */
  static <R> List<R> eachInParallel(List<TimeWindow> windows, Function<TimeWindow, R> f) {
    if (windows.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
      return windows.stream().map(f).toList();
    }
    java.util.concurrent.ForkJoinTask<List<Outcome<R>>> task = WINDOWS.submit(() -> windows.parallelStream().map(w -> {
      try {
        return new Outcome<R>(f.apply(w), null);
      } catch (RuntimeException e) {
        return new Outcome<R>(null, e); // rethrown on the caller's thread as it is, not as the pool would wrap it
      }
    }).toList());
    List<Outcome<R>> outcomes;
    try {
      outcomes = task.get();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new io.companyos.render.SectionUnavailableException("interrupted while computing " + windows.size() + " windows");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    List<R> out = new ArrayList<>();
    for (Outcome<R> o : outcomes) {
      if (o.failure() != null) {
        throw o.failure();
      }
      out.add(o.value());
    }
    return out;
  }

  private record Outcome<R>(@org.jspecify.annotations.Nullable R value, @org.jspecify.annotations.Nullable RuntimeException failure) {}

  static OptionalDouble box(Double v) {
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The instant just before {@code w} ends, as a date in the zone. */
  static String lastDay(TimeWindow w, java.time.ZoneId zone) {
    Instant last = w.end().minusNanos(1);
    return DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(last.atZone(zone));
  }
}
