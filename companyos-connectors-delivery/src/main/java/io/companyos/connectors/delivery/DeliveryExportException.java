package io.companyos.connectors.delivery;

import io.companyos.connectors.common.ExportProblem;
import io.companyos.sources.SourceException;
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
public final class DeliveryExportException extends SourceException {
  private static final long serialVersionUID = 1L;

  public static final String MALFORMED = "COS-GIT-001";
  public static final String UNKNOWN_FORMAT = "COS-GIT-002";
  public static final String MISSING = "COS-GIT-003";
  public static final String INVALID = "COS-GIT-004";

  private final String file;
  private final int line;
  private final int column;

  public DeliveryExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, message, location(file, line, column), hint, null);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  static String location(String file, int line, int column) {
    return ExportProblem.location(file, line, column);
  }

  /** The export, as named in provenance (relative to the configured folder). */
  public String file() {
    return file;
  }

  /** 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }
}
