package io.companyos.sources;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a source to one query: the rows and their provenance. Empty is a valid answer.
 *
 * @param <T> the row type
 * @param rows the rows (copied)
 * @param provenance where the rows come from; its row count equals the number of rows
 */
public record Dataset<T>(List<T> rows, Provenance provenance) {

  /**
   * Checks that the provenance counts the rows.
   *
   * @param rows the rows (copied)
   * @param provenance where the rows come from
   * @throws IllegalArgumentException when the provenance's row count differs from the number of rows
   */
  public Dataset {
    rows = List.copyOf(rows);
    Objects.requireNonNull(provenance, "provenance");
    if (provenance.rowCount() != rows.size()) {
      throw new IllegalArgumentException(
          "provenance rowCount " + provenance.rowCount() + " differs from " + rows.size() + " rows");
    }
  }

  /**
   * Whether the source found no rows.
   *
   * @return true when there are no rows
   */
  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
