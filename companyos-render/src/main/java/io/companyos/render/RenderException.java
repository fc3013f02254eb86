package io.companyos.render;

import io.companyos.model.base.CompanyOsException;
import org.jspecify.annotations.Nullable;

/** A template failed while rendering a pack (syntax error, missing value), or output could not be written. */
public final class RenderException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with a stable code.
   *
   * @param code the stable error code ({@code COS-TPL-005}, {@code COS-RND-003})
   * @param message what went wrong
   * @param location the template line or file concerned, or null
   * @param hint what the user can do about it, or null
   * @param cause the underlying error, or null
   */
  public RenderException(String code, String message, @Nullable String location, @Nullable String hint,
      @Nullable Throwable cause) {
    super(code, message, location, hint, cause);
  }
}
