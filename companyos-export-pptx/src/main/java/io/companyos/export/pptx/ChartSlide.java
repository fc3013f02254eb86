package io.companyos.export.pptx;

import io.companyos.render.chart.Chart;
import io.companyos.render.chart.ChartKind;
import io.companyos.render.chart.ChartLayout;
import io.companyos.render.chart.ChartPoint;
import io.companyos.render.chart.ChartSeries;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;

/**
 * A chart as a native PowerPoint chart (a line or stacked column chart with its data in an embedded workbook, so it
 * can be restyled and its data edited in PowerPoint): the same series, colours and dashes as the SVG, the alt text
 * as the chart frame's description. The weekly-business-review chart keeps its weeks and months apart with an empty
 * category between them. Absent points are left empty, never written as zero.
 */
final class ChartSlide {
  /** The category that separates the weeks from the months of a WBR chart. */
  static final String DIVIDER = "";

  private ChartSlide() {}

  /** The categories as the slide's chart shows them (a WBR chart gets {@link #DIVIDER} after its weeks). */
  static List<String> categories(Chart c) {
    List<String> out = new ArrayList<>(c.categories());
    if (divided(c)) {
      out.add(c.weeks(), DIVIDER);
    }
    return out;
  }

  private static boolean divided(Chart c) {
    return c.kind() == ChartKind.WBR && c.weeks() > 0 && c.weeks() < c.categories().size();
  }

  private static Double[] values(Chart c, ChartSeries s) {
    List<Double> out = new ArrayList<>();
    for (ChartPoint p : s.points()) {
      out.add(p.value());
    }
    if (divided(c)) {
      out.add(c.weeks(), null);
    }
    return out.toArray(new Double[0]);
  }

  /** Adds {@code c} to {@code slide} in {@code area} (points); {@code asOf} stamps the embedded workbook. */
  static void add(XMLSlideShow show, XSLFSlide slide, Chart c, Rectangle2D area, Date asOf) {
    try {
      XSLFChart chart = show.createChart(slide);
      slide.addChart(chart, new Rectangle2D.Double(Units.toEMU(area.getX()), Units.toEMU(area.getY()),
          Units.toEMU(area.getWidth()), Units.toEMU(area.getHeight())));
      chart.getWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(asOf));
      String sheet = chart.getWorkbook().getSheetAt(0).getSheetName();
      chart.setTitleText(c.title());
      chart.setTitleOverlay(false);
      chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
      XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
      XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
      y.setCrosses(AxisCrosses.AUTO_ZERO);
      List<String> cats = categories(c);
      int n = cats.size();
      XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(cats.toArray(new String[0]),
          range(sheet, 0, n));
      XDDFChartData data;
      if (c.kind() == ChartKind.STACKED_BAR) {
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        bars.setBarDirection(BarDirection.COL);
        bars.setBarGrouping(BarGrouping.STACKED);
        data = bars;
      } else {
        data = chart.createData(ChartTypes.LINE, x, y);
      }
      int colour = 0;
      for (int i = 0; i < c.series().size(); i++) {
        ChartSeries s = c.series().get(i);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(values(c, s), range(sheet, i + 1, n), i + 1);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle(s.name(), new CellReference(sheet, 0, i + 1, true, true));
        String hex = switch (s.role()) {
          case VALUE -> ChartLayout.colour(colour++);
          case PRIOR_YEAR -> "#8a8a8a";
          case TARGET -> "#c62828";
        };
        style(series, hex, s.role() != ChartSeries.Role.VALUE, c.kind() == ChartKind.STACKED_BAR);
      }
      chart.plot(data);
      if (c.kind() == ChartKind.STACKED_BAR) {
        // Stacked columns overlap fully. Written as text: the lite schema jar lacks the compiled type of the
        // percentage union that XDDFBarChartData.setOverlap goes through.
        var overlap = chart.getCTChart().getPlotArea().getBarChartArray(0).addNewOverlap();
        try (org.apache.xmlbeans.XmlCursor cursor = overlap.newCursor()) {
          cursor.setAttributeText(new javax.xml.namespace.QName("", "val"), "100");
        }
      }
      // An absent point is a gap in the line, never a zero (written as text, as above).
      var ct = chart.getCTChart();
      var blanks = ct.isSetDispBlanksAs() ? ct.getDispBlanksAs() : ct.addNewDispBlanksAs();
      try (org.apache.xmlbeans.XmlCursor cursor = blanks.newCursor()) {
        cursor.setAttributeText(new javax.xml.namespace.QName("", "val"), "gap");
      }
      describe(slide, c);
    } catch (IOException | InvalidFormatException e) {
      throw new IllegalStateException("cannot write the chart " + c.id() + ": " + e.getMessage(), e);
    }
  }

  private static String range(String sheet, int column, int n) {
    String col = CellReference.convertNumToColString(column);
    return "'" + sheet + "'!$" + col + "$2:$" + col + "$" + (n + 1);
  }

  private static void style(XDDFChartData.Series series, String hex, boolean dashed, boolean bar) {
    XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(rgb(hex)));
    XDDFShapeProperties shape = new XDDFShapeProperties();
    if (bar) {
      shape.setFillProperties(fill);
    } else {
      XDDFLineProperties line = new XDDFLineProperties(fill);
      line.setWidth(dashed ? 1.5 : 2.25);
      if (dashed) {
        line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
      }
      shape.setLineProperties(line);
    }
    series.setShapeProperties(shape);
    if (series instanceof XDDFLineChartData.Series l) {
      l.setSmooth(false);
      l.setMarkerStyle(dashed ? MarkerStyle.NONE : MarkerStyle.CIRCLE);
    }
  }

  private static byte[] rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
  }

  /** The chart frame's name and description (PowerPoint's alt text). */
  private static void describe(XSLFSlide slide, Chart c) {
    // Read from the slide's XML: the shape list a slide caches does not see a frame added by addChart.
    for (var frame : slide.getXmlObject().getCSld().getSpTree().getGraphicFrameList()) {
      var props = frame.getNvGraphicFramePr().getCNvPr();
      props.setName("Chart: " + c.title());
      props.setDescr(c.altText());
    }
  }
}
