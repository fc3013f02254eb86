package io.companyos.sources.files;

/** A row that lenient mode skipped, with where and why. */
public record SkippedRow(String file, long line, String column, String reason) {
  /** {@code file:line: column: reason}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + column + ": " + reason;
  }
}
