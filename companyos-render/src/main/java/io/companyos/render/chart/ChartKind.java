package io.companyos.render.chart;

/** How a chart draws its series. */
public enum ChartKind {
  /** Lines over categories (weeks, months, days), one per series. */
  LINE,
  /**
   * The weekly-business-review "6/12" chart: the trailing weeks and then the trailing months on one axis, separated
   * by a divider, with the prior year and the target drawn dashed.
   */
  WBR,
  /** Bars per category with the series stacked on each other (cost by driver per month). */
  STACKED_BAR
}
