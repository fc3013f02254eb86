package io.companyos.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG of small charts whose pixels are worked out by hand. The canvas is 720 x 300; the plot spans x 64..704
 * (640 px) and y 36..236 (200 px); each category gets an equal slot and its point sits in the slot's middle.
 */
class SvgChartTest {
  private static final Instant T = Instant.parse("2026-11-02T00:00:00Z");

  private static TimeWindow week(int i) {
    return new TimeWindow(T.plusSeconds(i * 7L * 86_400), T.plusSeconds((i + 1) * 7L * 86_400));
  }

  private static Chart threeWeeks() {
    return Chart.of("three-weeks", ChartKind.LINE, "Deploys per day", Unit.PER_DAY, List.of("W45", "W46", "W47"),
        List.of(new ChartSeries("Deploys", "deployment_frequency", ChartSeries.Role.VALUE,
            List.of(ChartPoint.of(10, week(0)), ChartPoint.of(20, week(1)), ChartPoint.of(15, week(2))))));
  }

  @Test
  void threeWeeksArePlottedWhereTheArithmeticSays() {
    SvgRead svg = new SvgRead(SvgChart.of(threeWeeks()));
    // Slots of 640 / 3 = 213.33 px: x = 64 + 106.67 = 170.7, 64 + 320 = 384.0, 64 + 533.33 = 597.3.
    // Axis: values 10..20, a quarter of the range is 2.5, a nice step, so the axis runs 10..20 over 200 px:
    // 10 at y 236, 20 at y 36, 15 halfway at y 136.
    assertThat(svg.points()).extracting(p -> p.x() + "," + p.y())
        .containsExactly("170.7,236.0", "384.0,36.0", "597.3,136.0");
    assertThat(svg.points()).extracting(SvgRead.Point::value).containsExactly(10.0, 20.0, 15.0);
    NodeList lines = svg.document().getElementsByTagName("polyline");
    assertThat(((Element) lines.item(0)).getAttribute("points")).isEqualTo("170.7,236.0 384.0,36.0 597.3,136.0");
    assertThat(svg.categoryXs(List.of("W45", "W46", "W47")).values()).containsExactly(170.7, 384.0, 597.3);
  }

  @Test
  void theWeeklyBusinessReviewChartLeavesOneSlotForTheDividerAndNeverJoinsWeeksToMonths() {
    List<ChartPoint> pts = List.of(ChartPoint.of(1, week(0)), ChartPoint.of(2, week(1)), ChartPoint.of(3, week(2)),
        ChartPoint.of(4, week(3)));
    Chart wbr = new Chart("wbr", ChartKind.WBR, "WBR", Unit.NUMBER, List.of("W1", "W2", "Jan", "Feb"), 2,
        List.of(new ChartSeries("Value", "k", ChartSeries.Role.VALUE, pts),
            new ChartSeries("Target", null, ChartSeries.Role.TARGET, List.of(ChartPoint.of(2, null),
                ChartPoint.of(2, null), ChartPoint.of(2, null), ChartPoint.of(2, null)))), null);
    SvgRead svg = new SvgRead(SvgChart.of(wbr));
    // Five slots of 128 px; the third is the divider: points at 128, 256, (divider 384), 512, 640.
    assertThat(svg.points()).extracting(SvgRead.Point::x).containsExactly(128.0, 256.0, 512.0, 640.0);
    NodeList lines = svg.document().getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(4); // value and target, each once for the weeks and once for the months
    boolean divider = false;
    NodeList ls = svg.document().getElementsByTagName("line");
    for (int i = 0; i < ls.getLength(); i++) {
      Element l = (Element) ls.item(i);
      divider |= l.getAttribute("x1").equals("384.0") && l.getAttribute("x2").equals("384.0")
          && l.hasAttribute("stroke-dasharray");
    }
    assertThat(divider).isTrue();
    assertThat(((Element) lines.item(2)).getAttribute("stroke")).isEqualTo("#c62828");
    assertThat(((Element) lines.item(2)).getAttribute("stroke-dasharray")).isNotEmpty();
  }

  @Test
  void stackedBarsStartWhereTheLayerBelowEnds() {
    Chart bars = Chart.of("cost", ChartKind.STACKED_BAR, "Cost", Unit.NUMBER, List.of("Oct", "Nov"),
        List.of(new ChartSeries("a", "cloud_spend:a", ChartSeries.Role.VALUE, List.of(ChartPoint.of(1, week(0)), ChartPoint.of(3, week(1)))),
            new ChartSeries("b", "cloud_spend:b", ChartSeries.Role.VALUE,
                List.of(ChartPoint.of(2, week(0)), ChartPoint.absent("no cost rows", week(1))))));
    SvgRead svg = new SvgRead(SvgChart.of(bars));
    // Totals 3 and 3: a quarter of 0..3 is 0.75, rounded up to the nice step 1; the axis runs 0..3, 200/3 px per unit.
    // Slots of 320 px, bars 60% wide (192 px) centred at 224 and 544.
    List<SvgRead.Bar> b = svg.bars();
    assertThat(b).hasSize(3); // the absent point draws no bar, not a zero-height one
    assertThat(b.get(0).x()).isEqualTo(224.0);
    assertThat(b.get(2).x()).isEqualTo(224.0);
    assertThat(b.get(0).bottom()).isCloseTo(0, org.assertj.core.api.Assertions.within(0.01));
    assertThat(b.get(0).top()).isCloseTo(1, org.assertj.core.api.Assertions.within(0.01));
    assertThat(b.get(1).x()).isEqualTo(544.0);
    assertThat(b.get(1).top()).isCloseTo(3, org.assertj.core.api.Assertions.within(0.01));
    assertThat(b.get(2).series()).isEqualTo("b");
    assertThat(b.get(2).bottom()).isCloseTo(1, org.assertj.core.api.Assertions.within(0.01));
    assertThat(b.get(2).top()).isCloseTo(3, org.assertj.core.api.Assertions.within(0.01));
    assertThat(bars.table().get(1)).containsExactly("Nov", "3", "n/a (no cost rows)");
  }

  @Test
  void everyChartHasATextAlternative() {
    String text = SvgChart.of(threeWeeks());
    SvgRead svg = new SvgRead(text);
    assertThat(svg.rootAttribute("role")).isEqualTo("img");
    assertThat(svg.rootAttribute("aria-label"))
        .isEqualTo("Line chart of Deploys per day, W45 to W47. Latest: Deploys 15/day (W47).");
    assertThat(svg.text("title")).isEqualTo("Deploys per day");
    assertThat(svg.text("desc")).isEqualTo(svg.rootAttribute("aria-label"));
    assertThat(threeWeeks().tableColumns()).containsExactly("Period", "Deploys");
    assertThat(threeWeeks().table()).containsExactly(List.of("W45", "10/day"), List.of("W46", "20/day"),
        List.of("W47", "15/day"));
  }

  @Test
  void aCrowdedAxisLabelsEveryFewCategoriesCountingBackFromTheNewest() {
    List<String> days = new java.util.ArrayList<>();
    List<ChartPoint> pts = new java.util.ArrayList<>();
    for (int i = 0; i < 28; i++) {
      days.add("Nov " + (i + 1));
      pts.add(ChartPoint.of(i, week(0)));
    }
    Chart c = Chart.of("days", ChartKind.LINE, "Days", Unit.NUMBER, days,
        List.of(new ChartSeries("v", "k", ChartSeries.Role.VALUE, pts)));
    // Slots of 640 / 28 = 22.86 px; "Nov 10" needs 6 x 4.8 + 3 = 31.8 px, so every second label is written.
    assertThat(new SvgRead(SvgChart.of(c)).categoryXs(days).keySet())
        .containsExactly("Nov 2", "Nov 4", "Nov 6", "Nov 8", "Nov 10", "Nov 12", "Nov 14", "Nov 16", "Nov 18", "Nov 20",
            "Nov 22", "Nov 24", "Nov 26", "Nov 28");
  }

  @Test
  void aChartWithoutNumbersSaysWhyInsteadOfDrawingZeros() {
    Chart none = Chart.of("x", ChartKind.LINE, "Lead time", Unit.HOURS, List.of("W1", "W2"),
        List.of(new ChartSeries("Lead time", "lead_time_for_changes", ChartSeries.Role.VALUE,
            List.of(ChartPoint.absent("no deploys", week(0)), ChartPoint.absent("no deploys", week(1))))));
    assertThat(none.present()).isFalse();
    SvgRead svg = new SvgRead(SvgChart.of(none));
    assertThat(svg.points()).isEmpty();
    assertThat(SvgChart.of(none)).contains("n/a (no data in the charted windows)").doesNotContain("<polyline");
    assertThat(svg.rootAttribute("aria-label")).isEqualTo("Lead time: n/a (no data in the charted windows)");
  }

  @Test
  void aGapIsAGapNotAZero() {
    Chart gap = Chart.of("gap", ChartKind.LINE, "Gap", Unit.NUMBER, List.of("a", "b", "c"),
        List.of(new ChartSeries("v", "k", ChartSeries.Role.VALUE,
            List.of(ChartPoint.of(4, week(0)), ChartPoint.absent("source down", week(1)), ChartPoint.of(8, week(2))))));
    SvgRead svg = new SvgRead(SvgChart.of(gap));
    assertThat(svg.points()).extracting(SvgRead.Point::value).containsExactly(4.0, 8.0);
    assertThat(svg.document().getElementsByTagName("polyline").getLength()).isEqualTo(2);
  }

  @Test
  void theBytesDependOnTheChartOnly() {
    String first = SvgChart.of(threeWeeks());
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(SvgChart.of(threeWeeks())).isEqualTo(first);
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertThat(SvgChart.of(threeWeeks())).isEqualTo(first);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(first).doesNotContainPattern("id=\"[^\"]*\\d{6,}");
  }

  @Test
  void aSeriesMustHaveOnePointPerCategory() {
    assertThatThrownBy(() -> Chart.of("x", ChartKind.LINE, "x", Unit.NUMBER, List.of("a", "b"),
        List.of(new ChartSeries("v", null, ChartSeries.Role.VALUE, List.of(ChartPoint.of(1, null))))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 points for 2 categories");
  }

  @Test
  void niceScalesRoundOutToOneTwoTwoAndAHalfOrFive() {
    YScale s = YScale.covering(3, 97, 0, 100);
    assertThat(s.lo()).isEqualTo(0);
    assertThat(s.hi()).isEqualTo(100);
    assertThat(s.step()).isEqualTo(25);
    assertThat(s.ticks()).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    YScale flat = YScale.covering(5, 5, 0, 100);
    assertThat(flat.lo()).isLessThan(5);
    assertThat(flat.hi()).isGreaterThan(5);
  }
}
