package io.companyos.sources;

/** The source cannot answer this kind of query (for example records from a Prometheus source). */
public final class UnsupportedQueryException extends SourceException {
  private static final long serialVersionUID = 1L;

  /**
   * A query the source does not answer.
   *
   * @param sourceId the configured id of the source
   * @param what the kind of query ({@code "range query"}, {@code "records"})
   * @param query the query or record kind asked for
   */
  public UnsupportedQueryException(String sourceId, String what, String query) {
    super("COS-SRC-004", sourceId, "source '" + sourceId + "' does not support " + what + ": " + query, null,
        "configure a source that provides it, or map this section to another source", null);
  }
}
