package io.companyos.scoring.testkit;

import java.util.SplittableRandom;

/** Makes a random input for a law from a seeded random stream; deterministic for a given seed. */
@FunctionalInterface
public interface Generator<T> {
  T next(SplittableRandom random);
}
