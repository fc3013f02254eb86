package io.companyos.sources.builtin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Parquet file's rows read through DuckDB's JDBC driver when the application has it on its class path (it is not a
 * dependency of the library: about 80 MB with native code, ADR 0005): the files source's {@code <kind>.parquet} and the
 * cost exports' Parquet data files. DuckDB scans the file; each row's cells are turned into the text a CSV file would
 * hold ({@link ResultSetCells}: times as UTC instants, numbers as plain decimals), and maps, structs and lists (a FOCUS
 * export's {@code Tags}) into JSON text, so a record kind's layout reads them by the same rules as a CSV row.
 */
public final class ParquetRows {
  /** An in-memory DuckDB: nothing is stored. */
  static final String URL = "jdbc:duckdb:";

  private ParquetRows() {}

  /**
   * Whether a JDBC driver for DuckDB is on the class path.
   *
   * @return true when Parquet files can be read
   */
  public static boolean readable() {
    try {
      DriverManager.getDriver(URL);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** A Parquet file DuckDB could not read (not Parquet, truncated, a cell of a type it cannot give). */
  public static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;
    private final long row;

    Unreadable(long row, SQLException cause) {
      super(firstLine(cause.getMessage()), cause);
      this.row = row;
    }

    /**
     * The row being read.
     *
     * @return its number from 1, or 0 when the file could not be opened
     */
    public long row() {
      return row;
    }

    private static String firstLine(@Nullable String message) {
      String m = message == null ? "no reason given" : message.strip();
      int nl = m.indexOf('\n');
      return nl < 0 ? m : m.substring(0, nl);
    }
  }

  /** The rows of one Parquet file, in the file's order. */
  public static final class Reader implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final ResultSetCells cells;
    private final List<String> columns;
    private long row;

    /**
     * Opens {@code file} on an in-memory DuckDB.
     *
     * @param file a Parquet file
     * @throws Unreadable when DuckDB cannot open it or read its schema
     */
    public Reader(Path file) throws Unreadable {
      Connection c = null;
      try {
        c = DriverManager.getConnection(URL);
        String scan = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
        List<String> names = new ArrayList<>();
        List<String> asJson = new ArrayList<>();
        try (Statement describe = c.createStatement();
            ResultSet d = describe.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
          while (d.next()) {
            String name = d.getString("column_name");
            String type = d.getString("column_type").toUpperCase(Locale.ROOT);
            names.add(name);
            if (type.startsWith("MAP") || type.startsWith("STRUCT") || type.endsWith("]") || type.equals("JSON")
                || type.startsWith("UNION")) {
              asJson.add("to_json(" + identifier(name) + ")::VARCHAR AS " + identifier(name));
            }
          }
        }
        String select = asJson.isEmpty() ? "*" : "* REPLACE (" + String.join(", ", asJson) + ")";
        statement = c.createStatement();
        statement.setFetchSize(4096);
        rs = statement.executeQuery("SELECT " + select + " FROM " + scan);
        cells = new ResultSetCells(rs);
        columns = List.copyOf(names);
        connection = c;
      } catch (SQLException e) {
        closeQuietly(c);
        throw new Unreadable(0, e);
      }
    }

    /**
     * The file's column names.
     *
     * @return them in the file's order
     */
    public List<String> columns() {
      return columns;
    }

    /**
     * The number of the row {@link #next} returned last.
     *
     * @return it, from 1 (0 before the first)
     */
    public long row() {
      return row;
    }

    /**
     * The next row's cells.
     *
     * @return one text per column, or null after the last row
     * @throws Unreadable when DuckDB cannot read the row
     */
    public @Nullable List<String> next() throws Unreadable {
      try {
        if (!rs.next()) {
          return null;
        }
        row++;
        return cells.row();
      } catch (SQLException e) {
        throw new Unreadable(row + 1, e);
      }
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }

    private static void closeQuietly(@Nullable Connection c) {
      if (c == null) {
        return;
      }
      try {
        c.close(); // closes its statements and result sets
      } catch (SQLException e) {
        // nothing was written; nothing to keep
      }
    }
  }

  /** A SQL string literal of {@code text}. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A quoted SQL identifier of {@code name}. */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
