package io.companyos.connectors.common;

import io.companyos.sources.SourceException;
import org.jspecify.annotations.Nullable;

/**
 * An export that cannot be read, located at {@code file:line:col} with a code of its connector's family; each export
 * connector's exception extends it with its codes.
 */
public abstract class LocatedExportException extends SourceException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /**
   * An error at a place of an export.
   *
   * @param code the error code
   * @param sourceId the source that read the export
   * @param file the export, as named in provenance
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param message what is wrong
   * @param hint what to do about it, or null
   */
  protected LocatedExportException(String code, String sourceId, String file, int line, int column, String message,
      @Nullable String hint) {
    super(code, sourceId, message, ExportProblem.location(file, line, column), hint, null);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /**
   * The export, as named in provenance (relative to the configured folder).
   *
   * @return the file name
   */
  public String file() {
    return file;
  }

  /**
   * The line of the fault.
   *
   * @return 1-based line, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * The column of the fault.
   *
   * @return 1-based column, or 0 when unknown
   */
  public int column() {
    return column;
  }
}
