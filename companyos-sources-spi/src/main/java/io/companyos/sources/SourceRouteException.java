package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/** A route of sources.yaml cannot be served: a source claims a record kind or metrics it does not hold. */
public final class SourceRouteException extends SourceException {
  private static final long serialVersionUID = 1L;
  /** The error code. */
  public static final String CODE = "COS-SRC-006";

  /**
   * A route that cannot be served.
   *
   * @param sourceId the configured id of the source
   * @param message what the source claims and does not hold
   * @param location the place in sources.yaml, or null
   * @param hint how to fix it, or null
   */
  public SourceRouteException(String sourceId, String message, @Nullable String location, @Nullable String hint) {
    super(CODE, sourceId, message, location, hint, null);
  }
}
