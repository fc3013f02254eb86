package io.companyos.model.recommend;

import org.jspecify.annotations.Nullable;

/**
 * One parameter a rule kind accepts: a number within {@code [min, max]} or a text, with its default.
 *
 * @param defaultValue the value used when a rule does not set the parameter, written as in YAML
 */
public record RuleParam(String name, boolean numeric, double min, double max, String defaultValue, String description) {

  /** A numeric parameter. */
  static RuleParam number(String name, double min, double max, double defaultValue, String description) {
    return new RuleParam(name, true, min, max, plain(defaultValue), description);
  }

  /** A text parameter. */
  static RuleParam text(String name, String defaultValue, String description) {
    return new RuleParam(name, false, 0, 0, defaultValue, description);
  }

  /** Why {@code value} is not valid for this parameter, or null when it is. */
  public @Nullable String problem(String value) {
    if (!numeric) {
      return value.isBlank() ? "'" + name + "' must not be blank" : null;
    }
    double v;
    try {
      v = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return "'" + name + "' must be a number, not '" + value + "'";
    }
    if (!(v >= min && v <= max)) {
      return "'" + name + "' is " + value.strip() + "; it must be " + plain(min) + " to " + plain(max);
    }
    return null;
  }

  /** {@code 30.0} as {@code 30}, {@code 14.4} as is. */
  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
