package io.companyos.connectors.costs;

import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A cost export that cannot be read, located at {@code file:line:col} (a CSV row at {@code file:line}), with a code of
 * the {@code COS-COST-*} family (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed CSV or JSON, not gzip, or not UTF-8 text;
 *   <li>{@value #UNKNOWN_FORMAT}: a data file this source does not read (Parquet), or a manifest of another shape;
 *   <li>{@value #MISSING}: a FOCUS column a cost row requires is not in the header, or a manifest lacks its file list;
 *   <li>{@value #INVALID}: a cell not valid for its column, by the rules of {@code costs.csv};
 *   <li>{@value #MISSING_FILE}: a manifest lists a data file that is not in the folder.
 * </ul>
 */
public final class CostExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-COST-001";
  public static final String UNKNOWN_FORMAT = "COS-COST-002";
  public static final String MISSING = "COS-COST-003";
  public static final String INVALID = "COS-COST-004";
  public static final String MISSING_FILE = "COS-COST-005";

  public CostExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }
}
