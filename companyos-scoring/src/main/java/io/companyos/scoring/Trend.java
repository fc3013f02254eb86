package io.companyos.scoring;

/** Direction of change between two periods after the dead band of {@link Delta} is applied. */
public enum Trend {
  /** The value rose by more than the dead band. */
  UP("▲"),
  /** The value fell by more than the dead band. */
  DOWN("▼"),
  /** The change lies inside the dead band (or both periods are 0). */
  FLAT("→");

  private final String symbol;

  Trend(String symbol) {
    this.symbol = symbol;
  }

  /**
   * The arrow packs print for this trend.
   *
   * @return ▲, ▼ or →
   */
  public String symbol() {
    return symbol;
  }
}
