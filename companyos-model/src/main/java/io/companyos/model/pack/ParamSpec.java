package io.companyos.model.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Declares one parameter a section type accepts: its type, whether it is required, its default,
 * its numeric range or allowed values. The loader checks section YAML against these declarations.
 *
 * @param defaultValue the value renderers assume when the YAML omits the parameter (a value of the
 *     Java type {@link ParamType} names), or null when there is none
 * @param min inclusive lower bound for numbers (for durations: in seconds, exclusive of zero)
 * @param max inclusive upper bound for numbers
 * @param choices allowed values for {@link ParamType#CHOICE}, and per element for string lists
 *     when non-empty
 */
public record ParamSpec(
    String name,
    ParamType type,
    boolean required,
    @Nullable Object defaultValue,
    @Nullable BigDecimal min,
    @Nullable BigDecimal max,
    List<String> choices,
    String description) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
    if (type == ParamType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
    }
  }

  /** An optional parameter of {@code type} without default, range or choices. */
  public static ParamSpec of(String name, ParamType type, String description) {
    return new ParamSpec(name, type, false, null, null, null, List.of(), description);
  }

  /** An optional {@link ParamType#CHOICE} parameter. */
  public static ParamSpec choice(String name, List<String> choices, String description) {
    return new ParamSpec(name, ParamType.CHOICE, false, null, null, null, choices, description);
  }

  /** A copy that is required. */
  public ParamSpec asRequired() {
    return new ParamSpec(name, type, true, defaultValue, min, max, choices, description);
  }

  /** A copy with a default value. */
  public ParamSpec withDefault(Object value) {
    return new ParamSpec(name, type, required, value, min, max, choices, description);
  }

  /** A copy with an inclusive numeric range; either bound may be null. */
  public ParamSpec withRange(@Nullable BigDecimal low, @Nullable BigDecimal high) {
    return new ParamSpec(name, type, required, defaultValue, low, high, choices, description);
  }

  /** A copy whose string-list elements must be among {@code allowed}. */
  public ParamSpec withChoices(List<String> allowed) {
    return new ParamSpec(name, type, required, defaultValue, min, max, allowed, description);
  }
}
