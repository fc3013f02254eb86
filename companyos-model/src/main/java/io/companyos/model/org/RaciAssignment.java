package io.companyos.model.org;

import java.util.Optional;

/** One cell of the RACI matrix: Responsible, Accountable, Consulted, Informed, or both R and A. */
public enum RaciAssignment {
  R("R"),
  A("A"),
  C("C"),
  I("I"),
  RA("R/A");

  private final String symbol;

  RaciAssignment(String symbol) {
    this.symbol = symbol;
  }

  /** How the cell is written in the seed and in YAML: {@code R}, {@code A}, {@code C}, {@code I}, {@code R/A}. */
  public String symbol() {
    return symbol;
  }

  /** True for A and R/A. */
  public boolean accountable() {
    return this == A || this == RA;
  }

  /** True for R and R/A. */
  public boolean responsible() {
    return this == R || this == RA;
  }

  /** Parses a symbol (case-sensitive, as in the seed). */
  public static Optional<RaciAssignment> fromSymbol(String text) {
    for (RaciAssignment a : values()) {
      if (a.symbol.equals(text)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
