package io.companyos.render;

import java.util.List;
import java.util.Objects;

/**
 * A table of a section with the seed's column headings; every cell is a {@link MetricValue} so that
 * each number keeps its provenance. An empty table renders its {@code emptyText} instead of rows.
 *
 * @param caption optional heading shown above the table; empty for none
 * @param columns the column headings
 * @param rows the rows, each with one cell per column
 * @param emptyText what is shown instead of a table without rows ("No open incidents.")
 */
public record SectionTable(String caption, List<String> columns, List<List<MetricValue>> rows, String emptyText) {
  /**
   * Copies the columns and rows, which are unmodifiable afterwards, and checks that every row fits the columns.
   *
   * @param caption heading shown above the table; empty for none
   * @param columns the column headings
   * @param rows the rows
   * @param emptyText what is shown instead of a table without rows
   * @throws NullPointerException if {@code caption} or {@code emptyText} is null
   * @throws IllegalArgumentException if a row has more or fewer cells than there are columns
   */
  public SectionTable {
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(emptyText, "emptyText");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<MetricValue> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException("row has " + r.size() + " cells for " + columns.size() + " columns");
      }
    }
  }
}
