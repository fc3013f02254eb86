package io.companyos.render.internal;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import io.companyos.render.chart.SvgChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chart as part of the pack tree: its series with every point (value or absent reason, window, KPI) for JSON, and
 * for templates also its alt text, data table and SVG. The SVG is read by templates only ({@code chart.svg}); the JSON
 * form carries the numbers, not the picture.
 */
final class ChartTree {
  private ChartTree() {}

  static Map<String, Object> of(Chart chart) {
    return new ChartMap(chart);
  }

  /** The chart's entries, computed when read; {@code svg} is readable but not listed, so JSON leaves it out. */
  static final class ChartMap extends PackTree.ComputedMap {
    private static final PackTree.Keys KEYS = new PackTree.Keys(List.of("id", "kind", "title", "unit", "available",
        "absentReason", "text", "alt", "weeks", "categories", "series", "columns", "rows"));
    private final Chart chart;
    private @Nullable String svg;

    ChartMap(Chart chart) {
      super(KEYS);
      this.chart = chart;
    }

    @Override
    public @Nullable Object get(Object key) {
      if ("svg".equals(key)) {
        String s = svg;
        if (s == null) {
          s = SvgChart.of(chart);
          svg = s;
        }
        return s;
      }
      return super.get(key);
    }

    @Override
    @Nullable Object compute(String key) {
      return switch (key) {
        case "id" -> chart.id();
        case "kind" -> chart.kind().name().toLowerCase(Locale.ROOT);
        case "title" -> chart.title();
        case "unit" -> chart.unit().jsonName();
        case "available" -> chart.present();
        case "absentReason" -> chart.absentReason();
        case "text" -> chart.present() ? chart.title() : chart.absentText();
        case "alt" -> chart.altText();
        case "weeks" -> chart.weeks();
        case "categories" -> chart.categories();
        case "series" -> series();
        case "columns" -> chart.tableColumns();
        case "rows" -> chart.table();
        default -> null;
      };
    }

    private List<Object> series() {
      List<Object> out = new ArrayList<>();
      for (ChartSeries s : chart.series()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kpi", s.kpi());
        m.put("role", s.role().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i++) {
          ChartPoint p = s.points().get(i);
          Map<String, Object> pm = new LinkedHashMap<>();
          pm.put("category", chart.categories().get(i));
          pm.put("value", p.value());
          pm.put("text", chart.text(p));
          TimeWindow w = p.window();
          pm.put("windowStart", w == null ? null : w.start().toString());
          pm.put("windowEnd", w == null ? null : w.end().toString());
          pm.put("absentReason", p.absentReason());
          points.add(pm);
        }
        m.put("points", points);
        out.add(m);
      }
      return out;
    }
  }
}
