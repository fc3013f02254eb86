package io.companyos.export.confluence;

import io.companyos.model.base.CompanyOsException;
import org.jspecify.annotations.Nullable;

/**
 * Confluence refused a request or could not be reached. Carries the HTTP status (0 when there was no
 * answer) and the error {@code code} and message (the {@code title} of the first entry of
 * {@code errors}) from the response body. Messages never contain the API token or the credentials
 * header.
 *
 * <p>Codes: {@code COS-EXP-051} Confluence answered with an error (4xx such as 409 for a version
 * conflict, or 429/5xx after the last retry); {@code COS-EXP-052} no answer (connection failed, timed
 * out, interrupted, or not a Confluence answer); {@code COS-EXP-053} credentials or base URL not
 * configured.
 */
public final class ConfluenceApiException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String apiCode;
  private final @Nullable String apiMessage;

  public ConfluenceApiException(String code, String message, int status, @Nullable String apiCode,
      @Nullable String apiMessage, @Nullable String hint, @Nullable Throwable cause) {
    super(code, message, null, hint, cause);
    this.status = status;
    this.apiCode = apiCode;
    this.apiMessage = apiMessage;
  }

  /** The HTTP status of Confluence's answer; 0 when there was none. */
  public int status() {
    return status;
  }

  /** Confluence's error code ({@code CONFLICT}, {@code BAD_REQUEST}...), when the body had one. */
  public @Nullable String apiCode() {
    return apiCode;
  }

  /** Confluence's error message, when the body had one. */
  public @Nullable String apiMessage() {
    return apiMessage;
  }
}
