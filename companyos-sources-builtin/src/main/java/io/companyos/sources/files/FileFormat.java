package io.companyos.sources.files;

import io.companyos.sources.RecordKind;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The CSV layout of one record kind: its file name ({@code <kind>.csv}), its columns in order (the
 * required ones must be in the header; optional ones may be left out), and how a row maps to a record
 * and back; records with an id ({@code keyColumns}) must not repeat it. See docs/data-formats.md for every layout.
 */
public record FileFormat<T>(
    RecordKind<T> kind, List<String> columns, List<String> optional, Function<CsvRow, T> reader,
    Function<T, List<String>> writer, List<String> keyColumns, @Nullable Function<T, List<String>> key) {

  public FileFormat {
    columns = List.copyOf(columns);
    optional = List.copyOf(optional);
    keyColumns = List.copyOf(keyColumns);
  }

  /** A layout whose records need no unique key. */
  public FileFormat(RecordKind<T> kind, List<String> columns, List<String> optional, Function<CsvRow, T> reader,
      Function<T, List<String>> writer) {
    this(kind, columns, optional, reader, writer, List.of(), null);
  }

  /** This layout with {@code key} (read from {@code keyColumns}) unique among its rows. */
  public FileFormat<T> unique(Function<T, List<String>> key, String... keyColumns) {
    return new FileFormat<>(kind, columns, optional, reader, writer, List.of(keyColumns), key);
  }

  /**
   * A cell that cannot be read as its column requires (a value missing, a time without an offset, a negative
   * count, …): the same rules as a row of a file, for rows that come from elsewhere (a database, an API).
   */
  public static final class BadCell extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String column;

    BadCell(String column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }

    /** The column of the cell (for a repeated id, the key columns joined by {@code +}). */
    public String column() {
      return column;
    }
  }

  /**
   * Reads one row given as column name → text, exactly as a row of {@code <kind>.csv} with those cells is read
   * (docs/data-formats.md: required columns, plain decimal numbers, ISO-8601 times with an offset, declared
   * constraints). An absent column reads as an empty cell.
   *
   * @param cells the row's cells by column name
   * @return the record
   * @throws BadCell when a cell cannot be read, naming its column and why
   */
  public T read(java.util.Map<String, String> cells) {
    return rows(List.copyOf(cells.keySet())).apply(new java.util.ArrayList<>(cells.values()));
  }

  /**
   * A reader of rows whose cells come in the order of {@code columns}, as {@link #read(java.util.Map)} reads them,
   * for many rows with the same columns (the column index is built once).
   *
   * @param columns the column names, in the order of each row's cells
   * @return a function from a row's cells to its record, throwing {@link BadCell}
   */
  public Function<List<String>, T> rows(List<String> columns) {
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.putIfAbsent(columns.get(i), i);
    }
    return cells -> {
      List<String> fields = new java.util.ArrayList<>(cells.size());
      for (String c : cells) {
        fields.add(c == null ? "" : c);
      }
      try {
        return reader.apply(new CsvRow(index, fields));
      } catch (CsvRow.BadValue e) {
        throw new BadCell(e.column, e.getMessage());
      }
    };
  }

  /** {@code <kind>.csv}. */
  public String fileName() {
    return kind.name() + ".csv";
  }

  /** Columns that must appear in the header. */
  public List<String> required() {
    return columns.stream().filter(c -> !optional.contains(c)).toList();
  }
}
