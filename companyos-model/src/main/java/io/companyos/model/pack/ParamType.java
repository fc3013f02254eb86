package io.companyos.model.pack;

/**
 * The value types a section parameter can have, and the Java type {@link SectionSpec} stores for
 * each, so that renderers read typed values instead of raw YAML.
 */
public enum ParamType {
  /** Free text; stored as {@link String}. */
  STRING("a string"),
  /** One of {@link ParamSpec#choices()}; stored as {@link String}. */
  CHOICE("one of the listed values"),
  /** A list of strings (a single scalar counts as a one-element list); stored as {@code List<String>}. */
  STRING_LIST("a list of strings"),
  /** A list of role ids that must exist; stored as {@code List<String>}. */
  ROLE_LIST("a list of role ids"),
  /** {@code true} or {@code false}; stored as {@link Boolean}. */
  BOOLEAN("true or false"),
  /** A decimal number; stored as {@link java.math.BigDecimal}. */
  DECIMAL("a number"),
  /** A whole number; stored as {@link Integer}. */
  INTEGER("a whole number"),
  /** A positive short duration such as {@code 7d}; stored as {@link java.time.Duration}. */
  DURATION("a duration such as 30m, 24h, 7d or 2w");

  private final String description;

  ParamType(String description) {
    this.description = description;
  }

  /** How the type reads in error messages and in the configuration reference. */
  public String description() {
    return description;
  }
}
