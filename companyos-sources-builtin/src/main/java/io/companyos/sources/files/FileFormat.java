package io.companyos.sources.files;

import io.companyos.sources.RecordKind;
import java.util.List;
import java.util.function.Function;

/**
 * The CSV layout of one record kind: its file name ({@code <kind>.csv}), its columns in order (the
 * required ones must be in the header; optional ones may be left out), and how a row maps to a record
 * and back. See docs/data-formats.md for every layout.
 */
public record FileFormat<T>(
    RecordKind<T> kind, List<String> columns, List<String> optional, Function<CsvRow, T> reader,
    Function<T, List<String>> writer) {

  public FileFormat {
    columns = List.copyOf(columns);
    optional = List.copyOf(optional);
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
