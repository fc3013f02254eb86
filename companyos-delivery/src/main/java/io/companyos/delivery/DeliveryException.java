package io.companyos.delivery;

import io.companyos.model.base.CompanyOsException;
import org.jspecify.annotations.Nullable;

/** A delivery could not be planned or configured (bad directory file, unknown channel, missing settings). */
public final class DeliveryException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  public DeliveryException(String code, String message, @Nullable String location, @Nullable String hint) {
    super(code, message, location, hint, null);
  }

  public DeliveryException(String code, String message, @Nullable String location, @Nullable String hint,
      @Nullable Throwable cause) {
    super(code, message, location, hint, cause);
  }
}
