package io.companyos.connectors.costs;

import io.companyos.connectors.common.ExportProblem;

/**
 * A cost row, a manifest or a whole file that lenient mode left out, with where and why.
 *
 * @param code the {@code COS-COST-*} code strict mode would have failed with
 */
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return ExportProblem.location(file, line, column) + ": " + code + " " + reason;
  }
}
