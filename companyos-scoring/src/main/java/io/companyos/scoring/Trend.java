package io.companyos.scoring;

/** Direction of change between two periods after the dead band of {@link Delta} is applied. */
public enum Trend {
  UP("▲"),
  DOWN("▼"),
  FLAT("→");

  private final String symbol;

  Trend(String symbol) {
    this.symbol = symbol;
  }

  /** The arrow packs print: ▲, ▼ or →. */
  public String symbol() {
    return symbol;
  }
}
