package io.companyos.render.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything of a chart goes on a {@value #WIDTH} x {@value #HEIGHT} canvas: title, value axis with ticks and
 * grid, category labels, the series as polylines with dots or as stacked bars, a legend, and for a
 * {@link ChartKind#WBR} chart the divider between weeks and months. Categories share the plot's width equally (a WBR
 * chart leaves one empty slot for the divider); each point sits in the middle of its slot. The layout is a pure
 * function of the chart, so every format draws the same picture.
 *
 * @param width the canvas width in pixels
 * @param height the canvas height in pixels
 * @param scale the value axis
 * @param marks the drawing instructions, in drawing order
 */
public record ChartLayout(double width, double height, YScale scale, List<Mark> marks) {
  /** Canvas width in pixels. */
  public static final double WIDTH = 720;
  /** Canvas height in pixels. */
  public static final double HEIGHT = 300;
  /** Left edge of the plot (room for tick labels). */
  public static final double LEFT = 64;
  /** Right margin. */
  public static final double RIGHT = 16;
  /** Top edge of the plot (room for the title). */
  public static final double TOP = 36;
  /** Bottom edge of the plot; category labels and the legend go below. */
  public static final double PLOT_BOTTOM = 236;

  static final String INK = "#222222";
  static final String MUTED = "#666666";
  static final String GRID = "#dddddd";
  static final String TARGET = "#c62828";
  static final String PRIOR = "#8a8a8a";
  private static final List<String> PALETTE = List.of("#1f3a5f", "#2e7d32", "#c77700", "#6a1b9a", "#00838f",
      "#ad1457", "#5d4037", "#546e7a");

  /**
   * Copies the marks, which are unmodifiable afterwards.
   *
   * @param width the canvas width in pixels
   * @param height the canvas height in pixels
   * @param scale the value axis
   * @param marks the drawing instructions, in drawing order
   */
  public ChartLayout {
    marks = List.copyOf(marks);
  }

  /**
   * The colour of a value series.
   *
   * @param i the series' number in legend order, from 0, prior-year and target series not counted
   * @return a {@code #rrggbb} colour from a palette of eight, repeated after the eighth
   */
  public static String colour(int i) {
    return PALETTE.get(i % PALETTE.size());
  }

  /**
   * The x pixel of a category: the middle of its slot.
   *
   * @param chart the chart
   * @param i the category's index, from 0
   * @return the pixel column
   */
  public static double x(Chart chart, int i) {
    int slots = slots(chart);
    int slot = chart.kind() == ChartKind.WBR && i >= chart.weeks() ? i + 1 : i;
    return LEFT + (slot + 0.5) * slotWidth(slots);
  }

  private static int slots(Chart chart) {
    int n = chart.categories().size();
    return chart.kind() == ChartKind.WBR && chart.weeks() > 0 && chart.weeks() < n ? n + 1 : n;
  }

  private static double slotWidth(int slots) {
    return (WIDTH - LEFT - RIGHT) / Math.max(1, slots);
  }

  /**
   * The layout of {@code chart}.
   *
   * @param chart the chart
   * @return its marks on a {@value #WIDTH} x {@value #HEIGHT} canvas; for an absent chart only the title, a baseline
   *     and "n/a (reason)"
   */
  public static ChartLayout of(Chart chart) {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark.Label(LEFT, 20, chart.title(), Mark.Anchor.START, 13, INK, true, null));
    if (!chart.present()) {
      YScale none = YScale.covering(0, 1, TOP, PLOT_BOTTOM);
      marks.add(new Mark.Line(LEFT, PLOT_BOTTOM, WIDTH - RIGHT, PLOT_BOTTOM, MUTED, 1, false));
      marks.add(new Mark.Label(WIDTH / 2, (TOP + PLOT_BOTTOM) / 2, chart.absentText(), Mark.Anchor.MIDDLE, 12, MUTED,
          false, null));
      return new ChartLayout(WIDTH, HEIGHT, none, marks);
    }
    YScale scale = scale(chart);
    for (double t : scale.ticks()) {
      double y = scale.y(t);
      marks.add(new Mark.Line(LEFT, y, WIDTH - RIGHT, y, t == 0 ? MUTED : GRID, 1, false));
      String label = scale.step() >= 1 ? chart.unit().format(t) : chart.format(t);
      marks.add(new Mark.Label(LEFT - 6, y + 4, label, Mark.Anchor.END, 10, MUTED, false, t));
    }
    marks.add(new Mark.Line(LEFT, TOP, LEFT, PLOT_BOTTOM, MUTED, 1, false));
    int slots = slots(chart);
    if (slots > chart.categories().size()) {
      double xd = LEFT + (chart.weeks() + 0.5) * slotWidth(slots);
      marks.add(new Mark.Line(xd, TOP, xd, PLOT_BOTTOM, MUTED, 1, true));
      marks.add(new Mark.Label(LEFT + chart.weeks() * slotWidth(slots) / 2, TOP - 4, "weeks", Mark.Anchor.MIDDLE, 10,
          MUTED, false, null));
      marks.add(new Mark.Label((xd + WIDTH - RIGHT) / 2, TOP - 4, "months", Mark.Anchor.MIDDLE, 10, MUTED, false, null));
    }
    int n = chart.categories().size();
    int every = labelEvery(chart, slotWidth(slots));
    for (int i = 0; i < n; i++) {
      // When labels would overlap, every k-th is written, counted back from the newest, which is always labelled.
      if ((n - 1 - i) % every == 0) {
        marks.add(new Mark.Label(x(chart, i), PLOT_BOTTOM + 16, chart.categories().get(i), Mark.Anchor.MIDDLE, 9, MUTED,
            false, null));
      }
    }
    if (chart.kind() == ChartKind.STACKED_BAR) {
      bars(chart, scale, marks);
    } else {
      lines(chart, scale, marks);
    }
    legend(chart, marks);
    return new ChartLayout(WIDTH, HEIGHT, scale, marks);
  }

  /** Every how many categories a label fits: labels are estimated at 4.8 px per character plus 3 px of space. */
  static int labelEvery(Chart chart, double slot) {
    int longest = chart.categories().stream().mapToInt(String::length).max().orElse(0);
    return Math.max(1, (int) Math.ceil((longest * 4.8 + 3) / slot));
  }

  private static YScale scale(Chart chart) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    if (chart.kind() == ChartKind.STACKED_BAR) {
      min = 0;
      max = 0;
      for (int i = 0; i < chart.categories().size(); i++) {
        double up = 0;
        double down = 0;
        for (ChartSeries s : chart.series()) {
          Double v = s.points().get(i).value();
          if (v != null) {
            if (v >= 0) {
              up += v;
            } else {
              down += v;
            }
          }
        }
        max = Math.max(max, up);
        min = Math.min(min, down);
      }
    } else {
      for (ChartSeries s : chart.series()) {
        for (ChartPoint p : s.points()) {
          if (p.value() != null) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
          }
        }
      }
    }
    return YScale.covering(min, max, TOP, PLOT_BOTTOM);
  }

  private static void lines(Chart chart, YScale scale, List<Mark> marks) {
    int colour = 0;
    for (ChartSeries s : chart.series()) {
      String c = switch (s.role()) {
        case VALUE -> colour(colour++);
        case PRIOR_YEAR -> PRIOR;
        case TARGET -> TARGET;
      };
      boolean dashed = s.role() != ChartSeries.Role.VALUE;
      double width = s.role() == ChartSeries.Role.VALUE ? 2 : 1.5;
      List<Mark.Pt> run = new ArrayList<>();
      List<Mark> dots = new ArrayList<>();
      for (int i = 0; i < s.points().size(); i++) {
        ChartPoint p = s.points().get(i);
        // A line never crosses the divider: weeks and months are different periods on one axis.
        boolean newPanel = chart.kind() == ChartKind.WBR && i == chart.weeks();
        if (p.value() == null || newPanel) {
          flush(s, run, c, width, dashed, marks);
        }
        if (p.value() != null) {
          double x = x(chart, i);
          double y = scale.y(p.value());
          run.add(new Mark.Pt(x, y));
          if (s.role() == ChartSeries.Role.VALUE) {
            dots.add(new Mark.Dot(s.name(), i, x, y, c, chart.categories().get(i) + ": " + chart.text(p)));
          }
        }
      }
      flush(s, run, c, width, dashed, marks);
      marks.addAll(dots);
    }
  }

  private static void flush(ChartSeries s, List<Mark.Pt> run, String colour, double width, boolean dashed,
      List<Mark> marks) {
    if (!run.isEmpty()) {
      marks.add(new Mark.Polyline(s.name(), run, colour, width, dashed));
      run.clear();
    }
  }

  private static void bars(Chart chart, YScale scale, List<Mark> marks) {
    double slot = slotWidth(slots(chart));
    double barWidth = slot * 0.6;
    int n = chart.categories().size();
    double[] up = new double[n];
    double[] down = new double[n];
    int colour = 0;
    for (ChartSeries s : chart.series()) {
      String c = colour(colour++);
      for (int i = 0; i < n; i++) {
        ChartPoint p = s.points().get(i);
        if (p.value() == null) {
          continue;
        }
        double from = p.value() >= 0 ? up[i] : down[i];
        double to = from + p.value();
        if (p.value() >= 0) {
          up[i] = to;
        } else {
          down[i] = to;
        }
        double yTop = scale.y(Math.max(from, to));
        double yBottom = scale.y(Math.min(from, to));
        marks.add(new Mark.Bar(s.name(), i, x(chart, i) - barWidth / 2, yTop, barWidth, yBottom - yTop, c,
            chart.categories().get(i) + ", " + s.name() + ": " + chart.text(p)));
      }
    }
  }

  private static void legend(Chart chart, List<Mark> marks) {
    double x = LEFT;
    double y = HEIGHT - 14;
    int colour = 0;
    for (ChartSeries s : chart.series()) {
      String c = switch (s.role()) {
        case VALUE -> colour(colour++);
        case PRIOR_YEAR -> PRIOR;
        case TARGET -> TARGET;
      };
      marks.add(new Mark.Swatch(x, y - 4, c, s.role() != ChartSeries.Role.VALUE, chart.kind() == ChartKind.STACKED_BAR));
      marks.add(new Mark.Label(x + 20, y, s.name(), Mark.Anchor.START, 10, INK, false, null));
      x += 32 + 6 * s.name().length();
    }
  }
}
