package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe export that cannot be read, located at {@code file:line:col}, with a code of the {@code COS-STRIPE-*} family
 * (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed JSON;
 *   <li>{@value #UNKNOWN_FORMAT}: the file is no list of subscriptions, invoices or customers (nor one of them);
 *   <li>{@value #MISSING}: a field the format requires is missing or has the wrong JSON type;
 *   <li>{@value #INVALID}: a value not valid for its field (a status, an interval, a currency code, a time, a negative
 *       amount);
 *   <li>{@value #CURRENCIES}: subscriptions or invoices in several currencies and no {@code currency} option.
 * </ul>
 */
public final class RevenueExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  /** The file is not well-formed JSON. */
  public static final String MALFORMED = "COS-STRIPE-001";
  /** The file is none of the lists read. */
  public static final String UNKNOWN_FORMAT = "COS-STRIPE-002";
  /** A required field is missing or has the wrong JSON type. */
  public static final String MISSING = "COS-STRIPE-003";
  /** A value not valid for its field. */
  public static final String INVALID = "COS-STRIPE-004";
  /** Several currencies and none chosen. */
  public static final String CURRENCIES = "COS-STRIPE-005";

  /**
   * An error at a place of an export.
   *
   * @param code the error code
   * @param sourceId the source that read the export
   * @param file the export, as named in provenance
   * @param line 1-based line, or 0
   * @param column 1-based column, or 0
   * @param message what is wrong
   * @param hint what to do about it, or null
   */
  public RevenueExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }
}
