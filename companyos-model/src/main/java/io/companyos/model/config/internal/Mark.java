package io.companyos.model.config.internal;

/** A 1-based line and column in a YAML file; {@link #FILE} means "the whole file". */
public record Mark(int line, int column) {
  /** No position: the problem concerns the file as a whole. */
  public static final Mark FILE = new Mark(0, 0);
}
