package io.companyos.sources.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The files source keeps the metric-source contract when every record kind of 40 days of the sample company comes as
 * Parquet, written by DuckDB with the types it reads from the CSV (times with a zone, numbers, text); metrics stay CSV.
 */
class ParquetFilesContractTest extends FilesSourceContractTest {
  private static final Path DIR = exportOnce();

  private static Path exportOnce() {
    Path dir = FilesSourceContractTest.exportSample("companyos-parquet-tck");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("metrics.csv")).toList()) {
        String kind = csv.getFileName().toString().replace(".csv", "");
        st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + dir.resolve(kind + ".parquet")
            + "' (FORMAT parquet)");
        Files.delete(csv);
      }
      return dir;
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Path dir() {
    return DIR;
  }
}
