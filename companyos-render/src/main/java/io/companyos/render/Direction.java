package io.companyos.render;

import java.util.Locale;

/** Whether a rise of a value is good news (DAU), bad news (MTTR) or neither; decides how deltas are judged. */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  NEUTRAL;

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
