package io.companyos.model.base;

import org.jspecify.annotations.Nullable;

/**
 * Base of every user-facing error: a stable code (for example {@code COS-YAML-002}), a message,
 * an optional location and a hint, so that the CLI can print one line per problem.
 */
public class CompanyOsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final @Nullable String location;
  private final @Nullable String hint;

  public CompanyOsException(String code, String message, @Nullable String location, @Nullable String hint) {
    this(code, message, location, hint, null);
  }

  public CompanyOsException(
      String code, String message, @Nullable String location, @Nullable String hint, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.location = location;
    this.hint = hint;
  }

  /** Stable error code such as {@code COS-YAML-002}; scripts may match on it. */
  public String code() {
    return code;
  }

  /** Where the problem is, usually {@code file:line:col}; null when there is no location. */
  public @Nullable String location() {
    return location;
  }

  /** What the user can do about it; null when there is nothing useful to say. */
  public @Nullable String hint() {
    return hint;
  }

  /**
   * The one-line form the CLI prints: {@code location: CODE message (hint)}, with URLs cut to their
   * origin, credentials masked ({@link Redaction#message(String)}) and control characters escaped
   * ({@link Redaction#printable(String)}), since messages quote what users wrote.
   */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    if (location != null) {
      sb.append(location).append(": ");
    }
    sb.append(code).append(' ').append(getMessage());
    if (hint != null) {
      sb.append(" (").append(hint).append(')');
    }
    return Redaction.printable(Redaction.message(sb.toString()));
  }
}
