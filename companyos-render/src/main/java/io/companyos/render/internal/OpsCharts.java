package io.companyos.render.internal;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.SectionContext;
import io.companyos.render.Unit;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartKind;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.slo.Slo;
import io.companyos.scoring.slo.SloResult;
import io.companyos.sources.RecordKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/** The charts of the ops review (error-budget burn-down, DORA keys) and of the FinOps review (cost by driver). */
final class OpsCharts {
  /** Weeks of the DORA charts. */
  static final int DORA_WEEKS = 12;
  /** Months of the cost chart, and how many drivers get their own layer (the rest are "Other"). */
  static final int COST_MONTHS = 6;
  static final int COST_DRIVERS = 5;

  static final String BURN_TITLE = "Error budget burn-down per service: budget left after each day of the window";
  static final String COST_TITLE = "Cost by driver per month (stacked), last " + COST_MONTHS + " months";

  private OpsCharts() {}

  /**
   * The burn-down of each service's error budget over the section's window: the budget is the bad events the window
   * allows ((1 - target) x the window's events, SRE workbook), and each day's point is the share of it left after the
   * bad events from the window's start to that day's end ({@link Slo#ofCounts} with the window's events and the bad
   * events so far, KPI {@code error_budget_remaining}). It starts near 100% and only falls; the last point is the SLO
   * table's number.
   */
  static Chart burnDown(SectionContext ctx) {
    TimeWindow w = ctx.window();
    List<TimeWindow> windows = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    LocalDate first = w.start().atZone(ctx.zone()).toLocalDate();
    for (LocalDate d = first; ; d = d.plusDays(1)) {
      java.time.Instant end = d.plusDays(1).atStartOfDay(ctx.zone()).toInstant();
      if (!end.isBefore(w.end())) {
        windows.add(w);
        categories.add(SectionCharts.lastDay(w, ctx.zone()));
        break;
      }
      if (end.isAfter(w.start())) {
        TimeWindow upTo = new TimeWindow(w.start(), end);
        windows.add(upTo);
        categories.add(SectionCharts.lastDay(upTo, ctx.zone()));
      }
    }
    Map<String, SloResult> whole = new TreeMap<>();
    for (ReliabilitySections.SloRow r : ReliabilitySections.slos(ctx, w)) {
      whole.put(r.service(), r.result());
    }
    if (whole.isEmpty()) {
      return Chart.absent("error-budget-burn-down", ChartKind.LINE, BURN_TITLE, Unit.PERCENT, "no SLO had events in the window");
    }
    List<Map<String, SloResult>> perDay = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (TimeWindow upTo : windows) {
      Map<String, SloResult> rows = new LinkedHashMap<>();
      String failure = null;
      try {
        for (ReliabilitySections.SloRow r : upTo.equals(w) ? List.<ReliabilitySections.SloRow>of() : ReliabilitySections.slos(ctx, upTo)) {
          rows.put(r.service(), r.result());
        }
      } catch (RuntimeException e) {
        failure = Reasons.of(e);
      }
      perDay.add(rows);
      failures.add(failure);
    }
    List<ChartSeries> series = new ArrayList<>();
    for (Map.Entry<String, SloResult> e : whole.entrySet()) {
      SloResult all = e.getValue();
      List<ChartPoint> points = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        TimeWindow upTo = windows.get(i);
        if (failures.get(i) != null) {
          points.add(ChartPoint.absent(failures.get(i), upTo));
          continue;
        }
        SloResult soFar = upTo.equals(w) ? all : perDay.get(i).get(e.getKey());
        long bad = soFar == null ? 0 : Math.min(soFar.bad(), all.bad());
        OptionalDouble left = upTo.equals(w) ? all.budgetRemaining()
            : Slo.ofCounts(all.target(), all.total(), bad).budgetRemaining();
        points.add(left.isPresent() ? ChartPoint.of(left.getAsDouble() * 100, upTo)
            : ChartPoint.absent("no requests of " + e.getKey() + " in the window", upTo));
      }
      series.add(new ChartSeries(e.getKey(), "error_budget_remaining", ChartSeries.Role.VALUE, points));
    }
    return Chart.of("error-budget-burn-down", ChartKind.LINE, BURN_TITLE, Unit.PERCENT, categories, series);
  }

  /** One DORA key: its chart id, title, KPI id, unit, scale to the unit, and the value of a result. */
  private record Key(String id, String title, String kpi, Unit unit, double scale, Function<DoraResult, OptionalDouble> value,
      String noData) {}

  private static final List<Key> KEYS = List.of(
      new Key("deployment-frequency", "Deployment frequency", "deployment_frequency", Unit.PER_DAY, 1,
          DoraResult::deploysPerDay, "no deploys in the week"),
      new Key("lead-time", "Lead time for changes", "lead_time_for_changes", Unit.HOURS, 1,
          DoraResult::leadTimeHoursMedian, "no deploys with known changes"),
      new Key("change-failure-rate", "Change failure rate", "change_failure_rate", Unit.PERCENT, 100,
          DoraResult::changeFailureRate, "no deploys in the week"),
      new Key("recovery-time", "Failed deployment recovery time", "failed_deployment_recovery_time", Unit.HOURS, 1,
          DoraResult::failedDeploymentRecoveryHoursMedian, "no incident caused by a deploy was resolved"),
      new Key("rework-rate", "Deployment rework rate", "deployment_rework_rate", Unit.PERCENT, 100,
          DoraResult::reworkRate, "no deploys in the week"));

  /**
   * The five DORA keys over the section's window and the {@value #DORA_WEEKS} - 1 windows of the same length before
   * it, one chart per key (their units differ); the last point of each is the section's own number.
   */
  static List<Chart> doraKeys(SectionContext ctx) {
    DoraBenchmark benchmark = DoraBenchmark.ofYear(ctx.string("benchmark", "2024"));
    List<TimeWindow> windows = new ArrayList<>();
    TimeWindow w = ctx.window();
    for (int i = 0; i < DORA_WEEKS; i++) {
      windows.add(0, w);
      w = w.previous();
    }
    List<String> categories = windows.stream().map(x -> SectionCharts.lastDay(x, ctx.zone())).toList();
    List<DoraResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (TimeWindow x : windows) {
      try {
        results.add(ReliabilitySections.Dora.compute(ctx, x, benchmark));
        failures.add(null);
      } catch (RuntimeException e) {
        results.add(null);
        failures.add(Reasons.of(e));
      }
    }
    List<Chart> charts = new ArrayList<>();
    for (Key k : KEYS) {
      String title = "DORA: " + k.title() + ", last " + DORA_WEEKS + " windows";
      List<ChartPoint> points = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        DoraResult r = results.get(i);
        TimeWindow x = windows.get(i);
        OptionalDouble v = r == null ? OptionalDouble.empty() : k.value().apply(r);
        points.add(r == null ? ChartPoint.absent(failures.get(i), x)
            : v.isPresent() ? ChartPoint.of(v.getAsDouble() * k.scale(), x) : ChartPoint.absent(k.noData(), x));
      }
      charts.add(Chart.of("dora-" + k.id(), ChartKind.LINE, title, k.unit(), categories,
          List.of(new ChartSeries(k.title(), k.kpi(), ChartSeries.Role.VALUE, points))));
    }
    return charts;
  }

  /**
   * Effective cost per driver (the section's {@code group_by}, service by default) for each of the last
   * {@value #COST_MONTHS} months, the last one the section's own window: the {@value #COST_DRIVERS} largest drivers
   * over those months as layers, the rest summed as "Other". A month without cost rows is absent, not zero.
   */
  static Chart costByDriver(SectionContext ctx) {
    String group = ctx.string("group_by", "service");
    Function<CostRow, String> key = FinOpsSections.Groups.key(group);
    LocalDate lastDay = ctx.window().end().minusNanos(1).atZone(ctx.zone()).toLocalDate();
    Period month = Period.containing(PeriodKind.MONTH, lastDay);
    List<TimeWindow> windows = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int i = COST_MONTHS - 1; i >= 0; i--) {
      Period p = Period.containing(PeriodKind.MONTH, month.start().minusMonths(i));
      windows.add(i == 0 ? ctx.window() : SectionCharts.window(ctx, p));
      categories.add(SectionCharts.MONTH.format(p.start()));
    }
    List<Map<String, BigDecimal>> sums = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (TimeWindow x : windows) {
      try {
        List<CostRow> rows = ctx.records(RecordKind.COSTS, x).rows();
        Map<String, BigDecimal> by = rows.isEmpty() ? null : CostBreakdown.by(rows, key);
        sums.add(by);
        failures.add(rows.isEmpty() ? "no cost rows in the month" : null);
        if (by != null) {
          by.forEach((k, v) -> totals.merge(k, v, BigDecimal::add));
        }
      } catch (RuntimeException e) {
        sums.add(null);
        failures.add(Reasons.of(e));
      }
    }
    List<String> top = totals.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(COST_DRIVERS).map(Map.Entry::getKey).toList();
    List<ChartSeries> series = new ArrayList<>();
    for (String driver : top) {
      List<ChartPoint> points = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        Map<String, BigDecimal> by = sums.get(i);
        points.add(by == null ? ChartPoint.absent(failures.get(i), windows.get(i))
            : ChartPoint.of(by.getOrDefault(driver, BigDecimal.ZERO).doubleValue(), windows.get(i)));
      }
      series.add(new ChartSeries(driver, "cloud_spend:" + driver, ChartSeries.Role.VALUE, points));
    }
    if (totals.size() > top.size()) {
      List<ChartPoint> points = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        Map<String, BigDecimal> by = sums.get(i);
        if (by == null) {
          points.add(ChartPoint.absent(failures.get(i), windows.get(i)));
          continue;
        }
        BigDecimal other = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : by.entrySet()) {
          if (!top.contains(e.getKey())) {
            other = other.add(e.getValue());
          }
        }
        points.add(ChartPoint.of(other.doubleValue(), windows.get(i)));
      }
      series.add(new ChartSeries("Other", "cloud_spend:other", ChartSeries.Role.VALUE, points));
    }
    if (series.isEmpty()) {
      String why = failures.stream().filter(java.util.Objects::nonNull).findFirst().orElse("no cost rows");
      return Chart.absent("cost-by-driver", ChartKind.STACKED_BAR, COST_TITLE, Unit.USD, why);
    }
    return Chart.of("cost-by-driver", ChartKind.STACKED_BAR, COST_TITLE, Unit.USD, categories, series);
  }
}
