package io.companyos.export.notion;

import io.companyos.model.base.CompanyOsException;
import org.jspecify.annotations.Nullable;

/**
 * Notion refused a request or could not be reached. Carries the HTTP status (0 when there was no
 * answer) and Notion's error {@code code} and {@code message} from the response body. Messages never
 * contain the integration token.
 *
 * <p>Codes: {@code COS-EXP-041} Notion answered with an error (4xx, or 429/5xx after the last retry);
 * {@code COS-EXP-042} no answer (connection failed, timed out, interrupted, or not a Notion answer);
 * {@code COS-EXP-043} no token configured.
 */
public final class NotionApiException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String notionCode;
  private final @Nullable String notionMessage;

  public NotionApiException(String code, String message, int status, @Nullable String notionCode,
      @Nullable String notionMessage, @Nullable String hint, @Nullable Throwable cause) {
    super(code, message, null, hint, cause);
    this.status = status;
    this.notionCode = notionCode;
    this.notionMessage = notionMessage;
  }

  /** The HTTP status of Notion's answer; 0 when there was none. */
  public int status() {
    return status;
  }

  /** Notion's error code ({@code validation_error}, {@code rate_limited}...), when the body had one. */
  public @Nullable String notionCode() {
    return notionCode;
  }

  /** Notion's error message, when the body had one. */
  public @Nullable String notionMessage() {
    return notionMessage;
  }
}
