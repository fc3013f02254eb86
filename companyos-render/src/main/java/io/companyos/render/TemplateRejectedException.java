package io.companyos.render;

import io.companyos.model.base.CompanyOsException;

/**
 * A user template tried something the sandbox forbids: creating Java objects ({@code ?new}), reaching
 * the Java API ({@code ?api}), class access ({@code getClass}), evaluating strings as code, or
 * including files outside the built-in library. The template is not run.
 */
public final class TemplateRejectedException extends CompanyOsException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with code {@code COS-TPL-001} naming the forbidden construct.
   *
   * @param location where the template uses it ({@code name:line})
   * @param construct the forbidden construct ({@code ?new}), quoted in the message
   */
  public TemplateRejectedException(String location, String construct) {
    super("COS-TPL-001", "template rejected: '" + construct + "' is not allowed in pack templates", location,
        "templates may only read the pack's values; see docs/templates.md for what is available");
  }
}
