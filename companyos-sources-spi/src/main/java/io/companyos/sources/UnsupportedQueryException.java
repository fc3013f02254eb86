package io.companyos.sources;

/** The source cannot answer this kind of query (for example records from a Prometheus source). */
public final class UnsupportedQueryException extends SourceException {
  private static final long serialVersionUID = 1L;

  public UnsupportedQueryException(String sourceId, String what, String query) {
    super("COS-SRC-004", sourceId, "source '" + sourceId + "' does not support " + what + ": " + query, null,
        "configure a source that provides it, or map this section to another source", null);
  }
}
