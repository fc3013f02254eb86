package io.companyos.scoring.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The detector's scores are those of {@link ReferenceRobustZScoreDetector} (the implementation before the blocked
 * window) to the bit: on random series of many shapes (ties, small whole numbers, constants, signed zeros, wide
 * ranges, level shifts), with the default parameters and with random small ones (windows on both sides of the
 * window's block size), and on the NAB corpus when it lies next to the repository.
 */
class RobustZScoreDetectorEquivalenceTest {
  private static final int SHAPES = 9;

  /** A series of {@code n} values of the given shape, from {@code seed}. */
  static double[] series(long seed, int shape, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    double level = r.nextDouble(-100, 100);
    for (int i = 0; i < n; i++) {
      v[i] = switch (shape) {
        case 0 -> r.nextInt(-3, 4); // small whole numbers: many ties
        case 1 -> r.nextInt(10) == 0 ? r.nextInt(1, 4) : 0; // a count series that is mostly 0
        case 2 -> 100 + 10 * Math.sin(i / 50.0) + r.nextDouble() * 5 + (r.nextInt(2000) == 0 ? 80 : 0); // the benchmark's
        case 3 -> r.nextInt(300) == 0 ? level + r.nextInt(-50, 50) : level; // constant with rare spikes
        case 4 -> new double[] {-0.0, 0.0, 1, -1}[r.nextInt(4)]; // signed zeros
        case 5 -> level += r.nextGaussian() + (r.nextInt(500) == 0 ? r.nextInt(-200, 200) : 0); // walk with shifts
        case 6 -> r.nextDouble(-1e6, 1e6); // a wide range
        case 7 -> 0.1 * (i / 100 % 5) + 0.1 * r.nextInt(3); // tenths: ties with inexact sums
        default -> Math.round(r.nextGaussian() * 4) * 0.25 + (i / 700 % 2) * 3; // quarters, level switching
      };
    }
    return v;
  }

  private static void assertSameScores(RobustZScoreDetector.Parameters p, double[] values) {
    double[] expected = new ReferenceRobustZScoreDetector(p).scores(values);
    double[] actual = new RobustZScoreDetector(p).scores(values);
    for (int i = 0; i < values.length; i++) {
      if (Double.doubleToRawLongBits(actual[i]) != Double.doubleToRawLongBits(expected[i])) {
        throw new AssertionError("score " + i + " of " + values.length + " with " + p + ": " + actual[i] + ", the reference "
            + expected[i]);
      }
    }
  }

  /** Random small parameters: windows 3–300 (both sides of a block of the sorted window), any other settings. */
  private static Gen<RobustZScoreDetector.Parameters> smallParameters() {
    return integers().between(3, 300).zip(doubles().between(0, 1), integers().between(1, 20), doubles().between(0, 1),
        (window, history, shortWindow, other) -> new RobustZScoreDetector.Parameters(window,
            3 + (int) (history * (window - 3)), shortWindow, other * 20, other * 0.1, 0.05 + other * 0.95,
            (int) (other * 200)));
  }

  @Test
  void defaultScoresEqualTheReferenceOnRandomSeries() {
    qt().withExamples(150).forAll(longs().all(), integers().between(0, SHAPES - 1), integers().between(0, 4000))
        .checkAssert((seed, shape, n) -> assertSameScores(RobustZScoreDetector.DEFAULTS, series(seed, shape, n)));
  }

  @Test
  void smallWindowScoresEqualTheReferenceOnRandomSeries() {
    qt().withExamples(400).forAll(longs().all(), integers().between(0, SHAPES - 1), integers().between(0, 1500),
        smallParameters()).checkAssert((seed, shape, n, p) -> assertSameScores(p, series(seed, shape, n)));
  }

  @Test
  void scoresEqualTheReferenceOnLongSeries() {
    RobustZScoreDetector.Parameters small = new RobustZScoreDetector.Parameters(64, 10, 5, 15, 0.02, 0.5, 20);
    for (int shape = 0; shape < SHAPES; shape++) {
      double[] values = series(shape, shape, 100_000);
      assertSameScores(RobustZScoreDetector.DEFAULTS, values);
      assertSameScores(small, values);
    }
  }

  @Test
  void scoresEqualTheReferenceOnTheNabCorpus() throws IOException {
    Path nab = Path.of("..", "..", "shared", "nab", "data");
    if (!Files.isDirectory(nab)) {
      nab = Path.of("..", "shared", "nab", "data");
    }
    assumeTrue(Files.isDirectory(nab), "NAB data not found next to the repository (../shared/nab): skipped");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(nab)) {
      files = walk.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    RobustZScoreDetector.Parameters small = new RobustZScoreDetector.Parameters(100, 10, 5, 15, 0.02, 0.5, 20);
    for (Path f : files) {
      double[] values = Files.readAllLines(f).stream().skip(1).filter(l -> !l.isBlank())
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1).trim())).toArray();
      assertSameScores(RobustZScoreDetector.DEFAULTS, values);
      assertSameScores(small, values);
    }
  }
}
