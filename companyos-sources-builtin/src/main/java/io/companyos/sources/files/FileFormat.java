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

  /** {@code <kind>.csv}. */
  public String fileName() {
    return kind.name() + ".csv";
  }

  /** Columns that must appear in the header. */
  public List<String> required() {
    return columns.stream().filter(c -> !optional.contains(c)).toList();
  }
}
