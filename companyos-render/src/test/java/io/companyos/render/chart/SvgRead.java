package io.companyos.render.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a chart's SVG back with the JDK's XML parser: the value axis from its tick labels (value and pixel row), and
 * each series' plotted points or bars mapped back through that axis. Nothing here uses the chart code under test.
 */
public final class SvgRead {
  /** A plotted point: its pixel position and the value the axis gives it. */
  public record Point(String series, double x, double y, double value) {}

  /** A bar segment: the values at its top and bottom edges. */
  public record Bar(String series, double x, double top, double bottom) {}

  private final Document doc;
  private final double y0;
  private final double v0;
  private final double pixelsPerUnit;

  public SvgRead(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
    }
    List<double[]> ticks = new ArrayList<>();
    NodeList texts = doc.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if (t.hasAttribute("data-tick")) {
        // The label's baseline sits 4 px below its grid line.
        ticks.add(new double[] {Double.parseDouble(t.getAttribute("data-tick")), Double.parseDouble(t.getAttribute("y")) - 4});
      }
    }
    if (ticks.size() >= 2) {
      double[] a = ticks.get(0);
      double[] b = ticks.get(ticks.size() - 1);
      v0 = a[0];
      y0 = a[1];
      pixelsPerUnit = (a[1] - b[1]) / (b[0] - a[0]);
    } else {
      v0 = 0;
      y0 = 0;
      pixelsPerUnit = Double.NaN;
    }
  }

  public Document document() {
    return doc;
  }

  /** Pixels per unit of the value axis (for the rounding tolerance: 0.05 px). */
  public double pixelsPerUnit() {
    return pixelsPerUnit;
  }

  /** The value the axis gives pixel row {@code y}. */
  public double valueAt(double y) {
    return v0 + (y0 - y) / pixelsPerUnit;
  }

  /** The points (circles) of every series, in document order. */
  public List<Point> points() {
    List<Point> out = new ArrayList<>();
    NodeList cs = doc.getElementsByTagName("circle");
    for (int i = 0; i < cs.getLength(); i++) {
      Element c = (Element) cs.item(i);
      double x = Double.parseDouble(c.getAttribute("cx"));
      double y = Double.parseDouble(c.getAttribute("cy"));
      out.add(new Point(((Element) c.getParentNode()).getAttribute("data-series"), x, y, valueAt(y)));
    }
    return out;
  }

  /** The bars of every series, in document order. */
  public List<Bar> bars() {
    List<Bar> out = new ArrayList<>();
    NodeList rs = doc.getElementsByTagName("rect");
    for (int i = 0; i < rs.getLength(); i++) {
      Element r = (Element) rs.item(i);
      if (!"bar".equals(r.getAttribute("class"))) {
        continue;
      }
      double y = Double.parseDouble(r.getAttribute("y"));
      double h = Double.parseDouble(r.getAttribute("height"));
      double x = Double.parseDouble(r.getAttribute("x")) + Double.parseDouble(r.getAttribute("width")) / 2;
      out.add(new Bar(((Element) r.getParentNode()).getAttribute("data-series"), x, valueAt(y), valueAt(y + h)));
    }
    return out;
  }

  /** The x pixel of each category label written below the plot, by category (crowded axes label every k-th). */
  public java.util.Map<String, Double> categoryXs(List<String> categories) {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    NodeList texts = doc.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if ("9.0".equals(t.getAttribute("font-size")) && categories.contains(t.getTextContent())) {
        out.put(t.getTextContent(), Double.parseDouble(t.getAttribute("x")));
      }
    }
    return out;
  }

  /** The root element's attribute {@code name}. */
  public String rootAttribute(String name) {
    return doc.getDocumentElement().getAttribute(name);
  }

  /** The text of the first element named {@code tag}, or empty. */
  public String text(String tag) {
    NodeList l = doc.getElementsByTagName(tag);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent();
  }
}
