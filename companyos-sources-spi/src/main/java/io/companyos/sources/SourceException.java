package io.companyos.sources;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.base.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * Base of every failure a source reports. Packs turn it into an "unavailable" section with
 * {@link #getMessage()} as the reason; the pack is still produced.
 */
public abstract class SourceException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  /** The configured id of the source that failed. */
  private final String sourceId;

  /**
   * A failure of one source; credentials in {@code message} are masked.
   *
   * @param code the error code ({@code COS-SRC-...})
   * @param sourceId the configured id of the source
   * @param message what failed
   * @param location the file and line, or null
   * @param hint how to fix it, or null
   * @param cause the underlying exception, or null
   */
  protected SourceException(
      String code, String sourceId, String message, @Nullable String location, @Nullable String hint,
      @Nullable Throwable cause) {
    // The message becomes a section's n/a reason, which packs, Slack and e-mail carry: no credentials.
    super(code, Redaction.credentials(message), location, hint, cause);
    this.sourceId = sourceId;
  }

  /**
   * The configured id of the source that failed.
   *
   * @return the source id
   */
  public String sourceId() {
    return sourceId;
  }
}
