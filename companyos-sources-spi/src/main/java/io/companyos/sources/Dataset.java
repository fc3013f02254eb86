package io.companyos.sources;

import java.util.List;
import java.util.Objects;

/** The answer of a source to one query: the rows and their provenance. Empty is a valid answer. */
public record Dataset<T>(List<T> rows, Provenance provenance) {

  public Dataset {
    rows = List.copyOf(rows);
    Objects.requireNonNull(provenance, "provenance");
    if (provenance.rowCount() != rows.size()) {
      throw new IllegalArgumentException(
          "provenance rowCount " + provenance.rowCount() + " differs from " + rows.size() + " rows");
    }
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
