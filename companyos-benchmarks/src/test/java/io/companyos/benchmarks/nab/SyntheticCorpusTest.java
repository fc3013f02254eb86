package io.companyos.benchmarks.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  @Test
  void theSameSeedGivesTheSameCorpus() {
    List<NabEvaluation.LabelledFile> a = SyntheticCorpus.generate(SyntheticCorpus.SEED, 12);
    List<NabEvaluation.LabelledFile> b = SyntheticCorpus.generate(SyntheticCorpus.SEED, 12);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
      assertThat(a.get(i).values()).containsExactly(b.get(i).values());
    }
    assertThat(SyntheticCorpus.generate(SyntheticCorpus.SEED + 1, 1).get(0).values()).isNotEqualTo(a.get(0).values());
  }

  @Test
  void windowsFollowNabsConventions() {
    for (NabEvaluation.LabelledFile f : SyntheticCorpus.generate(SyntheticCorpus.SEED, 60)) {
      int n = f.values().length;
      assertThat(f.windows()).hasSizeBetween(1, 4);
      int shared = (int) (0.10 * n / f.windows().size());
      int previousEnd = -1;
      for (int[] w : f.windows()) {
        // After the probationary 15%, in order, not overlapping, each a share of 10% of the series.
        assertThat(w[0]).as(f.name()).isGreaterThan(NabScorer.probation(n)).isGreaterThan(previousEnd);
        assertThat(w[1] - w[0] + 1).as(f.name()).isEqualTo(shared);
        assertThat(w[1]).isLessThan(n);
        previousEnd = w[1];
      }
      assertThat(java.util.Arrays.stream(f.values()).allMatch(v -> Double.isFinite(v) && v >= 0)).as(f.name()).isTrue();
    }
  }

  @Test
  void everyNoiseShapeAndAnomalyKindOccurs() {
    String names = String.join(" ", SyntheticCorpus.generate(SyntheticCorpus.SEED, 60).stream().map(NabEvaluation.LabelledFile::name).toList());
    for (String s : List.of("gaussian", "heavy_tailed", "sparse_counts", "random_walk", "coarse_integers", "growth",
        "spike", "level_shift", "outage", "variance_burst", "trend_change", "lost_cycle")) {
      assertThat(names).contains(s);
    }
  }
}
