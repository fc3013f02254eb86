package io.companyos.render;

import io.companyos.model.base.CompanyOsException;

/**
 * A section cannot be filled at all, for example because no configured source holds the records it
 * needs. The assembler turns it into an unavailable section whose reason is this message.
 */
public final class SectionUnavailableException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  public SectionUnavailableException(String message) {
    super("COS-RND-001", message, null, "configure a source that provides this data (see docs/rendering.md)");
  }
}
