package io.companyos.connectors.delivery;

/**
 * A deployment, status, pull request or a whole file that lenient mode left out, with where and why.
 *
 * @param code the {@code COS-GIT-*} code strict mode would have failed with
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return DeliveryExportException.location(file, line, column) + ": " + code + " " + reason;
  }
}
