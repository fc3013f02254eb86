package io.companyos.sources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a source to one query: the rows and their provenance. Empty is a valid answer.
 *
 * @param <T> the row type
 * @param rows the rows (copied, unless they are {@link ComputedRows}, which are immutable and kept as they are)
 * @param provenance where the rows come from; its row count equals the number of rows
 */
public record Dataset<T>(List<T> rows, Provenance provenance) {

  /**
   * Checks that the provenance counts the rows.
   *
   * @param rows the rows (copied, unless they are {@link ComputedRows})
   * @param provenance where the rows come from
   * @throws IllegalArgumentException when the provenance's row count differs from the number of rows
   */
  public Dataset {
    rows = immutable(rows);
    Objects.requireNonNull(provenance, "provenance");
    if (provenance.rowCount() != rows.size()) {
      throw new IllegalArgumentException(
          "provenance rowCount " + provenance.rowCount() + " differs from " + rows.size() + " rows");
    }
  }

  /**
   * The rows with their provenance, counted: the provenance's row count is set to the number of rows.
   *
   * @param <T> the row type
   * @param rows the rows (copied, unless they are {@link ComputedRows})
   * @param provenance where the rows come from (its row count is replaced), e.g. {@link Provenance#of}
   * @return the dataset
   */
  public static <T> Dataset<T> of(List<? extends T> rows, Provenance provenance) {
    return new Dataset<>(immutable(rows), provenance.withRowCount(rows.size()));
  }

  /** {@code rows} when they are {@link ComputedRows} (immutable by contract), else an immutable copy. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> immutable(List<? extends T> rows) {
    return rows instanceof ComputedRows<?> ? (List<T>) rows : List.copyOf(rows);
  }

  /**
   * The answer to {@link MetricSource#records(RecordKind, io.companyos.model.time.TimeWindow)} from rows a source
   * holds in its own types: every row is checked against the kind's row class (no unchecked cast in the source),
   * and the provenance counts them.
   *
   * @param <T> the row type
   * @param kind the kind asked for
   * @param rows rows of that kind (copied)
   * @param provenance where the rows come from (its row count is replaced)
   * @return the dataset
   * @throws ClassCastException naming the kind when a row is not of its class
   */
  public static <T> Dataset<T> of(RecordKind<T> kind, Collection<?> rows, Provenance provenance) {
    List<T> typed = new ArrayList<>(rows.size());
    for (Object row : rows) {
      typed.add(cast(kind, row));
    }
    return new Dataset<>(typed, provenance.withRowCount(typed.size()));
  }

  /**
   * Like {@link #of(RecordKind, Collection, Provenance)}, keeping only the rows whose time ({@link RecordKind#timeOf})
   * lies in the provenance's window, in their order: the window filter every record source applies.
   *
   * @param <T> the row type
   * @param kind the kind asked for
   * @param rows rows of that kind, of any time
   * @param provenance where the rows come from, with the window asked for (its row count is replaced)
   * @return the rows of the window
   * @throws ClassCastException naming the kind when a row is not of its class
   */
  public static <T> Dataset<T> inWindow(RecordKind<T> kind, Collection<?> rows, Provenance provenance) {
    List<T> typed = new ArrayList<>();
    for (Object row : rows) {
      T t = cast(kind, row);
      if (provenance.window().contains(kind.timeOf(t))) {
        typed.add(t);
      }
    }
    return new Dataset<>(typed, provenance.withRowCount(typed.size()));
  }

  private static <T> T cast(RecordKind<T> kind, Object row) {
    if (!kind.type().isInstance(row)) {
      throw new ClassCastException("a row of kind '" + kind.name() + "' must be a " + kind.type().getName() + ", not "
          + (row == null ? "null" : row.getClass().getName()));
    }
    return kind.type().cast(row);
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
