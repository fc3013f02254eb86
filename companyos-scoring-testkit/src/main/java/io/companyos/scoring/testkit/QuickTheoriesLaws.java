package io.companyos.scoring.testkit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Runs the laws with QuickTheories (an optional dependency of this module). */
public final class QuickTheoriesLaws {
  private QuickTheoriesLaws() {}

  /**
   * A QuickTheories generator drawing from a law's generator.
   *
   * @param <T> the input type
   * @param generator the law's generator
   * @return the QuickTheories generator
   */
  public static <T> Gen<T> gen(Generator<T> generator) {
    return longs().all().map(seed -> generator.next(new SplittableRandom(seed)));
  }

  /**
   * Checks the law with QuickTheories' default number of examples; a violation fails with the input.
   *
   * @param <T> the input type
   * @param law the law
   */
  public static <T> void verify(Law<T> law) {
    qt().forAll(gen(law.generator())).describedAs(Object::toString).checkAssert(input ->
        law.violation(input).ifPresent(v -> {
          throw new AssertionError(law.description() + ": " + v);
        }));
  }
}
