package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/** A source's configuration is wrong: unknown type, missing or invalid option, duplicate provider id. */
public final class SourceConfigException extends SourceException {
  private static final long serialVersionUID = 1L;

  /**
   * A configuration error.
   *
   * @param sourceId the configured id of the source
   * @param message what is wrong
   * @param hint how to fix it, or null
   */
  public SourceConfigException(String sourceId, String message, @Nullable String hint) {
    super("COS-SRC-005", sourceId, message, null, hint, null);
  }
}
