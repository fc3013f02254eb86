package io.companyos.connectors.incidents;

import org.jspecify.annotations.Nullable;

/** A reader's complaint about one place of an export; the source turns it into an error or a skipped entry. */
final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String code;
  final int line;
  final int column;
  final @Nullable String hint;

  Problem(String code, Json at, String message, @Nullable String hint) {
    this(code, at.line, at.column, message, hint);
  }

  Problem(String code, int line, int column, String message, @Nullable String hint) {
    super(message, null, false, false);
    this.code = code;
    this.line = line;
    this.column = column;
    this.hint = hint;
  }
}
