package io.companyos.scoring.testkit;

import java.util.Optional;
import java.util.SplittableRandom;

/** Checks a law on generated inputs without any testing framework. */
public final class LawRunner {
  private LawRunner() {}

  /**
   * Checks {@code law} on {@code examples} inputs drawn from {@code seed}.
   *
   * @param <T> the input type
   * @param law the law
   * @param examples how many inputs to check
   * @param seed the seed of the random stream
   * @throws AssertionError naming the law, the input and the violation
   */
  public static <T> void check(Law<T> law, int examples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < examples; i++) {
      T input = law.generator().next(random);
      Optional<String> v = law.violation(input);
      if (v.isPresent()) {
        throw new AssertionError(law.description() + " is broken by " + input + ": " + v.get() + " (seed " + seed + ", example " + i + ")");
      }
    }
  }
}
