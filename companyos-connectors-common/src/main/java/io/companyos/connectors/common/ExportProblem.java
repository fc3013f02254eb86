package io.companyos.connectors.common;

import org.jspecify.annotations.Nullable;

/**
 * A reader's complaint about one place of an export: a code of the connector's family, the 1-based line and
 * column, a message and an optional hint. The connector's source turns it into a located error (strict) or a
 * skipped entry (lenient). It carries no stack trace: it is a verdict on the input, not a fault of the code.
 */
public final class ExportProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error code, e.g. {@code COS-VULN-003}. */
  public final String code;
  /** 1-based line, or 0 when unknown. */
  public final int line;
  /** 1-based column, or 0 when unknown. */
  public final int column;
  /** What to do about it, or null. */
  public final @Nullable String hint;

  /**
   * A problem at a JSON value.
   *
   * @param code the error code
   * @param at the value the problem is about (its line and column are reported)
   * @param message what is wrong
   * @param hint what to do about it, or null
   */
  public ExportProblem(String code, LocatedJson at, String message, @Nullable String hint) {
    this(code, at.line, at.column, message, hint);
  }

  /**
   * A problem at a line and column.
   *
   * @param code the error code
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param message what is wrong
   * @param hint what to do about it, or null
   */
  public ExportProblem(String code, int line, int column, String message, @Nullable String hint) {
    super(message, null, false, false);
    this.code = code;
    this.line = line;
    this.column = column;
    this.hint = hint;
  }

  /**
   * {@code file:line:col}, {@code file:line} or {@code file}, leaving out what is unknown (0).
   *
   * @param file the file as named in provenance
   * @param line 1-based line, or 0
   * @param column 1-based column, or 0
   * @return the location as error messages write it
   */
  public static String location(String file, int line, int column) {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
