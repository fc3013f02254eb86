package io.companyos.export.pdf;

import io.companyos.render.PackSection;
import io.companyos.render.chart.Chart;
import java.util.List;

/**
 * The print markup of a section's charts: the drawing (an {@code <object>} that {@link ChartDrawing} paints with
 * the chart's own layout), the alt text as its caption and the data table behind it. A chart without numbers prints
 * "n/a (reason)" instead.
 */
final class ChartFigure {
  /** The object type the drawing factory answers to. */
  static final String TYPE = "application/x-companyos-chart";
  /** Printed size: the layout's 720 x 300 at 170 mm wide. */
  static final String SIZE = "width: 170mm; height: 70.8mm;";

  private ChartFigure() {}

  /** The key of chart {@code c} of section {@code s} (both 0-based), as the object's {@code data-chart}. */
  static String key(int s, int c) {
    return "s" + s + "-c" + c;
  }

  static void markup(StringBuilder out, int sectionIndex, PackSection s) {
    List<Chart> charts = s.charts();
    for (int c = 0; c < charts.size(); c++) {
      Chart chart = charts.get(c);
      out.append("<div class=\"chart\">\n<h3>").append(Xml.escape(chart.title())).append("</h3>\n");
      if (!chart.present()) {
        out.append("<p class=\"absent\">").append(Xml.escape(chart.absentText())).append("</p>\n</div>\n");
        continue;
      }
      out.append("<object type=\"").append(TYPE).append("\" data-chart=\"").append(key(sectionIndex, c))
          .append("\" style=\"").append(SIZE).append("\"></object>\n");
      out.append("<p class=\"chart-alt\">").append(Xml.escape(chart.altText())).append("</p>\n");
      out.append("<table class=\"data chart-data\">\n<thead><tr>");
      for (String col : chart.tableColumns()) {
        out.append("<th>").append(Xml.escape(col)).append("</th>");
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (List<String> row : chart.table()) {
        out.append("<tr>");
        for (String cell : row) {
          out.append("<td>").append(Xml.escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table>\n</div>\n");
    }
  }
}
