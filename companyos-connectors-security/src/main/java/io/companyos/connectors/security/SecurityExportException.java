package io.companyos.connectors.security;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A vulnerability export that cannot be read, located at {@code file:line:col}, with a code of the
 * {@code COS-VULN-*} family (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed JSON;
 *   <li>{@value #UNKNOWN_FORMAT}: the file is none of the formats read here, or a version of one that is not;
 *   <li>{@value #MISSING}: a field the format requires is missing, or has the wrong JSON type;
 *   <li>{@value #INVALID}: a value that is not valid for its field (a time, a CVSS vector or score, a state);
 *   <li>{@value #NO_TIME}: a finding with no detection time, in a report without a report time.
 * </ul>
 */
public final class SecurityExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-VULN-001";
  public static final String UNKNOWN_FORMAT = "COS-VULN-002";
  public static final String MISSING = "COS-VULN-003";
  public static final String INVALID = "COS-VULN-004";
  public static final String NO_TIME = "COS-VULN-005";

  public SecurityExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }
}
