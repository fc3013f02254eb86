package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartKind;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.render.chart.SvgChart;
import io.companyos.render.chart.SvgRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The charts of the sample packs: which section carries which, that the SVG read back plots the pack's numbers, and
 * that the charted windows that are also a section's own window show the section's number.
 */
class PackChartsTest {
  private static final Map<String, PackDocument> PACKS = new ConcurrentHashMap<>();

  private static PackDocument pack(String id) {
    return PACKS.computeIfAbsent(id, SampleCompany::assemble);
  }

  private static List<String> chartIds(PackDocument doc, String sectionType) {
    return doc.section(sectionType).orElseThrow().charts().stream().map(Chart::id).toList();
  }

  private static Chart chart(PackDocument doc, String sectionType, String id) {
    return doc.section(sectionType).orElseThrow().charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void eachPackCarriesTheChartsOfItsMeeting() {
    assertThat(chartIds(pack("exec-review"), "dimension_scores")).containsExactly("health-trend", "wbr-cost-per-mau");
    assertThat(chartIds(pack("qbr"), "dimension_comparison")).containsExactly("health-trend", "wbr-cost-per-mau");
    assertThat(chartIds(pack("board-pack"), "financial_summary")).containsExactly("wbr-cost-per-mau");
    assertThat(chartIds(pack("board-pack"), "platform_health")).containsExactly("health-trend");
    assertThat(chartIds(pack("ops-review"), "slo_performance")).containsExactly("error-budget-burn-down");
    assertThat(chartIds(pack("ops-review"), "dora_metrics")).containsExactly("dora-deployment-frequency",
        "dora-lead-time", "dora-change-failure-rate", "dora-recovery-time", "dora-rework-rate");
    assertThat(chartIds(pack("finops-review"), "cost_drivers")).containsExactly("cost-by-driver");
    assertThat(pack("daily-standup").sections()).allSatisfy(s -> assertThat(s.charts()).isEmpty());
  }

  @Test
  void theWeeklyBusinessReviewChartHasSixWeeksTwelveMonthsThePriorYearAndTheTarget() {
    Chart wbr = chart(pack("exec-review"), "dimension_scores", "wbr-cost-per-mau");
    assertThat(wbr.kind()).isEqualTo(ChartKind.WBR);
    assertThat(wbr.weeks()).isEqualTo(6);
    // As of Monday 2026-11-23: the six complete ISO weeks W42..W47, then Dec 2025..Nov 2026.
    assertThat(wbr.categories()).startsWith("W42", "W43", "W44", "W45", "W46", "W47", "Dec 25").endsWith("Nov 26");
    assertThat(wbr.categories()).hasSize(18);
    assertThat(wbr.series()).extracting(ChartSeries::role)
        .containsExactly(ChartSeries.Role.VALUE, ChartSeries.Role.PRIOR_YEAR, ChartSeries.Role.TARGET);
    ChartSeries prior = wbr.series().get(1);
    // The sample's history starts on 2025-08-20: a year before Dec 2025..Jul 2026 there is no spend to divide.
    assertThat(prior.points().get(6).present()).isFalse();
    assertThat(prior.points().get(6).absentReason()).startsWith("no spend or no active users");
    assertThat(wbr.table().get(6).get(2)).startsWith("n/a (no spend");
    // Each prior-year week is the same week 52 weeks (364 days) earlier.
    ChartPoint w47 = wbr.series().get(0).points().get(5);
    ChartPoint w47LastYear = prior.points().get(5);
    assertThat(java.time.Duration.between(w47LastYear.window().start(), w47.window().start()).toDays()).isEqualTo(364);
  }

  @Test
  void theSvgOfEveryChartPlotsThePacksNumbers() {
    int checked = 0;
    for (String id : List.of("exec-review", "ops-review", "finops-review", "board-pack", "qbr")) {
      for (PackSection s : pack(id).sections()) {
        for (Chart c : s.charts()) {
          checked += plotted(c);
        }
      }
    }
    assertThat(checked).isGreaterThan(300);
  }

  /** Compares every plotted value of {@code c}'s SVG with the chart's points; returns how many it compared. */
  private static int plotted(Chart c) {
    SvgRead svg = new SvgRead(SvgChart.of(c));
    double tolerance = 0.051 / svg.pixelsPerUnit(); // coordinates are written to 0.1 px
    Map<String, Double> xs = svg.categoryXs(c.categories());
    assertThat(xs).as(c.id()).containsKey(c.categories().get(c.categories().size() - 1));
    int n = 0;
    if (c.kind() == ChartKind.STACKED_BAR) {
      List<SvgRead.Bar> bars = svg.bars();
      int b = 0;
      for (ChartSeries s : c.series()) {
        for (int i = 0; i < s.points().size(); i++) {
          ChartPoint p = s.points().get(i);
          if (p.present()) {
            SvgRead.Bar bar = bars.get(b++);
            assertThat(bar.series()).isEqualTo(s.name());
            if (xs.containsKey(c.categories().get(i))) {
              assertThat(bar.x()).as(c.id()).isCloseTo(xs.get(c.categories().get(i)), within(0.11));
            }
            assertThat(bar.top() - bar.bottom()).as(c.id() + " " + s.name() + " " + c.categories().get(i))
                .isCloseTo(p.value(), within(2 * tolerance));
            n++;
          }
        }
      }
      assertThat(b).isEqualTo(bars.size());
      return n;
    }
    List<SvgRead.Point> dots = svg.points();
    int d = 0;
    for (ChartSeries s : c.series()) {
      List<double[]> drawn = s.role() == ChartSeries.Role.VALUE ? null : polylinePoints(svg, s.name());
      int k = 0;
      for (int i = 0; i < s.points().size(); i++) {
        ChartPoint p = s.points().get(i);
        if (!p.present()) {
          continue;
        }
        double x;
        double value;
        if (drawn == null) {
          SvgRead.Point dot = dots.get(d++);
          assertThat(dot.series()).isEqualTo(s.name());
          x = dot.x();
          value = dot.value();
        } else {
          double[] xy = drawn.get(k++);
          x = xy[0];
          value = svg.valueAt(xy[1]);
        }
        if (xs.containsKey(c.categories().get(i))) {
          assertThat(x).as(c.id()).isCloseTo(xs.get(c.categories().get(i)), within(0.11));
        }
        assertThat(value).as(c.id() + " " + s.name() + " " + c.categories().get(i)).isCloseTo(p.value(), within(tolerance));
        n++;
      }
    }
    assertThat(d).isEqualTo(dots.size());
    return n;
  }

  private static List<double[]> polylinePoints(SvgRead svg, String series) {
    List<double[]> out = new ArrayList<>();
    NodeList lines = svg.document().getElementsByTagName("polyline");
    for (int i = 0; i < lines.getLength(); i++) {
      Element l = (Element) lines.item(i);
      if (((Element) l.getParentNode()).getAttribute("data-series").equals(series)) {
        for (String xy : l.getAttribute("points").split(" ")) {
          String[] parts = xy.split(",");
          out.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
      }
    }
    return out;
  }

  @Test
  void aChartedWindowThatIsTheSectionsOwnShowsTheSectionsNumber() {
    PackDocument ops = pack("ops-review");
    PackSection dora = ops.section("dora_metrics").orElseThrow();
    assertThat(last(chart(ops, "dora_metrics", "dora-deployment-frequency")))
        .isEqualTo(field(dora, "deploy_freq").value());
    assertThat(last(chart(ops, "dora_metrics", "dora-change-failure-rate"))).isEqualTo(field(dora, "cfr").value());
    assertThat(last(chart(ops, "dora_metrics", "dora-lead-time"))).isEqualTo(field(dora, "lead_time").value());
    assertThat(chart(ops, "dora_metrics", "dora-lead-time").series().get(0).points().get(11).window())
        .isEqualTo(dora.window());

    PackSection slo = ops.section("slo_performance").orElseThrow();
    Chart burn = chart(ops, "slo_performance", "error-budget-burn-down");
    assertThat(burn.series()).isNotEmpty();
    for (List<MetricValue> row : slo.tables().get(0).rows()) {
      ChartSeries s = burn.series().stream().filter(x -> x.name().equals(row.get(0).text())).findFirst().orElseThrow();
      assertThat(s.points().get(s.points().size() - 1).value()).as(s.name()).isEqualTo(row.get(3).value());
      assertThat(s.points().get(s.points().size() - 1).window()).isEqualTo(slo.window());
      // The burn-down starts where the section's window starts and ends where it ends, and a budget only burns.
      assertThat(s.points().get(0).window().start()).isEqualTo(slo.window().start());
      for (int i = 1; i < s.points().size(); i++) {
        assertThat(s.points().get(i).value()).as(s.name()).isLessThanOrEqualTo(s.points().get(i - 1).value());
      }
    }

    PackDocument exec = pack("exec-review");
    PackSection dims = exec.section("dimension_scores").orElseThrow();
    Chart trend = chart(exec, "dimension_scores", "health-trend");
    for (List<MetricValue> row : dims.tables().get(0).rows()) {
      ChartSeries s = trend.series().stream().filter(x -> x.name().equals(row.get(0).text())).findFirst().orElseThrow();
      assertThat(s.points().get(5).value()).as(s.name()).isEqualTo(row.get(1).value());
      assertThat(s.kpi()).isEqualTo("dimension_score:" + s.name().toLowerCase(java.util.Locale.ROOT));
    }

    PackDocument finops = pack("finops-review");
    PackSection drivers = finops.section("cost_drivers").orElseThrow();
    Chart cost = chart(finops, "cost_drivers", "cost-by-driver");
    int matched = 0;
    for (List<MetricValue> row : drivers.tables().get(0).rows()) {
      for (ChartSeries s : cost.series()) {
        if (s.name().equals(row.get(0).text())) {
          assertThat(s.points().get(5).value()).as(s.name()).isCloseTo(row.get(1).value(), within(1e-6));
          matched++;
        }
      }
    }
    assertThat(matched).isEqualTo(5);
  }

  private static Double last(Chart c) {
    List<ChartPoint> pts = c.series().get(0).points();
    return pts.get(pts.size() - 1).value();
  }

  private static MetricValue field(PackSection s, String key) {
    return s.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void everyFormatShowsTheAltTextAndTheDataBehindTheChart() {
    PackDocument doc = pack("finops-review");
    Chart cost = chart(doc, "cost_drivers", "cost-by-driver");
    PackRenderer r = new PackRenderer();
    String html = r.render(doc, PackFormat.HTML);
    assertThat(html).contains("<figure class=\"chart\" id=\"chart-cost-by-driver\">")
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"")
        .contains("role=\"img\" aria-label=\"Stacked bar chart of Cost by driver per month")
        .contains("<table class=\"chart-data\">\n<caption>Data behind the chart: " + cost.title() + "</caption>")
        .contains("<th scope=\"col\">Period</th>")
        .contains("<th scope=\"row\">Nov 26</th>");
    String md = r.render(doc, PackFormat.MD);
    assertThat(md).contains("**Chart: Cost by driver per month (stacked), last 6 months**")
        .contains("| Period | " + String.join(" | ", cost.series().stream().map(ChartSeries::name).toList()) + " |")
        .doesNotContain("<svg");
    String json = r.render(doc, PackFormat.JSON);
    assertThat(json).contains("\"charts\" : [").contains("\"kpi\" : \"cloud_spend:shared-compute\"")
        .contains("\"role\" : \"value\"").doesNotContain("<svg");
  }
}
