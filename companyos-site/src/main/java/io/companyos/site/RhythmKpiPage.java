package io.companyos.site;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.RhythmKpi;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.GenerationLog;
import io.companyos.render.MetricValue;
import io.companyos.render.Unit;
import io.companyos.scoring.rhythm.RhythmKpis;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.UnsupportedQueryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The seed's "Rhythm Effectiveness KPIs": each target from {@code kpis.yaml} next to the value
 * measured from the records the sources hold (meetings, decisions, action items, dashboard views) and
 * from the pack generation log. Meeting adherence, decision time and action completion look at the 30
 * days before the as-of instant, dashboard usage at the 7 days before it (the seed's "weekly"). A KPI
 * that cannot be measured shows "n/a (reason)", never 0.
 */
public final class RhythmKpiPage {
  /** The trailing window of the monthly KPIs. */
  public static final Duration MONTH = Duration.ofDays(30);
  /** The trailing window of dashboard usage. */
  public static final Duration WEEK = Duration.ofDays(7);

  /** One KPI: its target, what was measured and whether it meets the target (null when not measured). */
  public record Row(RhythmKpi kpi, MetricValue actual, @Nullable Boolean met, TimeWindow window) {}

  private RhythmKpiPage() {}

  /**
   * Measures every KPI of {@code company}. {@code log} is the pack generation log (null: not measured);
   * {@code population} is the number of people expected to use the dashboards (empty: not measured).
   */
  public static List<Row> measure(CompanyDefinition company, List<MetricSource> sources, Instant asOf,
      @Nullable GenerationLog log, OptionalInt population) {
    TimeWindow month = new TimeWindow(asOf.minus(MONTH), asOf);
    TimeWindow week = new TimeWindow(asOf.minus(WEEK), asOf);
    List<Row> rows = new ArrayList<>();
    for (RhythmKpi kpi : company.kpis()) {
      Unit unit = unitOf(kpi);
      MetricValue actual = switch (kpi.id()) {
        case "meeting_start_adherence" -> fromRecords(sources, RecordKind.MEETINGS, month, unit, "no meetings held",
            m -> percent(RhythmKpis.startAdherence(m, month)));
        case "decision_time" -> fromRecords(sources, RecordKind.DECISIONS, month, unit, "no decisions taken",
            d -> RhythmKpis.decisionTimeHours(d, month));
        case "action_item_completion" -> fromRecords(sources, RecordKind.ACTION_ITEMS, month, unit, "no action items due",
            a -> percent(RhythmKpis.actionCompletion(a, month)));
        case "dashboard_usage" -> population.isEmpty()
            ? MetricValue.absent("population unknown: give the number of dashboard users", unit)
            : fromRecords(sources, RecordKind.DASHBOARD_VIEWS, week, unit, "no dashboard views",
                v -> percent(RhythmKpis.dashboardUsage(v, week, population.getAsInt())));
        case "pack_generation_success" -> generation(log, unit, generationWindow(log, month), asOf);
        default -> MetricValue.absent("no built-in measurement for KPI '" + kpi.id() + "'", unit);
      };
      TimeWindow window = switch (kpi.id()) {
        case "dashboard_usage" -> week;
        case "pack_generation_success" -> generationWindow(log, month);
        default -> month;
      };
      rows.add(new Row(kpi, actual, actual.value() == null ? null : kpi.met(actual.value()), window));
    }
    return rows;
  }

  /**
   * {@code rows} with pack generation success measured from a run's own outcomes ({@code succeeded} of
   * {@code attempted} packs produced) instead of a generation log.
   */
  public static List<Row> withGenerations(List<Row> rows, int succeeded, int attempted, Instant asOf) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      if (!r.kpi().id().equals("pack_generation_success") || attempted == 0) {
        out.add(r);
        continue;
      }
      Unit unit = Unit.PERCENT;
      TimeWindow at = new TimeWindow(asOf, asOf.plusNanos(1));
      double rate = 100.0 * RhythmKpis.packGenerationSuccess(succeeded, attempted).orElseThrow();
      MetricValue v = MetricValue.of(rate, unit,
          new Provenance("this build", succeeded + " of " + attempted + " packs produced", at, asOf, attempted));
      out.add(new Row(r.kpi(), v, r.kpi().met(rate), at));
    }
    return out;
  }

  /** The rows as a Markdown table in the seed's layout plus target status and provenance. */
  public static String markdown(List<Row> rows, Instant asOf) {
    StringBuilder md = new StringBuilder("## Rhythm Effectiveness KPIs\n\nAs of ").append(asOf).append(".\n\n")
        .append("| Metric | Target | Actual | Status | Measurement | Window |\n")
        .append("|--------|--------|--------|--------|-------------|--------|\n");
    for (Row r : rows) {
      md.append("| ").append(SiteTemplates.cell(r.kpi().name())).append(" | ").append(target(r.kpi()))
          .append(" | ").append(SiteTemplates.cell(r.actual().text())).append(" | ").append(status(r))
          .append(" | ").append(SiteTemplates.cell(r.kpi().measurement())).append(" | ")
          .append(r.window().start()).append(" to ").append(r.window().end()).append(" |\n");
    }
    md.append('\n');
    for (Row r : rows) {
      if (r.actual().provenance() != null) {
        var p = r.actual().provenance();
        md.append("- ").append(SiteTemplates.cell(r.kpi().name())).append(": ").append(SiteTemplates.cell(p.line())).append('\n');
      }
    }
    return md.toString();
  }

  /** The same page as standalone HTML. */
  public static String html(List<Row> rows, Instant asOf) {
    return SiteTemplates.html("kpis.ftlh", model(rows, asOf, ""));
  }

  static Map<String, Object> model(List<Row> rows, Instant asOf, String rootPath) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.kpi().name());
      m.put("target", target(r.kpi()));
      m.put("actual", r.actual().text());
      m.put("status", status(r));
      m.put("statusClass", r.met() == null ? "absent" : r.met() ? "good" : "bad");
      m.put("measurement", r.kpi().measurement());
      m.put("window", r.window().start() + " to " + r.window().end());
      var p = r.actual().provenance();
      m.put("provenance", p == null ? "" : p.line());
      out.add(m);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("root", rootPath);
    model.put("asOf", asOf.toString());
    model.put("rows", out);
    return model;
  }

  static String target(RhythmKpi kpi) {
    return kpi.target().operator().symbol() + " " + unitOf(kpi).format(kpi.target().value());
  }

  private static Unit unitOf(RhythmKpi kpi) {
    return switch (kpi.unit()) {
      case PERCENT -> Unit.PERCENT;
      case HOURS -> Unit.HOURS;
      case COUNT -> Unit.NUMBER;
    };
  }

  private static String status(Row r) {
    return r.met() == null ? "n/a" : r.met() ? "met" : "missed";
  }

  private static OptionalDouble percent(OptionalDouble ratio) {
    return ratio.isPresent() ? OptionalDouble.of(100 * ratio.getAsDouble()) : ratio;
  }

  private static <T> MetricValue fromRecords(List<MetricSource> sources, RecordKind<T> kind, TimeWindow window,
      Unit unit, String emptyReason, Function<List<T>, OptionalDouble> measure) {
    for (MetricSource s : sources) {
      Dataset<T> data;
      try {
        data = s.records(kind, window);
      } catch (UnsupportedQueryException e) {
        continue;
      }
      OptionalDouble v = measure.apply(data.rows());
      return v.isPresent() ? MetricValue.of(v.getAsDouble(), unit, data.provenance())
          : MetricValue.absent(emptyReason + " in the window", unit);
    }
    return MetricValue.absent("no source provides " + kind.name().toLowerCase(Locale.ROOT), unit);
  }

  /**
   * Generations are logged at wall-clock time, not at the data's as-of: their window is the 30 days up
   * to the latest logged generation, so the page depends only on the log's content.
   */
  private static TimeWindow generationWindow(@Nullable GenerationLog log, TimeWindow fallback) {
    return log == null ? fallback : log.latestStart()
        .map(last -> new TimeWindow(last.plusNanos(1).minus(MONTH), last.plusNanos(1))).orElse(fallback);
  }

  private static MetricValue generation(@Nullable GenerationLog log, Unit unit, TimeWindow window, Instant asOf) {
    if (log == null) {
      return MetricValue.absent("no generation log given", unit);
    }
    Double rate = log.successRatePercent(window);
    if (rate == null) {
      return MetricValue.absent("no pack generations logged in the window", unit);
    }
    Provenance p = new Provenance("generation-log", "share of success or partial in " + log.file().getFileName(),
        window, asOf, log.entryCount(window));
    return MetricValue.of(rate, unit, p);
  }
}
