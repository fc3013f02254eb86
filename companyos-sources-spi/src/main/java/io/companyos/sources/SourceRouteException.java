package io.companyos.sources;

import org.jspecify.annotations.Nullable;

/** A route of sources.yaml cannot be served: a source claims a record kind or metrics it does not hold. */
public final class SourceRouteException extends SourceException {
  private static final long serialVersionUID = 1L;
  /** The error code. */
  public static final String CODE = "COS-SRC-006";

  public SourceRouteException(String sourceId, String message, @Nullable String location, @Nullable String hint) {
    super(CODE, sourceId, message, location, hint, null);
  }
}
