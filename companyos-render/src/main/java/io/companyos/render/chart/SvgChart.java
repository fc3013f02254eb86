package io.companyos.render.chart;

import java.util.Locale;

/**
 * Writes a chart as a standalone SVG element: {@code role="img"} with the alt text as {@code aria-label}, a
 * {@code <title>} and a {@code <desc>}, then the {@link ChartLayout}'s marks. The bytes depend on the chart alone:
 * coordinates are written with one decimal under {@link Locale#ROOT}, ids come from the chart's own id, and nothing
 * reads the clock. Each series is a {@code <g class="series">} naming the series and its KPI; each plotted value has
 * its written value as a tooltip.
 */
public final class SvgChart {
  private SvgChart() {}

  /**
   * The SVG of {@code chart} (one element, no XML declaration, so it can be inlined in HTML).
   *
   * @param chart the chart
   * @return the {@code <svg>} element and a final newline; the same chart gives the same text
   */
  public static String of(Chart chart) {
    ChartLayout layout = ChartLayout.of(chart);
    StringBuilder b = new StringBuilder(8192);
    String alt = chart.altText();
    String titleId = "chart-" + chart.id() + "-title";
    String descId = "chart-" + chart.id() + "-desc";
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(num(layout.width()))
        .append("\" height=\"").append(num(layout.height())).append("\" viewBox=\"0 0 ").append(num(layout.width()))
        .append(' ').append(num(layout.height())).append("\" role=\"img\" aria-label=\"").append(esc(alt))
        .append("\" aria-labelledby=\"").append(titleId).append("\" aria-describedby=\"").append(descId)
        .append("\" data-chart=\"").append(esc(chart.id())).append("\" data-kind=\"")
        .append(chart.kind().name().toLowerCase(Locale.ROOT)).append("\" font-family=\"DejaVu Sans, sans-serif\">\n");
    b.append("<title id=\"").append(titleId).append("\">").append(esc(chart.title())).append("</title>\n");
    b.append("<desc id=\"").append(descId).append("\">").append(esc(alt)).append("</desc>\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    @org.jspecify.annotations.Nullable String open = null;
    for (Mark m : layout.marks()) {
      String series = seriesOf(m);
      if (series != null && !series.equals(open)) {
        if (open != null) {
          b.append("</g>\n");
        }
        b.append("<g class=\"series\" data-series=\"").append(esc(series)).append('"');
        String kpi = kpiOf(chart, series);
        if (kpi != null) {
          b.append(" data-kpi=\"").append(esc(kpi)).append('"');
        }
        b.append(">\n");
        open = series;
      } else if (series == null && open != null) {
        b.append("</g>\n");
        open = null;
      }
      mark(m, b);
    }
    if (open != null) {
      b.append("</g>\n");
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static @org.jspecify.annotations.Nullable String seriesOf(Mark m) {
    if (m instanceof Mark.Polyline p) {
      return p.series();
    }
    if (m instanceof Mark.Dot d) {
      return d.series();
    }
    if (m instanceof Mark.Bar r) {
      return r.series();
    }
    return null;
  }

  private static @org.jspecify.annotations.Nullable String kpiOf(Chart chart, String series) {
    return chart.series().stream().filter(s -> s.name().equals(series)).findFirst().map(ChartSeries::kpi).orElse(null);
  }

  private static void mark(Mark m, StringBuilder b) {
    if (m instanceof Mark.Line l) {
      b.append("<line x1=\"").append(num(l.x1())).append("\" y1=\"").append(num(l.y1())).append("\" x2=\"")
          .append(num(l.x2())).append("\" y2=\"").append(num(l.y2())).append("\" stroke=\"").append(l.colour())
          .append("\" stroke-width=\"").append(num(l.width())).append('"').append(dash(l.dashed())).append("/>\n");
    } else if (m instanceof Mark.Polyline p) {
      b.append("<polyline fill=\"none\" stroke=\"").append(p.colour()).append("\" stroke-width=\"").append(num(p.width()))
          .append('"').append(dash(p.dashed())).append(" points=\"");
      for (int i = 0; i < p.points().size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(num(p.points().get(i).x())).append(',').append(num(p.points().get(i).y()));
      }
      b.append("\"/>\n");
    } else if (m instanceof Mark.Dot d) {
      b.append("<circle class=\"point\" cx=\"").append(num(d.x())).append("\" cy=\"").append(num(d.y()))
          .append("\" r=\"3\" fill=\"").append(d.colour()).append("\"><title>").append(esc(d.text()))
          .append("</title></circle>\n");
    } else if (m instanceof Mark.Bar r) {
      b.append("<rect class=\"bar\" x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"")
          .append(num(r.width())).append("\" height=\"").append(num(r.height())).append("\" fill=\"").append(r.colour())
          .append("\"><title>").append(esc(r.text())).append("</title></rect>\n");
    } else if (m instanceof Mark.Label t) {
      b.append("<text x=\"").append(num(t.x())).append("\" y=\"").append(num(t.y())).append("\" font-size=\"")
          .append(num(t.size())).append("\" fill=\"").append(t.colour()).append('"');
      if (t.anchor() != Mark.Anchor.START) {
        b.append(" text-anchor=\"").append(t.anchor() == Mark.Anchor.MIDDLE ? "middle" : "end").append('"');
      }
      if (t.bold()) {
        b.append(" font-weight=\"bold\"");
      }
      if (t.tick() != null) {
        b.append(" class=\"tick\" data-tick=\"").append(tick(t.tick())).append('"');
      }
      b.append('>').append(esc(t.text())).append("</text>\n");
    } else if (m instanceof Mark.Swatch s) {
      if (s.square()) {
        b.append("<rect x=\"").append(num(s.x())).append("\" y=\"").append(num(s.y() - 5)).append("\" width=\"14\" height=\"10\" fill=\"")
            .append(s.colour()).append("\"/>\n");
      } else {
        b.append("<line x1=\"").append(num(s.x())).append("\" y1=\"").append(num(s.y())).append("\" x2=\"")
            .append(num(s.x() + 16)).append("\" y2=\"").append(num(s.y())).append("\" stroke=\"").append(s.colour())
            .append("\" stroke-width=\"2\"").append(dash(s.dashed())).append("/>\n");
      }
    }
  }

  private static String dash(boolean dashed) {
    return dashed ? " stroke-dasharray=\"5 3\"" : "";
  }

  /**
   * A coordinate with one decimal, rounded half up in tenths ("170.7"; "-0.0" written "0.0"). Digits are written
   * directly, without {@code String.format}, which is most of the cost of a chart otherwise.
   */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    long abs = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + (abs / 10) + "." + (abs % 10);
  }

  /** A tick value without trailing zeros ("2.5", "10"). */
  static String tick(double v) {
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
  }

  /** Text escaped for XML content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
