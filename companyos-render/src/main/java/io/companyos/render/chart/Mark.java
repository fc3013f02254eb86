package io.companyos.render.chart;

import java.util.List;

/**
 * One drawing instruction of a laid-out chart, in pixels of the chart's canvas (origin top left, y down). SVG writes
 * each as an element; the PDF and slide exporters draw the same marks, so every format shows the same picture.
 */
public sealed interface Mark {
  /**
   * A point of a polyline.
   *
   * @param x the pixel column
   * @param y the pixel row
   */
  record Pt(double x, double y) {}

  /** How a label is anchored at its x. */
  enum Anchor {
    /** The text starts at x. */
    START,
    /** The text is centred on x. */
    MIDDLE,
    /** The text ends at x. */
    END
  }

  /**
   * A straight line (axis, grid line, divider).
   *
   * @param x1 the start's pixel column
   * @param y1 the start's pixel row
   * @param x2 the end's pixel column
   * @param y2 the end's pixel row
   * @param colour a {@code #rrggbb} colour
   * @param width the stroke width in pixels
   * @param dashed whether the line is dashed
   */
  record Line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) implements Mark {}

  /**
   * A run of connected points of one series; a gap (an absent point) starts a new polyline.
   *
   * @param series the series' name
   * @param points the points, in category order
   * @param colour a {@code #rrggbb} colour
   * @param width the stroke width in pixels
   * @param dashed whether the line is dashed (prior year, target)
   */
  record Polyline(String series, List<Pt> points, String colour, double width, boolean dashed) implements Mark {
    /**
     * Copies the points, which are unmodifiable afterwards.
     *
     * @param series the series' name
     * @param points the points, in category order
     * @param colour a {@code #rrggbb} colour
     * @param width the stroke width in pixels
     * @param dashed whether the line is dashed
     */
    public Polyline {
      points = List.copyOf(points);
    }
  }

  /**
   * A plotted value of a line: the dot at category {@code index}, with its written value for tooltips.
   *
   * @param series the series' name
   * @param index the category's index, from 0
   * @param x the centre's pixel column
   * @param y the centre's pixel row
   * @param colour a {@code #rrggbb} colour
   * @param text the tooltip: the category and the written value ("W47: 15/day")
   */
  record Dot(String series, int index, double x, double y, String colour, String text) implements Mark {}

  /**
   * A bar segment of a stacked bar: category {@code index}, from {@code y} down {@code height} pixels.
   *
   * @param series the series' name
   * @param index the category's index, from 0
   * @param x the left edge's pixel column
   * @param y the top edge's pixel row
   * @param width the width in pixels
   * @param height the height in pixels
   * @param colour a {@code #rrggbb} colour
   * @param text the tooltip: the category, the series and the written value
   */
  record Bar(String series, int index, double x, double y, double width, double height, String colour, String text)
      implements Mark {}

  /**
   * Text (tick label, category label, legend entry, title, "n/a (reason)").
   *
   * @param x the anchor's pixel column
   * @param y the baseline's pixel row
   * @param text the text
   * @param anchor how the text is anchored at {@code x}
   * @param size the font size in pixels
   * @param colour a {@code #rrggbb} colour
   * @param bold whether the text is bold
   * @param tick the axis value a tick label labels; null for other text
   */
  record Label(double x, double y, String text, Anchor anchor, double size, String colour, boolean bold,
      @org.jspecify.annotations.Nullable Double tick) implements Mark {}

  /**
   * A legend swatch: a short line (dashed for prior year and target) or a square for bars.
   *
   * @param x the left edge's pixel column
   * @param y the middle's pixel row
   * @param colour a {@code #rrggbb} colour
   * @param dashed whether the line is dashed
   * @param square whether it is a square (a bar series) rather than a line
   */
  record Swatch(double x, double y, String colour, boolean dashed, boolean square) implements Mark {}
}
