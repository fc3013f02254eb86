package io.companyos.connectors.work;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedExportException;
import org.jspecify.annotations.Nullable;

/**
 * A Jira export that cannot be read, located at {@code file:line:col}, with a code of the {@code COS-JIRA-*} family
 * (docs/errors.md):
 * <ul>
 *   <li>{@value #MALFORMED}: the file is not well-formed JSON;
 *   <li>{@value #UNKNOWN_FORMAT}: the file is neither a sprint page nor an issue page (nor one sprint or issue);
 *   <li>{@value #MISSING}: a field the format requires is missing or has the wrong JSON type;
 *   <li>{@value #INVALID}: a value not valid for its field (a time, a sprint state, a status category, negative story
 *       points, an end before the start);
 *   <li>{@value #UNMAPPED_TYPE}: an issue type with no kind (story, task or bug).
 * </ul>
 */
public final class WorkExportException extends LocatedExportException {
  private static final long serialVersionUID = 1L;

  /** The file is not well-formed JSON. */
  public static final String MALFORMED = "COS-JIRA-001";
  /** The file is none of the pages read. */
  public static final String UNKNOWN_FORMAT = "COS-JIRA-002";
  /** A required field is missing or has the wrong JSON type. */
  public static final String MISSING = "COS-JIRA-003";
  /** A value not valid for its field. */
  public static final String INVALID = "COS-JIRA-004";
  /** An issue type that maps to no kind. */
  public static final String UNMAPPED_TYPE = "COS-JIRA-005";

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
  public WorkExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, file, line, column, message, hint);
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }
}
