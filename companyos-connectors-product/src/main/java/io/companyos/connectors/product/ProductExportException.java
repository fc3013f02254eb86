package io.companyos.connectors.product;

import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A product analytics export that cannot be read, located at {@code file:line:col} (a file inside an Amplitude archive
 * as {@code archive.zip!/entry}), with a code of the {@code COS-PRODUCT-*} family (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: a line is not well-formed JSON, or the file is not gzip, zip, UTF-8 text or Parquet DuckDB
 *       can read;
 *   <li>{@value #UNKNOWN_FORMAT}: a line is neither a PostHog nor an Amplitude event, or the file is Parquet and DuckDB's
 *       JDBC driver is not on the class path;
 *   <li>{@value #MISSING}: a field the event requires is missing or has the wrong JSON type;
 *   <li>{@value #INVALID}: a value not valid for its field (a time).
 * </ul>
 */
public final class ProductExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-PRODUCT-001";
  public static final String UNKNOWN_FORMAT = "COS-PRODUCT-002";
  public static final String MISSING = "COS-PRODUCT-003";
  public static final String INVALID = "COS-PRODUCT-004";

  public ProductExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }
}
