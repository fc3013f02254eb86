package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.model.data.CostRow;
import io.companyos.sources.builtin.internal.ParquetRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One FOCUS Parquet data file (AWS Data Exports and Azure cost exports write them), written as CSV by DuckDB's JDBC
 * driver when the application has it ({@link ParquetRows}) into a temporary file, then read as {@link FocusCsv} reads
 * a CSV file: the same column names whatever their case, the same {@code Tags} and time rules, the same row rules of
 * {@code costs.csv}. A bad row is located by its number in the Parquet file, from 1.
 */
final class FocusParquet {
  private FocusParquet() {}

  /**
   * Reads one file; a problem with the file as a whole is thrown, a problem with a row goes to {@code bad}, which
   * throws it (strict) or records it (lenient).
   *
   * @throws IOException when the temporary file cannot be written or read
   */
  static void read(Path file, Consumer<CostRow> out, Consumer<ExportProblem> bad) throws IOException {
    ParquetRows.withTemporaryFile("focus", ".csv", csv -> {
      ParquetRows.Written written;
      try {
        written = ParquetRows.toCsv(file, csv, null, null, null);
      } catch (ParquetRows.Unreadable e) {
        throw new ExportProblem(CostExportException.MALFORMED, 0, 0, "DuckDB cannot read it as Parquet: " + e.getMessage(),
            "download the file again");
      }
      List<String> missing = FocusCsv.missing(FocusCsv.columns(written.columns()));
      if (!missing.isEmpty()) {
        throw new ExportProblem(CostExportException.MISSING, 0, 0, "no FOCUS column " + String.join(", ", missing)
            + " in the file (columns: " + String.join(", ", written.columns()) + ")", "export with the FOCUS columns (FOCUS 1.0 to 1.3)");
      }
      try (InputStream in = Files.newInputStream(csv)) {
        FocusCsv.read(in, false, out, bad);
      }
      return null;
    });
  }
}
