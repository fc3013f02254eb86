package io.companyos.sources.builtin.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Parquet file's rows, through DuckDB's JDBC driver when the application has it on its class path (it is not a
 * dependency of the library: about 80 MB with native code, ADR 0005): the files source's {@code <kind>.parquet}, the
 * cost exports' Parquet data files and PostHog's Parquet export. DuckDB scans the file and writes its rows as CSV text
 * (or JSON Lines, {@link #toJsonLines}) into a file of the caller's
 * (its CSV writer is multi-threaded; reading the rows one by one through JDBC costs about 2 µs a row), in the text a
 * CSV export holds: timestamps as UTC instants ({@code 2026-11-01T00:00:00Z}, with microseconds when they have a fraction
 * of a second; one without a zone is UTC), dates as their midnight in UTC, maps, structs and lists (a FOCUS export's {@code Tags}) as their JSON text, numbers as
 * DuckDB writes them, NULL as an empty cell. A last column, {@value #ROW}, holds each row's number in the Parquet file
 * from 0, so that errors name the row even where a window left rows out or a text holds a line break. The caller reads
 * that CSV by its own rules.
 */
public final class ParquetRows {
  /** An in-memory DuckDB: nothing is stored. */
  static final String URL = "jdbc:duckdb:";
  /** The CSV column of each row's number in the Parquet file, from 0. */
  public static final String ROW = "companyos_parquet_row";

  /** The start of the name of every temporary file a Parquet read writes ({@link #temporaryFile}). */
  public static final String TEMPORARY_PREFIX = "companyos-parquet-";
  /** How old a left-behind temporary file must be before a later read deletes it: no read takes that long. */
  static final Duration STALE = Duration.ofDays(1);
  private static final AtomicBoolean SWEPT = new AtomicBoolean();
  private static final Logger LOG = LoggerFactory.getLogger(ParquetRows.class);

  private ParquetRows() {}

  /**
   * A new temporary file for DuckDB to write a Parquet file's rows into, in the JVM's temporary folder; the caller
   * deletes it after the read ({@link #withTemporaryFile} does both). A JVM killed during a read cannot, so the first call in each JVM also deletes the files
   * of this prefix there that have not been written to for a day ({@link #sweep}).
   *
   * @param kind what it holds, in its name (e.g. {@code costs})
   * @param suffix the file's suffix ({@code .csv})
   * @return the new, empty file
   * @throws IOException when it cannot be created
   */
  public static Path temporaryFile(String kind, String suffix) throws IOException {
    Path file = Files.createTempFile(TEMPORARY_PREFIX + kind + "-", suffix);
    if (SWEPT.compareAndSet(false, true)) {
      sweep(file.getParent(), Instant.now().minus(STALE));
    }
    return file;
  }

  /**
   * What a read does with its temporary file.
   *
   * @param <R> what the read gives
   */
  @FunctionalInterface
  public interface TemporaryRead<R> {
    /**
     * Writes the Parquet file's rows into {@code file} and reads them.
     *
     * @param file the new, empty temporary file
     * @return what was read
     * @throws IOException when the file cannot be written or read
     */
    R read(Path file) throws IOException;
  }

  /**
   * Runs {@code read} with a new temporary file ({@link #temporaryFile}) and deletes the file afterwards, whether the
   * read returned or threw. A file that cannot be deleted is logged and left for a later JVM's sweep: it never replaces
   * the read's own result or error.
   *
   * @param kind what it holds, in its name (e.g. {@code costs})
   * @param suffix the file's suffix ({@code .csv})
   * @param read the read
   * @param <R> what the read gives
   * @return what the read gave
   * @throws IOException when the file cannot be created, or as the read throws it
   */
  public static <R> R withTemporaryFile(String kind, String suffix, TemporaryRead<R> read) throws IOException {
    Path file = temporaryFile(kind, suffix);
    try {
      return read.read(file);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not delete the temporary file {} (a later run deletes it after a day): {}", file, e.toString());
      }
    }
  }

  /**
   * Deletes the files of {@code folder} named {@value #TEMPORARY_PREFIX}… and last modified before {@code before};
   * a file that cannot be listed or deleted (another user's) is left as it is.
   *
   * @param folder a temporary folder
   * @param before the time before which a file counts as left behind
   * @return how many were deleted
   */
  static int sweep(Path folder, Instant before) {
    int deleted = 0;
    FileTime limit = FileTime.from(before);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, TEMPORARY_PREFIX + "*")) {
      for (Path f : files) {
        try {
          if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(limit) < 0 && Files.deleteIfExists(f)) {
            deleted++;
          }
        } catch (IOException e) {
          // Another user's, or gone meanwhile: not ours to report.
        }
      }
    } catch (IOException | RuntimeException e) {
      // A folder that cannot be listed: nothing to sweep.
    }
    return deleted;
  }

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

  /** A Parquet file DuckDB could not read (not Parquet, truncated, a cell of a type it cannot write). */
  public static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(SQLException cause) {
      super(firstLine(cause.getMessage()), cause);
    }

    private static String firstLine(@Nullable String message) {
      String m = message == null ? "no reason given" : message.strip();
      int nl = m.indexOf('\n');
      return nl < 0 ? m : m.substring(0, nl);
    }
  }

  /**
   * What {@link #toCsv} wrote.
   *
   * @param columns the Parquet file's columns, in order (the CSV has these, then {@value #ROW})
   * @param windowed whether only the rows of the window (and those without a time) were written
   */
  public record Written(List<String> columns, boolean windowed) {}

  /**
   * The span of a file's times.
   *
   * @param first the earliest time, or null when no row has one
   * @param last the latest time, or null when no row has one
   * @param distinct the number of distinct times, to the millisecond
   */
  public record Span(@Nullable Instant first, @Nullable Instant last, long distinct) {}

  /**
   * Writes the rows of {@code file} into {@code csv} (replaced), with a header; with a window on a timestamp column
   * (with or without a zone), only the rows whose time is in {@code [from, to)} and those whose time is NULL (for the
   * layout to report), DuckDB skipping the row groups whose statistics lie outside. A window on a column of another
   * type (text) is not applied here.
   *
   * @param file a Parquet file
   * @param csv the CSV file to write
   * @param timeColumn the column of the rows' time, or null for every row
   * @param from the window's start, with {@code timeColumn}
   * @param to the window's end, exclusive, with {@code timeColumn}
   * @return the file's columns and whether the window was applied
   * @throws Unreadable when DuckDB cannot read the file or write the CSV
   */
  public static Written toCsv(Path file, Path csv, @Nullable String timeColumn, @Nullable Instant from, @Nullable Instant to)
      throws Unreadable {
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      List<String> select = new ArrayList<>();
      String timeType = null;
      for (Column col : describe(st, file)) {
        names.add(col.name());
        select.add(text(identifier(col.name()), col.type()) + " AS " + identifier(col.name()));
        if (col.name().equals(timeColumn)) {
          timeType = col.type();
        }
      }
      String where = "";
      boolean zoned = "TIMESTAMP WITH TIME ZONE".equals(timeType);
      if (from != null && to != null && timeColumn != null && (zoned || "TIMESTAMP".equals(timeType))) {
        String t = identifier(timeColumn);
        where = " WHERE " + t + " IS NULL OR (" + t + " >= " + timestamp(from, zoned) + " AND " + t + " < "
            + timestamp(to, zoned) + ")";
      }
      st.execute("COPY (SELECT " + String.join(", ", select) + ", file_row_number AS " + identifier(ROW) + " FROM "
          + scan(file, true) + where + ") TO " + literal(csv.toAbsolutePath().toString()) + " (FORMAT csv, HEADER true)");
      return new Written(List.copyOf(names), !where.isEmpty());
    } catch (SQLException e) {
      throw new Unreadable(e);
    }
  }

  /**
   * Writes the rows of {@code file} into {@code jsonl} (replaced) as JSON Lines, one object per row in the file's
   * order (so line n is row n): timestamps as UTC instants, a text column named in {@code jsonText} that holds JSON as
   * that JSON (PostHog's Parquet export writes {@code properties} as JSON-encoded text), other values as DuckDB writes
   * them in JSON.
   *
   * @param file a Parquet file
   * @param jsonl the JSON Lines file to write
   * @param jsonText the text columns whose JSON to write as JSON rather than as a string
   * @return the file's columns
   * @throws Unreadable when DuckDB cannot read the file or write the lines
   */
  public static List<String> toJsonLines(Path file, Path jsonl, java.util.Set<String> jsonText) throws Unreadable {
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      List<String> select = new ArrayList<>();
      for (Column col : describe(st, file)) {
        String column = identifier(col.name());
        names.add(col.name());
        if (col.type().startsWith("TIMESTAMP") || col.type().equals("DATE")) {
          select.add(text(column, col.type()) + " AS " + column);
        } else if (col.type().equals("VARCHAR") && jsonText.contains(col.name())) {
          select.add("CASE WHEN json_valid(" + column + ") THEN json(" + column + ") ELSE to_json(" + column + ") END AS " + column);
        } else {
          select.add(column);
        }
      }
      st.execute("COPY (SELECT " + String.join(", ", select) + " FROM " + scan(file, false) + ") TO "
          + literal(jsonl.toAbsolutePath().toString()) + " (FORMAT json)");
      return List.copyOf(names);
    } catch (SQLException e) {
      throw new Unreadable(e);
    }
  }

  /**
   * The span of the whole file's times in a timestamp column, for a read of one window, which did not see them all:
   * the earliest and the latest time and the number of distinct times to the millisecond, over every row with a time.
   *
   * @param file a Parquet file
   * @param timeColumn a timestamp column of it
   * @return the span
   * @throws Unreadable when DuckDB cannot read the file
   */
  public static Span span(Path file, String timeColumn) throws Unreadable {
    String t = identifier(timeColumn);
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT epoch_us(min(" + t + ")), epoch_us(max(" + t + ")), count(DISTINCT epoch_ms(" + t
            + ")) FROM " + scan(file, false))) {
      r.next();
      long first = r.getLong(1);
      if (r.wasNull()) {
        return new Span(null, null, 0);
      }
      return new Span(micros(first), micros(r.getLong(2)), r.getLong(3));
    } catch (SQLException e) {
      throw new Unreadable(e);
    }
  }

  /** A column of a Parquet file: its name and DuckDB's type for it, in upper case. */
  private record Column(String name, String type) {}

  /** The columns of {@code file}, in order. */
  private static List<Column> describe(Statement st, Path file) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet d = st.executeQuery("DESCRIBE SELECT * FROM " + scan(file, false))) {
      while (d.next()) {
        columns.add(new Column(d.getString("column_name"), d.getString("column_type").toUpperCase(Locale.ROOT)));
      }
    }
    return columns;
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
  }

  /** The SQL that writes a cell of {@code type} as a CSV export holds it. */
  private static String text(String column, String type) {
    if (type.equals("TIMESTAMP WITH TIME ZONE")) {
      return instant("timezone('UTC', " + column + ")");
    }
    if (type.startsWith("TIMESTAMP")) {
      return instant(column + "::TIMESTAMP");
    }
    if (type.equals("DATE")) {
      return "strftime(" + column + ", '%Y-%m-%dT00:00:00Z')";
    }
    if (type.startsWith("MAP") || type.startsWith("STRUCT") || type.endsWith("]") || type.equals("JSON") || type.startsWith("UNION")) {
      return "to_json(" + column + ")::VARCHAR";
    }
    return column;
  }

  /** A UTC timestamp as an ISO-8601 instant, with microseconds only when it has a fraction of a second. */
  private static String instant(String utc) {
    return "CASE WHEN epoch_us(" + utc + ") % 1000000 = 0 THEN strftime(" + utc + ", '%Y-%m-%dT%H:%M:%SZ') ELSE strftime("
        + utc + ", '%Y-%m-%dT%H:%M:%S.%fZ') END";
  }

  private static String scan(Path file, boolean numbered) {
    return "read_parquet(" + literal(globLiteral(file.toAbsolutePath().toString())) + (numbered ? ", file_row_number = true)" : ")");
  }

  /**
   * A glob pattern that matches {@code path} alone: {@code read_parquet} takes its argument as a glob, so a folder
   * named {@code data[1]} would read {@code data1}'s file and one named {@code d?x*y} every folder that pattern matches.
   * Each of {@code [ * ?} becomes a one-character class holding it ({@code [[]}, {@code [*]}, {@code [?]}).
   */
  static String globLiteral(String path) {
    StringBuilder b = new StringBuilder(path.length() + 8);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '[' || c == '*' || c == '?') {
        b.append('[').append(c).append(']');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A timestamp literal of {@code t}: with its zone, or as the UTC wall time for a column without one. */
  private static String timestamp(Instant t, boolean zoned) {
    return zoned ? "TIMESTAMPTZ " + literal(t.toString()) : "TIMESTAMP " + literal(LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString());
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
