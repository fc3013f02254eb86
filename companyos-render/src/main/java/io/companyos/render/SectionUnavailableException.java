package io.companyos.render;

import io.companyos.model.base.CompanyOsException;

/**
 * A section cannot be filled at all, for example because no configured source holds the records it
 * needs. The assembler turns it into an unavailable section whose reason is this message.
 */
public final class SectionUnavailableException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with code {@code COS-RND-001} and a hint to configure a source that provides the data.
   *
   * @param message the reason the reader sees in place of the section ("no source configured for incidents")
   */
  public SectionUnavailableException(String message) {
    super("COS-RND-001", message, null, "configure a source that provides this data (see docs/rendering.md)");
  }
}
