package io.companyos.render.chart;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line or one layer of bars: a named series of points, one per category of its chart, each the number the
 * scoring module computed for the KPI {@code kpi} over the point's window.
 *
 * @param name the legend's name ("Cost per MAU", "Prior year", "checkout")
 * @param kpi the catalog id of the KPI the points are ({@code cost_per_mau}), or null for a constant line
 * @param role how the series is drawn
 * @param points one point per category, in category order
 */
public record ChartSeries(String name, @Nullable String kpi, Role role, List<ChartPoint> points) {
  /** How a series is drawn. */
  public enum Role {
    /** A value series: a solid line with dots, or a layer of bars. */
    VALUE,
    /** The same KPI a year earlier: dashed, no dots. */
    PRIOR_YEAR,
    /** The target: a dashed red line. */
    TARGET
  }

  /**
   * Copies the points, which are unmodifiable afterwards.
   *
   * @param name the legend's name
   * @param kpi the catalog id of the KPI the points are, or null for a constant line
   * @param role how the series is drawn
   * @param points one point per category, in category order
   * @throws NullPointerException if {@code name} or {@code role} is null
   */
  public ChartSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    points = List.copyOf(points);
  }

  /**
   * Whether at least one point has a number.
   *
   * @return true when some point is present
   */
  public boolean hasValues() {
    return points.stream().anyMatch(ChartPoint::present);
  }
}
