package io.companyos.sources;

import java.time.Duration;

/** The source did not answer within its configured timeout. */
public final class SourceTimeoutException extends SourceException {
  private static final long serialVersionUID = 1L;

  /**
   * A query that ran out of time.
   *
   * @param sourceId the configured id of the source
   * @param timeout the timeout that passed
   * @param query the query that did not finish
   */
  public SourceTimeoutException(String sourceId, Duration timeout, String query) {
    super("COS-SRC-002", sourceId, "source '" + sourceId + "' timed out after " + timeout.toMillis() + " ms on: " + query,
        null, "raise the source's 'timeout' option or narrow the query", null);
  }
}
