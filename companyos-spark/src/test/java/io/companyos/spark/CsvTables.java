package io.companyos.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hand-made tests' record tables as the files source's CSV files, and the catalog over such a folder: one way of
 * writing them, so every test's files are written (and quoted) alike.
 */
final class CsvTables {
  private CsvTables() {}

  /**
   * Writes {@code <table>.csv} into {@code dir}: the header line, then a line per row, each cell as its text (a null
   * cell empty), quoted as RFC 4180 says where it holds a comma, a quote or a line break.
   *
   * @param dir the folder
   * @param table the table's name, e.g. {@code builds}
   * @param header the column names, comma-separated
   * @param rows the rows
   * @param cells a row's cells, in the header's order
   * @param <T> a row's type
   * @throws IOException if the file cannot be written
   */
  static <T> void write(Path dir, String table, String header, List<T> rows, Function<T, List<?>> cells)
      throws IOException {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (T row : rows) {
      csv.append(cells.apply(row).stream().map(CsvTables::cell).collect(Collectors.joining(","))).append('\n');
    }
    Files.writeString(dir.resolve(table + ".csv"), csv);
  }

  /**
   * Writes {@code <table>.csv} into {@code dir} with rows given as their cells.
   *
   * @param dir the folder
   * @param table the table's name
   * @param header the column names, comma-separated
   * @param rows each row's cells, in the header's order
   * @throws IOException if the file cannot be written
   */
  static void write(Path dir, String table, String header, String[]... rows) throws IOException {
    write(dir, table, header, Arrays.asList(rows), Arrays::asList);
  }

  /**
   * The KPI catalog over the CSV files of a folder, read on the tests' {@code local[2]} session.
   *
   * @param dir the folder
   * @return the catalog
   */
  static SparkKpis kpis(Path dir) {
    return SparkKpis.over(tables(dir));
  }

  /**
   * The CSV files of a folder as tables, read on the tests' {@code local[2]} session.
   *
   * @param dir the folder
   * @return the tables
   */
  static SparkTables tables(Path dir) {
    return SparkTables.csv(LocalSpark.session(), dir.toUri().toString());
  }

  private static String cell(Object value) {
    String text = Objects.toString(value, "");
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
