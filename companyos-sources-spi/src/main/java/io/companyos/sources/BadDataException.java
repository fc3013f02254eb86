package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/**
 * The source returned data that cannot be read, with the row and column where that is known, e.g.
 * {@code incidents.csv:12: time_created: not an ISO-8601 time with offset}.
 */
public final class BadDataException extends SourceException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String file;
  private final long line;
  private final @Nullable String column;

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

  public @Nullable String file() {
    return file;
  }

  /** 1-based line (row) number, or 0 when unknown. */
  public long line() {
    return line;
  }

  public @Nullable String column() {
    return column;
  }
}
