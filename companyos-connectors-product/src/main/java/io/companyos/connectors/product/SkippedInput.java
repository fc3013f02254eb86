package io.companyos.connectors.product;

import io.companyos.connectors.common.ExportProblem;

/**
 * An event, a file of an archive or a whole file that lenient mode left out, with where and why.
 *
 * @param code the {@code COS-PRODUCT-*} code strict mode would have failed with
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return ExportProblem.location(file, line, column) + ": " + code + " " + reason;
  }
}
