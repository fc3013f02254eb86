package io.companyos.connectors.common;

/**
 * An entry, a part of a file or a whole file that an export connector's lenient mode left out, with where and why:
 * the same record for every connector, so a caller can list what every source skipped in one loop. The code says the
 * connector's family ({@code COS-VULN-*}, {@code COS-GIT-*}, …).
 *
 * @param file the export, as named in provenance
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param code the code strict mode would have failed with
 * @param reason what was wrong
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /**
   * The entry a problem of {@code file} skips.
   *
   * @param file the export, as named in provenance
   * @param problem the reader's complaint (its hint is not kept)
   * @return the skipped entry
   */
  public static SkippedInput of(String file, ExportProblem problem) {
    return new SkippedInput(file, problem.line, problem.column, problem.code, problem.getMessage());
  }

  /** {@code file:line:col: CODE reason}, leaving out the line and column when unknown. */
  @Override
  public String toString() {
    return ExportProblem.location(file, line, column) + ": " + code + " " + reason;
  }
}
