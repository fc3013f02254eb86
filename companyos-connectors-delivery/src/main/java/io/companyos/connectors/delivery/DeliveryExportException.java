package io.companyos.connectors.delivery;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub or GitLab export that cannot be read, located at {@code file:line:col}, with a code of the
 * {@code COS-GIT-*} family (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed JSON;
 *   <li>{@value #UNKNOWN_FORMAT}: the file is none of the lists read here;
 *   <li>{@value #MISSING}: a field the format requires is missing or has the wrong JSON type;
 *   <li>{@value #INVALID}: a value not valid for its field (a time, a state or status, a merge or close before the
 *       opening).
 * </ul>
 */
public final class DeliveryExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-GIT-001";
  public static final String UNKNOWN_FORMAT = "COS-GIT-002";
  public static final String MISSING = "COS-GIT-003";
  public static final String INVALID = "COS-GIT-004";

  public DeliveryExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }
}
