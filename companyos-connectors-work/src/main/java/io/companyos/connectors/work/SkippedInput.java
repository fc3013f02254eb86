package io.companyos.connectors.work;

/**
 * A sprint, an issue or a whole file that lenient mode left out, with where and why.
 *
 * @param file the export, as named in provenance
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 * @param code the {@code COS-JIRA-*} code strict mode would have failed with
 * @param reason what was wrong
 * @deprecated every export connector lists what it skipped as {@link io.companyos.connectors.common.SkippedInput};
 *     use {@link WorkExportsSource#skippedInputs()}. This record stays for code written against
 *     {@link WorkExportsSource#skipped()}.
 */
@Deprecated(since = "0.1.0")
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return WorkExportException.location(file, line, column) + ": " + code + " " + reason;
  }
}
