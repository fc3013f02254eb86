package io.companyos.render.chart;

import java.util.List;

/**
 * One drawing instruction of a laid-out chart, in pixels of the chart's canvas (origin top left, y down). SVG writes
 * each as an element; the PDF and slide exporters draw the same marks, so every format shows the same picture.
 */
public sealed interface Mark {
  /** A point of a polyline. */
  record Pt(double x, double y) {}

  /** How a label is anchored at its x. */
  enum Anchor { START, MIDDLE, END }

  /** A straight line (axis, grid line, divider). */
  record Line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) implements Mark {}

  /** A run of connected points of one series; a gap (an absent point) starts a new polyline. */
  record Polyline(String series, List<Pt> points, String colour, double width, boolean dashed) implements Mark {
    public Polyline {
      points = List.copyOf(points);
    }
  }

  /** A plotted value of a line: the dot at category {@code index}, with its written value for tooltips. */
  record Dot(String series, int index, double x, double y, String colour, String text) implements Mark {}

  /** A bar segment of a stacked bar: category {@code index}, from {@code y} down {@code height} pixels. */
  record Bar(String series, int index, double x, double y, double width, double height, String colour, String text)
      implements Mark {}

  /** Text (tick label, category label, legend entry, title, "n/a (reason)"); {@code tick} is the axis value it labels. */
  record Label(double x, double y, String text, Anchor anchor, double size, String colour, boolean bold,
      @org.jspecify.annotations.Nullable Double tick) implements Mark {}

  /** A legend swatch: a short line (dashed for prior year and target) or a square for bars. */
  record Swatch(double x, double y, String colour, boolean dashed, boolean square) implements Mark {}
}
