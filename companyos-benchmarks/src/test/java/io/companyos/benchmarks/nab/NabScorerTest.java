package io.companyos.benchmarks.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {
  static final NabScorer.Profile STANDARD = new NabScorer.Profile("standard", 1.0, 0.11, 1.0);

  /** 20 points, one window [10, 13]; probation = floor(0.15 × 20) = 3 points. */
  static NabScorer.File file(int detectAt, int fpAt) {
    double[] s = new double[20];
    s[detectAt] = 0.9;
    s[fpAt] = 0.7;
    return new NabScorer.File("f", s, List.of(new int[] {10, 13}));
  }

  @Test
  void aDetectionAtTheWindowStartIsPerfect() {
    // Detection at 10: p = -(13 - 10 + 1) / 4 = -1 -> S(-1) / S(-1) = 1. Best threshold 0.9 (the FP at 0.7 would cost 0.11).
    // null = -1 (one missed window), perfect = 1 -> normalized 100 * (1 - -1) / (1 - -1) = 100.
    NabScorer.Result r = NabScorer.score(List.of(file(10, 5)), STANDARD);
    assertThat(r.threshold()).isEqualTo(0.9);
    assertThat(r.raw()).isCloseTo(1.0, within(1e-12));
    assertThat(r.normalized()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void aLateDetectionEarnsLessByTheScaledSigmoid() {
    // Detection at 12: p = -(13 - 12 + 1) / 4 = -0.5; S(-0.5) = 2/(1 + e^-2.5) - 1 = 0.848284; / S(-1) 0.986614 = 0.859793.
    // normalized = 100 * (0.859793 + 1) / 2 = 92.99.
    NabScorer.Result r = NabScorer.score(List.of(file(12, 5)), STANDARD);
    assertThat(r.raw()).isCloseTo(0.8597925669, within(1e-9));
    assertThat(r.normalized()).isCloseTo(92.98962834, within(1e-6));
  }

  @Test
  void falsePositivesCostByTheirDistanceFromTheLastWindow() {
    // The FP at 16: p = |13 - 16| / (4 - 1) = 1 -> S(1) = -0.98661 -> x 0.11 = -0.108528.
    assertThat(NabScorer.sweep(file(10, 16), STANDARD, 0)).anySatisfy(p -> {
      assertThat(p.anomalyScore()).isEqualTo(0.7);
      assertThat(p.sweepScore()).isCloseTo(-0.1085275728, within(1e-9));
      assertThat(p.window()).isEqualTo(-1);
    });
    // Probationary points (0, 1, 2) are not scored.
    assertThat(NabScorer.sweep(file(10, 16), STANDARD, 0)).hasSize(17);
  }

  @Test
  void aFixedThresholdCountsOnlyTheDetectionsAtOrAboveIt() {
    // Detection 0.9 at 12 (in the window, 0.859793) and 0.7 at 16 (an FP, -0.108528).
    // At 0.9: raw 0.859793. At 0.7: both, 0.859793 - 0.108528 = 0.751265. At 0.95: no detection, the missed window, -1.
    List<NabScorer.File> f = List.of(file(12, 16));
    assertThat(NabScorer.scoreAt(f, STANDARD, 0.9).raw()).isCloseTo(0.8597925669, within(1e-9));
    assertThat(NabScorer.scoreAt(f, STANDARD, 0.7).raw()).isCloseTo(0.8597925669 - 0.1085275728, within(1e-9));
    assertThat(NabScorer.scoreAt(f, STANDARD, 0.95).raw()).isEqualTo(-1.0);
    assertThat(NabScorer.scoreAt(f, STANDARD, 0.95).normalized()).isEqualTo(0.0);
    // At the threshold the sweep chose, the fixed-threshold score is the swept best.
    NabScorer.Result best = NabScorer.score(f, STANDARD);
    assertThat(NabScorer.scoreAt(f, STANDARD, best.threshold()).raw()).isCloseTo(best.raw(), within(1e-12));
  }

  @Test
  void onTheRealCorpusTheNullDetectorScoresZeroAndThePerfectOneHundred() throws Exception {
    Path nab = Path.of("..", "..", "shared", "nab");
    if (!Files.isDirectory(nab)) {
      nab = Path.of("..", "shared", "nab");
    }
    assumeTrue(Files.isDirectory(nab.resolve("labels")), "NAB data not found next to the repository (../shared/nab): skipped");
    List<NabEvaluation.LabelledFile> corpus = NabEvaluation.load(nab).subList(0, 8);
    NabScorer.Profile standard = NabEvaluation.profiles(nab).get(0);
    assertThat(NabEvaluation.evaluate(corpus, List.of(standard), () -> v -> new double[v.length]).get(0).normalized()).isZero();
    // The perfect detector flags the first point of every window.
    List<NabScorer.File> perfect = new ArrayList<>();
    for (NabEvaluation.LabelledFile f : corpus) {
      double[] s = new double[f.values().length];
      f.windows().forEach(w -> s[w[0]] = 1.0);
      perfect.add(new NabScorer.File(f.name(), s, f.windows()));
    }
    assertThat(NabScorer.score(perfect, standard).normalized()).isCloseTo(100.0, within(1e-9));
  }
}
