package io.companyos.scoring.testkit;

import java.util.SplittableRandom;

/**
 * Makes a random input for a law from a seeded random stream; deterministic for a given seed.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface Generator<T> {
  /**
   * Makes the next input.
   *
   * @param random the seeded random stream to draw from
   * @return the input
   */
  T next(SplittableRandom random);
}
