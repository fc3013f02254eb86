package io.companyos.connectors.security;

/**
 * A finding (or a whole file) that lenient mode left out, with where and why.
 *
 * @param code the {@code COS-VULN-*} code strict mode would have failed with
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return SecurityExportException.location(file, line, column) + ": " + code + " " + reason;
  }
}
