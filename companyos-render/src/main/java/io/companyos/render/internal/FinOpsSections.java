package io.companyos.render.internal;

import io.companyos.scoring.finops.CloudBudget;
import io.companyos.scoring.finops.CostBreakdown;
import io.companyos.scoring.finops.CommitmentCoverage;
import io.companyos.scoring.finops.Variance;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.sources.Dataset;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;

/** FinOps sections over FOCUS cost rows: summary, drivers, team costs, reserved capacity, forecast. */
final class FinOpsSections {
  static final List<String> SUMMARY_COLUMNS = List.of("Metric", "Actual", "Budget", "Variance");

  private FinOpsSections() {}

  /** Cloud spend of {@code rows} (KPI {@code cloud_spend}: {@link CostBreakdown#total}, summed exactly, then shown). */
  static double total(List<CostRow> rows) {
    return CostBreakdown.total(rows).doubleValue();
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%+.1f%%", v);
  }

  /** Total spend and cost per MAU against budget and target, and infrastructure (compute) spend month over month. */
  static final class CostSummary extends FixedSection {
    CostSummary() {
      super("cost_summary", List.of(), List.of(SUMMARY_COLUMNS));
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      // Cloud spend precomputed for exactly the window (and the one before) when a source holds it (Precomputed);
      // the daily history, cost per MAU and infrastructure spend need the cost rows themselves.
      Optional<Precomputed.Found> pcNow = Precomputed.find(ctx, "cloud_spend", w);
      Optional<Precomputed.Found> pcPrev = Precomputed.find(ctx, "cloud_spend", ctx.previousWindow());
      boolean records = pcNow.isEmpty() || ctx.supports(RecordKind.COSTS);
      Dataset<CostRow> cur = records ? ctx.records(RecordKind.COSTS, w) : null;
      Dataset<CostRow> prev = records ? ctx.records(RecordKind.COSTS, ctx.previousWindow()) : null;
      Double before = pcPrev.isPresent() ? pcPrev.get().scaled(1) : prev == null ? null : (Double) total(prev.rows());
      MetricValue spendValue;
      if (pcNow.isPresent()) {
        spendValue = pcNow.get().metric(Unit.USD, 1);
        if (cur != null) {
          spendValue = spendValue.withHistory(history(cur, ctx));
        }
      } else {
        spendValue = MetricValue.of(total(cur.rows()), Unit.USD, cur.provenance()).withHistory(history(cur, ctx))
            .withEvidence(CostBreakdown.evidence(cur.rows(), ctx.zone()));
      }
      double spend = spendValue.value();
      Provenance spendProv = spendValue.provenance();
      List<List<MetricValue>> rows = new ArrayList<>();
      // Budget: each month's budget times the share of it the window covers (CloudBudget.proRated), the one
      // definition the exec review's financials dimension uses too.
      Dataset<Series> budgetData = records || ctx.supportsMetric(MetricNames.MONTHLY_BUDGET) ? HealthDimensions.budgetSeries(ctx, w) : null;
      OptionalDouble plan = budgetData == null ? OptionalDouble.empty() : HealthDimensions.budgetOf(ctx, w, budgetData);
      boolean whole = !CloudBudget.isProRated(w, ctx.zone());
      MetricValue budget = plan.isEmpty() ? MetricValue.absent("no budget reported for every month of the window", Unit.USD)
          : MetricValue.of(plan.getAsDouble(), Unit.USD, Unit.USD.format(plan.getAsDouble()) + (whole ? "" : " (pro-rated)"),
              budgetData.provenance());
      rows.add(List.of(MetricValue.label("Total Cloud Spend"), spendValue.comparedWith(before, Direction.LOWER_IS_BETTER)
          .asKpi("cloud_spend"), budget,
          variance(CloudBudget.variancePercent(spend, plan), "no budget to compare with", spendProv).asKpi("budget_variance")));
      if (cur == null) {
        String none = "no source of cost rows (the job writes the window's total only)";
        rows.add(List.of(MetricValue.label("Cost per MAU"), MetricValue.absent(none, Unit.USD), MetricValue.label("-"),
            MetricValue.absent(none, Unit.PERCENT)));
        rows.add(List.of(MetricValue.label("Infrastructure"), MetricValue.absent(none, Unit.USD), MetricValue.label("-"),
            MetricValue.absent(none, Unit.PERCENT)));
        return ctx.builder().table(new SectionTable("", SUMMARY_COLUMNS, rows, "")).build();
      }
      TimeWindow month = CloudBudget.mauWindow(w);
      Dataset<Series> targetData = ctx.range(MetricNames.TARGET_COST_PER_MAU, new TimeWindow(w.start().minus(Duration.ofDays(1)), w.end()));
      Double target = Rows.last(targetData);
      OptionalDouble perMau = HealthDimensions.costPerMau(ctx, w);
      Provenance mauProv = SectionContext.derived(ctx.records(RecordKind.COSTS, month).provenance(),
          "spend / distinct active users, both over " + Windows.describe(month, ctx.zone()), HealthDimensions.activeUsers(ctx,
              ctx.records(RecordKind.PRODUCT_EVENTS, month)));
      rows.add(List.of(MetricValue.label("Cost per MAU"), perMau.isEmpty() ? MetricValue.absent("no active users or no spend", Unit.USD)
              : MetricValue.of(perMau.getAsDouble(), Unit.USD, String.format(Locale.ROOT, "$%.2f", perMau.getAsDouble()), mauProv).asKpi("cost_per_mau"),
          target == null ? MetricValue.absent("no cost-per-MAU target", Unit.USD)
              : MetricValue.of(target, Unit.USD, String.format(Locale.ROOT, "$%.2f", target), targetData.provenance()),
          perMau.isEmpty() ? MetricValue.absent("no active users", Unit.PERCENT)
              : variance(target == null ? OptionalDouble.empty() : Variance.vsBudget(perMau.getAsDouble(), target), "no budget to compare with", mauProv)));
      double infra = CostBreakdown.compute(cur.rows()).doubleValue();
      OptionalDouble mom = Variance.change(infra, CostBreakdown.compute(prev.rows()).doubleValue());
      rows.add(List.of(MetricValue.label("Infrastructure"), MetricValue.of(infra, Unit.USD, cur.provenance()), MetricValue.label("-"),
          mom.isPresent() ? MetricValue.of(mom.getAsDouble(), Unit.PERCENT, pct(mom.getAsDouble()) + " MoM", prev.provenance())
              : MetricValue.absent("no compute spend in the previous period", Unit.PERCENT)));
      return ctx.builder().table(new SectionTable("", SUMMARY_COLUMNS, rows, "")).build();
    }

    private static List<Double> history(Dataset<CostRow> cur, SectionContext ctx) {
      return Rows.daily(cur.rows(), CostRow::chargePeriodStart, r -> r.effectiveCost().doubleValue(), ctx.window(), ctx.zone());
    }

    private static MetricValue variance(OptionalDouble v, String absent, Provenance p) {
      return v.isEmpty() ? MetricValue.absent(absent, Unit.PERCENT) : MetricValue.of(v.getAsDouble(), Unit.PERCENT, pct(v.getAsDouble()), p);
    }
  }

  /** The largest cost groups (service, resource or region) with change against the previous period. */
  static final class Groups extends FixedSection {
    private final String defaultGroup;

    Groups(String type, String defaultGroup) {
      super(type, List.of(), List.of());
      this.defaultGroup = defaultGroup;
    }

    /** The section's grouping ({@code group_by}: service, team, domain, region or resource). */
    String group(SectionContext ctx) {
      return ctx.string("group_by", defaultGroup);
    }

    /** The group a cost row belongs to under {@code group}. */
    static Function<CostRow, String> key(String group) {
      return switch (group) {
        case "team", "domain" -> r -> r.tags().getOrDefault(group, "untagged");
        case "region", "resource" -> r -> r.tags().getOrDefault(group, r.serviceName());
        default -> CostRow::serviceName;
      };
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      String group = group(ctx);
      Function<CostRow, String> key = key(group);
      Dataset<CostRow> cur = ctx.records(RecordKind.COSTS, ctx.window());
      Dataset<CostRow> prev = ctx.records(RecordKind.COSTS, ctx.previousWindow());
      String head = group.substring(0, 1).toUpperCase(Locale.ROOT) + group.substring(1);
      List<String> cols = List.of(head, "Cost", "Share", "Previous", "Change");
      List<List<MetricValue>> rows = new ArrayList<>();
      CostBreakdown.groups(cur.rows(), prev.rows(), key).stream().limit(ctx.limit()).forEach(g -> {
        Double p = g.previous() == null ? null : g.previous().doubleValue();
        MetricValue cost = MetricValue.of(g.cost().doubleValue(), Unit.USD, cur.provenance()).comparedWith(p, Direction.LOWER_IS_BETTER);
        rows.add(List.of(MetricValue.label(g.key()), cost,
            g.sharePercent().isEmpty() ? MetricValue.absent("total spend is 0", Unit.PERCENT)
                : MetricValue.of(g.sharePercent().getAsDouble(), Unit.PERCENT, String.format(Locale.ROOT, "%.1f%%", g.sharePercent().getAsDouble()), cur.provenance()),
            p == null ? MetricValue.absent("no cost in the previous period", Unit.USD) : MetricValue.of(p, Unit.USD, prev.provenance()),
            MetricValue.text(cost.deltaText(), cur.provenance())));
      });
      return ctx.builder().table(new SectionTable("", cols, rows, "No cost rows in the period.")).build();
    }
  }

  /** Savings-plan, reserved-instance and spot shares of the period's spend. */
  static final class ReservedCapacity extends FixedSection {
    ReservedCapacity() {
      super("reserved_capacity", List.of(f("sp_coverage", "Savings Plans Coverage"), f("ri_coverage", "Reserved Instances"),
          f("spot_percentage", "Spot Instance Usage")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      SectionBuilder b = ctx.builder();
      // Without cost rows, a share the job did not write is n/a beside those it did; with neither, no section.
      boolean records = ctx.supports(RecordKind.COSTS)
          || Stream.of("sp_coverage", "ri_coverage", "spot_percentage").allMatch(k -> Precomputed.find(ctx, k, ctx.window()).isEmpty());
      coverage(ctx, b, records, "sp_coverage", "Savings Plans Coverage", CommitmentCoverage::savingsPlan,
          "ListCost covered by savings plans / ListCost of compute usage", "compute usage");
      coverage(ctx, b, records, "ri_coverage", "Reserved Instances", CommitmentCoverage::reservation,
          "ListCost covered by reservations / ListCost of non-compute usage", "non-compute usage");
      coverage(ctx, b, records, "spot_percentage", "Spot Instance Usage", CommitmentCoverage::spot,
          "ListCost at spot (Dynamic) pricing / ListCost of compute usage", "compute usage");
      b.note("Coverage is measured on the on-demand equivalent of usage (FOCUS ListCost), as FinOps practice does; "
          + "amortized cost would understate covered usage by the discount it earned.");
      return b.build();
    }

    /**
     * The share {@code kpi} (percent) precomputed for exactly the window when a source holds it ({@link Precomputed}),
     * else computed from the window's cost rows; with neither, n/a.
     */
    private static void coverage(SectionContext ctx, SectionBuilder b, boolean records, String kpi, String label,
        Function<List<CostRow>, OptionalDouble> ratio, String how, String what) {
      Optional<Precomputed.Found> pc = Precomputed.find(ctx, kpi, ctx.window());
      MetricValue v;
      if (pc.isPresent()) {
        v = pc.get().metric(Unit.PERCENT, 1);
      } else if (!records) {
        v = MetricValue.absent("no source of cost rows and no " + kpi + " precomputed for "
            + Windows.describe(ctx.window(), ctx.zone()), Unit.PERCENT);
      } else {
        Dataset<CostRow> cur = ctx.records(RecordKind.COSTS, ctx.window());
        v = share(ratio.apply(cur.rows()), cur.provenance(), how, what);
      }
      b.field(kpi, label, v.asKpi(kpi));
    }

    private static MetricValue share(OptionalDouble ratio, Provenance p, String how, String what) {
      if (ratio.isEmpty()) {
        return MetricValue.absent("no " + what + " in the period", Unit.PERCENT);
      }
      return MetricValue.of(100 * ratio.getAsDouble(), Unit.PERCENT, SectionContext.derived(p, how, p.rowCount()));
    }
  }

  /** "; without the one-off day 2026-11-11" when the forecast left days out of its fit. */
  static String oneOffs(List<LocalDate> days) {
    if (days.isEmpty()) {
      return "";
    }
    return "; without the one-off day" + (days.size() == 1 ? " " : "s ")
        + days.stream().map(LocalDate::toString).collect(java.util.stream.Collectors.joining(", "));
  }

  /** Next month's spend from the daily cost history (least-squares trend, or the average). */
  static final class CostForecast extends FixedSection {
    CostForecast() {
      super("cost_forecast", List.of(f("forecast", "Next Month Forecast")), List.of());
    }

    @Override
    public PackSection assemble(SectionContext ctx) {
      TimeWindow w = ctx.window();
      Dataset<CostRow> rows = ctx.records(RecordKind.COSTS, w);
      YearMonth month = io.companyos.scoring.finops.CostForecast.nextMonth(ctx.asOf().atZone(ctx.zone()).toLocalDate());
      LocalDate next = month.atDay(1);
      LocalDate nextEnd = month.atEndOfMonth();
      boolean average = ctx.string("method", "linear").equals("average");
      MetricValue v;
      if (rows.rows().isEmpty()) {
        v = MetricValue.absent("no cost data in the last " + Math.round(Rows.days(w)) + " days", Unit.USD);
      } else if (average) {
        io.companyos.scoring.finops.CostForecast.Average a =
            io.companyos.scoring.finops.CostForecast.average(rows.rows(), ctx.zone(), month).orElseThrow();
        v = MetricValue.of(a.total(), Unit.USD, SectionContext.derived(rows.provenance(),
            "mean of " + a.historyDays() + " daily totals x " + a.horizonDays() + " days", a.historyDays()));
      } else {
        v = io.companyos.scoring.finops.CostForecast.forecast(rows.rows(), ctx.zone(), month)
            .map(x -> MetricValue.of(x.total(), Unit.USD, Unit.USD.format(x.total()) + " (95% interval "
            + Unit.USD.format(x.low()) + " to " + Unit.USD.format(x.high()) + oneOffs(x.excludedDays()) + ")",
            SectionContext.derived(rows.provenance(), "least-squares trend with weekly pattern over " + x.historyDays()
            + " days" + (x.excludedDays().isEmpty() ? "" : " less " + x.excludedDays().size() + " one-off")
            + ", summed over " + next + " to " + nextEnd + "; interval from "
            + io.companyos.scoring.finops.CostForecast.RESAMPLES + " residual-bootstrap resamples", x.historyDays())))
            .orElse(MetricValue.absent("fewer than 14 days of cost data", Unit.USD));
      }
      return ctx.builder().field("forecast", ctx.title(), v).build();
    }
  }
}
