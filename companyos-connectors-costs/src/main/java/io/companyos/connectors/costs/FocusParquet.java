package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.CostRow;
import io.companyos.sources.builtin.internal.ParquetRows;
import io.companyos.sources.files.FileFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One FOCUS Parquet data file (AWS Data Exports and Azure cost exports write them), read through DuckDB's JDBC driver
 * when the application has it ({@link ParquetRows}) and then row by row as {@link FocusCsv} reads a CSV row: the same
 * column names whatever their case, the same {@code Tags} and time rules, the same row rules of {@code costs.csv}. A
 * bad row is located by its number in the file, from 1.
 */
final class FocusParquet {
  private FocusParquet() {}

  /**
   * Reads one file; a problem with the file as a whole is thrown, a problem with a row goes to {@code bad}, which
   * throws it (strict) or records it (lenient).
   */
  static void read(Path file, Consumer<CostRow> out, Consumer<ExportProblem> bad) {
    try (ParquetRows.Reader reader = new ParquetRows.Reader(file)) {
      List<String> columns = FocusCsv.columns(reader.columns());
      List<String> missing = FocusCsv.missing(columns);
      if (!missing.isEmpty()) {
        throw new ExportProblem(CostExportException.MISSING, 0, 0, "no FOCUS column " + String.join(", ", missing)
            + " in the file (columns: " + String.join(", ", reader.columns()) + ")", "export with the FOCUS columns (FOCUS 1.0 to 1.3)");
      }
      Function<List<String>, CostRow> rows = FocusCsv.rows(columns);
      for (List<String> cells = reader.next(); cells != null; cells = reader.next()) {
        try {
          out.accept(rows.apply(new ArrayList<>(cells)));
        } catch (FileFormat.BadCell e) {
          bad.accept(new ExportProblem(CostExportException.INVALID, line(reader.row()), 0, e.column() + ": " + e.getMessage(), null));
        }
      }
    } catch (ParquetRows.Unreadable e) {
      throw new ExportProblem(CostExportException.MALFORMED, line(e.row()), 0, "DuckDB cannot read it as Parquet: " + e.getMessage(),
          "download the file again");
    }
  }

  private static int line(long row) {
    return (int) Math.min(row, Integer.MAX_VALUE);
  }
}
