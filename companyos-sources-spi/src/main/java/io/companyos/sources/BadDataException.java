package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/**
 * The source returned data that cannot be read, with the row and column where that is known, e.g.
 * {@code incidents.csv:12: time_created: not an ISO-8601 time with offset}.
 */
public final class BadDataException extends SourceException {
  private static final long serialVersionUID = 1L;

  /** The file (or table) of the bad value; null when unknown. */
  private final @Nullable String file;
  /** The 1-based line (row) of the bad value; 0 when unknown. */
  private final long line;
  /** The column (or field) of the bad value; null when unknown. */
  private final @Nullable String column;

  /**
   * A bad value in the source's data.
   *
   * @param sourceId the configured id of the source
   * @param file the file (or table) the value is in, or null when unknown
   * @param line the 1-based line (row) number, or 0 when unknown
   * @param column the column (or field), or null when unknown
   * @param reason what is wrong with the value
   * @param hint how to fix it, or null
   */
  public BadDataException(
      String sourceId, @Nullable String file, long line, @Nullable String column, String reason, @Nullable String hint) {
    super("COS-SRC-003", sourceId, (column != null ? column + ": " : "") + reason, location(file, line), hint, null);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static @Nullable String location(@Nullable String file, long line) {
    if (file == null) {
      return null;
    }
    return line > 0 ? file + ":" + line : file;
  }

  /**
   * The file (or table) the bad value is in.
   *
   * @return the file name, or null when unknown
   */
  public @Nullable String file() {
    return file;
  }

  /**
   * The line (row) of the bad value.
   *
   * @return the 1-based line number, or 0 when unknown
   */
  public long line() {
    return line;
  }

  /**
   * The column (or field) of the bad value.
   *
   * @return the column name, or null when unknown
   */
  public @Nullable String column() {
    return column;
  }
}
