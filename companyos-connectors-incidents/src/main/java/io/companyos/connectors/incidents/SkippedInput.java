package io.companyos.connectors.incidents;

/**
 * An incident, a log entry or a whole file that lenient mode left out, with where and why.
 *
 * @param code the {@code COS-INC-*} code strict mode would have failed with
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return IncidentExportException.location(file, line, column) + ": " + code + " " + reason;
  }
}
