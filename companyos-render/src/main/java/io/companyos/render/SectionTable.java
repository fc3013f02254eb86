package io.companyos.render;

import java.util.List;
import java.util.Objects;

/**
 * A table of a section with the seed's column headings; every cell is a {@link MetricValue} so that
 * each number keeps its provenance. An empty table renders its {@code emptyText} instead of rows.
 *
 * @param caption optional heading shown above the table; empty for none
 */
public record SectionTable(String caption, List<String> columns, List<List<MetricValue>> rows, String emptyText) {
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
