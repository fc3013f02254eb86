package io.companyos.render;

import java.util.Locale;

/** Which way a value moved against its previous period; {@link #UNKNOWN} when there is no previous value. */
public enum Trend {
  UP("▲"),
  DOWN("▼"),
  FLAT("▬"),
  UNKNOWN("?");

  private final String arrow;

  Trend(String arrow) {
    this.arrow = arrow;
  }

  /** A one-character arrow for tables. */
  public String arrow() {
    return arrow;
  }

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
