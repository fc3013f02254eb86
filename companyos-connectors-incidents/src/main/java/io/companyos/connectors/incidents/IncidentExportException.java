package io.companyos.connectors.incidents;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * An incident export that cannot be read, located at {@code file:line:col} (a CSV error at {@code file:line}), with
 * a code of the {@code COS-INC-*} family (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed JSON or CSV, or not UTF-8 text;
 *   <li>{@value #UNKNOWN_FORMAT}: the JSON is neither a PagerDuty export nor a list of incidents;
 *   <li>{@value #MISSING}: a field the format (or the column mapping) requires is missing or has the wrong type;
 *   <li>{@value #INVALID}: a value not valid for its field (a time, a status, a resolution before the creation, an id
 *       repeated in one file);
 *   <li>{@value #UNMAPPED}: a priority or urgency that the P1–P4 mapping does not name.
 * </ul>
 */
public final class IncidentExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-INC-001";
  public static final String UNKNOWN_FORMAT = "COS-INC-002";
  public static final String MISSING = "COS-INC-003";
  public static final String INVALID = "COS-INC-004";
  public static final String UNMAPPED = "COS-INC-005";

  public IncidentExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }
}
