package io.companyos.connectors.product;

import io.companyos.connectors.common.ExportProblem;
import java.util.List;

/**
 * An event, a file of an archive or a whole file that lenient mode left out, with where and why.
 *
 * @param file the export, as named in provenance
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 * @param code the {@code COS-PRODUCT-*} code strict mode would have failed with
 * @param reason what was wrong
 * @deprecated every export connector lists what it skipped as {@link io.companyos.connectors.common.SkippedInput};
 *     use {@link ProductExportsSource#skippedInputs()}. This record stays for code written against
 *     {@link ProductExportsSource#skipped()}.
 */
@Deprecated(since = "0.1.0")
public record SkippedInput(String file, int line, int column, String code, String reason) {
  /** The same entries as this connector's own record, for {@link ProductExportsSource#skipped()}. */
  static List<SkippedInput> of(List<io.companyos.connectors.common.SkippedInput> skipped) {
    return skipped.stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /** {@code file:line:col: CODE reason}. */
  @Override
  public String toString() {
    return ExportProblem.location(file, line, column) + ": " + code + " " + reason;
  }
}
