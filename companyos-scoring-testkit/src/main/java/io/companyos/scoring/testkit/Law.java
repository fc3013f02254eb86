package io.companyos.scoring.testkit;

import java.util.Optional;
import java.util.function.Function;

/**
 * A law a scoring function must obey: what it says, how to generate inputs, and a check that returns
 * the violation (empty when the law holds for that input).
 */
public record Law<T>(String description, Generator<T> generator, Function<T, Optional<String>> check) {
  /**
   * The violation for {@code input}, if any.
   *
   * @param input a generated input
   * @return what is wrong, or empty when the law holds for it
   */
  public Optional<String> violation(T input) {
    return check.apply(input);
  }
}
