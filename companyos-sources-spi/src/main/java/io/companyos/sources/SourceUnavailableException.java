package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/** The source could not be reached or refused the request (connection refused, HTTP 5xx, missing directory). */
public final class SourceUnavailableException extends SourceException {
  private static final long serialVersionUID = 1L;

  /**
   * A source that cannot be reached.
   *
   * @param sourceId the configured id of the source
   * @param message what happened
   * @param cause the underlying exception, or null
   */
  public SourceUnavailableException(String sourceId, String message, @Nullable Throwable cause) {
    super("COS-SRC-001", sourceId, "source '" + sourceId + "' unavailable: " + message, null,
        "check that the source is running and reachable", cause);
  }
}
