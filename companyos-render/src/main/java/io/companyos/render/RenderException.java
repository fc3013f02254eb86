package io.companyos.render;

import io.companyos.model.base.CompanyOsException;
import org.jspecify.annotations.Nullable;

/** A template failed while rendering a pack (syntax error, missing value), or output could not be written. */
public final class RenderException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  public RenderException(String code, String message, @Nullable String location, @Nullable String hint,
      @Nullable Throwable cause) {
    super(code, message, location, hint, cause);
  }
}
