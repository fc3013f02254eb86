package io.companyos.render.chart;

import io.companyos.render.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chart of a section: series the pack already computed (each point a KPI over a window), plotted over named
 * categories. A chart never computes a KPI; a chart without any number is {@link #absentReason() absent} and every
 * format writes "n/a (reason)" in its place. Its {@link #altText()} and {@link #table()} say in words and numbers what
 * the picture shows, for readers who cannot see it.
 *
 * @param id a stable id, unique within the pack ({@code health-trend}); used for anchors, never random
 * @param kind how the series are drawn
 * @param title the heading ("Composite health score and dimensions, last 6 months")
 * @param unit the unit of every series (one axis per chart)
 * @param categories the x axis, oldest first ("W43", "Dec 2025")
 * @param weeks for {@link ChartKind#WBR}: how many leading categories are weeks (the rest are months); else 0
 * @param series the series, in legend order
 * @param absentReason why the chart has no number at all; null when it has some
 */
public record Chart(String id, ChartKind kind, String title, Unit unit, List<String> categories, int weeks,
    List<ChartSeries> series, @Nullable String absentReason) {

  /**
   * Copies the lists, which are unmodifiable afterwards, checks them, and makes a chart without any number absent.
   *
   * @param id a stable id, unique within the pack
   * @param kind how the series are drawn
   * @param title the heading
   * @param unit the unit of every series
   * @param categories the x axis, oldest first
   * @param weeks for {@link ChartKind#WBR}: how many leading categories are weeks; else 0
   * @param series the series, in legend order
   * @param absentReason why the chart has no number at all, or null; when null and no point has a number, it
   *     becomes "no data in the charted windows"
   * @throws NullPointerException if {@code id}, {@code kind}, {@code title} or {@code unit} is null
   * @throws IllegalArgumentException if a series has more or fewer points than there are categories, or
   *     {@code weeks} is negative, more than the categories, or not 0 for a chart other than a WBR chart
   */
  public Chart {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (ChartSeries s : series) {
      if (s.points().size() != categories.size()) {
        throw new IllegalArgumentException("series '" + s.name() + "' has " + s.points().size() + " points for "
            + categories.size() + " categories");
      }
    }
    if (weeks < 0 || weeks > categories.size() || (kind != ChartKind.WBR && weeks != 0)) {
      throw new IllegalArgumentException("weeks must be 0, or for a WBR chart at most the categories, was " + weeks);
    }
    if (absentReason == null && series.stream().noneMatch(ChartSeries::hasValues)) {
      absentReason = "no data in the charted windows";
    }
  }

  /**
   * A chart of {@code series} over {@code categories}; absent when no point has a number.
   *
   * @param id a stable id, unique within the pack ({@code health-trend})
   * @param kind how the series are drawn; the chart has no leading weeks (the constructor takes them for a
   *     {@link ChartKind#WBR} chart)
   * @param title the heading
   * @param unit the unit of every series
   * @param categories the x axis, oldest first
   * @param series the series, in legend order, each with one point per category
   * @return the chart
   * @throws IllegalArgumentException if a series' points do not match the categories
   */
  public static Chart of(String id, ChartKind kind, String title, Unit unit, List<String> categories,
      List<ChartSeries> series) {
    return new Chart(id, kind, title, unit, categories, 0, series, null);
  }

  /**
   * A chart that cannot be drawn, for {@code reason}; written "n/a (reason)".
   *
   * @param id a stable id, unique within the pack
   * @param kind how the series would have been drawn
   * @param title the heading
   * @param unit the unit the series would have had
   * @param reason why there is no chart
   * @return an absent chart without categories or series
   */
  public static Chart absent(String id, ChartKind kind, String title, Unit unit, String reason) {
    return new Chart(id, kind, title, unit, List.of(), 0, List.of(), reason);
  }

  /**
   * Whether the chart has numbers to draw.
   *
   * @return true when {@link #absentReason()} is null
   */
  public boolean present() {
    return absentReason == null;
  }

  /**
   * The text written in place of an absent chart.
   *
   * @return "n/a (reason)" for an absent chart, else empty
   */
  public String absentText() {
    return absentReason == null ? "" : "n/a (" + absentReason + ")";
  }

  /**
   * Writes {@code v} in the chart's unit (see {@link Unit#format}); dollar amounts under $100 keep their cents.
   *
   * @param v the number
   * @return the written number
   */
  public String format(double v) {
    if (unit == Unit.USD && Math.abs(v) < 100) {
      return (v < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%.2f", Math.abs(v));
    }
    return unit.format(v);
  }

  /**
   * A point written for a reader.
   *
   * @param p the point
   * @return its number written by {@link #format}, or "n/a (reason)"
   */
  public String text(ChartPoint p) {
    return p.value() != null ? format(p.value()) : "n/a (" + p.absentReason() + ")";
  }

  /**
   * The text alternative: what is plotted, over which categories, and the latest number of each series, e.g.
   * "Line chart of Deploys per day, W45 to W47. Latest: Deploys 15/day (W47)."; with several series, their latest
   * numbers are separated by semicolons.
   *
   * @return the alt text; for an absent chart its title and "n/a (reason)"
   */
  public String altText() {
    if (!present()) {
      return title + ": " + absentText();
    }
    StringBuilder b = new StringBuilder();
    b.append(switch (kind) {
      case LINE -> "Line chart";
      case WBR -> "Weekly business review chart (trailing " + weeks + " weeks and " + (categories.size() - weeks)
          + " months on one axis)";
      case STACKED_BAR -> "Stacked bar chart";
    });
    b.append(" of ").append(title).append(", ").append(categories.get(0)).append(" to ")
        .append(categories.get(categories.size() - 1)).append(". Latest: ");
    List<String> latest = new ArrayList<>();
    for (ChartSeries s : series) {
      ChartPoint last = null;
      String at = "";
      for (int i = s.points().size() - 1; i >= 0 && last == null; i--) {
        if (s.points().get(i).present()) {
          last = s.points().get(i);
          at = categories.get(i);
        }
      }
      latest.add(s.name() + " " + (last == null ? "n/a (no data)" : text(last) + " (" + at + ")"));
    }
    b.append(String.join("; ", latest)).append('.');
    return b.toString();
  }

  /**
   * The column headings of the data table.
   *
   * @return "Period", then each series' name in legend order
   */
  public List<String> tableColumns() {
    List<String> cols = new ArrayList<>();
    cols.add("Period");
    series.forEach(s -> cols.add(s.name()));
    return cols;
  }

  /**
   * The data table behind the chart, under {@link #tableColumns()}.
   *
   * @return one row per category: its label, then each series' point as {@link #text} writes it; empty for an
   *     absent chart
   */
  public List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(categories.get(i));
      for (ChartSeries s : series) {
        row.add(text(s.points().get(i)));
      }
      rows.add(row);
    }
    return rows;
  }
}
