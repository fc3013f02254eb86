package io.companyos.sources;

import java.time.Duration;

/** The source did not answer within its configured timeout. */
public final class SourceTimeoutException extends SourceException {
  private static final long serialVersionUID = 1L;

  public SourceTimeoutException(String sourceId, Duration timeout, String query) {
    super("COS-SRC-002", sourceId, "source '" + sourceId + "' timed out after " + timeout.toMillis() + " ms on: " + query,
        null, "raise the source's 'timeout' option or narrow the query", null);
  }
}
