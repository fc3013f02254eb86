package io.companyos.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * How a Spark result was approximated, as data: the kinds and bounds a job reads, and the sentences
 * {@link SparkResult#approximation()} has always returned.
 */
class ApproximationTest {
  @Test
  void aDistinctCountApproximationHoldsItsRelativeStandardDeviation() {
    Approximation a = Approximation.distinctCounts(0.01);
    assertThat(a.kinds()).containsExactly(Approximation.Kind.DISTINCT_COUNTS);
    assertThat(a.uses(Approximation.Kind.MEDIANS)).isFalse();
    assertThat(a.relativeStandardDeviation()).hasValue(0.01);
    assertThat(a.medianAccuracy()).isEmpty();
    // 0.01 × 100 = 1, written without a decimal point
    assertThat(a.text()).isEqualTo("≈ HyperLogLog++ distinct counts, relative standard deviation 1%");
    assertThat(Approximation.distinctCounts(0.025).text())
        .isEqualTo("≈ HyperLogLog++ distinct counts, relative standard deviation 2.5%");
  }

  @Test
  void aMedianApproximationHoldsItsAccuracyAndStatesTheRankError() {
    Approximation a = Approximation.medians(1000);
    assertThat(a.kinds()).containsExactly(Approximation.Kind.MEDIANS);
    assertThat(a.medianAccuracy()).hasValue(1000);
    assertThat(a.relativeStandardDeviation()).isEmpty();
    // 100 / 1000 = 0.1 %
    assertThat(a.text())
        .isEqualTo("≈ medians by percentile_approx, accuracy 1000: rank error at most 0.1% of the values counted");
    // 100 / 3 = 33.33333333333333 (16 significant digits)
    assertThat(Approximation.medians(3).text())
        .isEqualTo("≈ medians by percentile_approx, accuracy 3: rank error at most 33.33333333333333% of the values counted");
  }

  @Test
  void aResultUsingBothKindsHoldsBothBoundsAndBothSentences() {
    Approximation both = Approximation.medians(10).and(Approximation.distinctCounts(0.05));
    assertThat(both).isEqualTo(new Approximation(OptionalDouble.of(0.05), OptionalInt.of(10)));
    assertThat(both.kinds()).containsExactlyInAnyOrder(Approximation.Kind.DISTINCT_COUNTS, Approximation.Kind.MEDIANS);
    assertThat(both.text()).isEqualTo("≈ HyperLogLog++ distinct counts, relative standard deviation 5%; "
        + "≈ medians by percentile_approx, accuracy 10: rank error at most 10% of the values counted");
    assertThat(Approximation.parse(both.text())).isEqualTo(both);
  }

  @Test
  void boundsOutsideSparksRangeAreRefused() {
    assertThatThrownBy(() -> Approximation.distinctCounts(0.4))
        .hasMessage("relative standard deviation must be in (0, 0.39], was 0.4");
    assertThatThrownBy(() -> Approximation.medians(0)).hasMessage("median accuracy must be at least 1, was 0");
    assertThatThrownBy(() -> new Approximation(OptionalDouble.empty(), OptionalInt.empty()))
        .hasMessageContaining("needs a relative standard deviation, a median accuracy or both");
  }

  @Test
  @SuppressWarnings("deprecation")
  void aSparkResultGivesTheSentenceAndTheData() {
    Provenance p = Provenance.of("spark", "q", new TimeWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)), Instant.EPOCH);
    SparkResult<Long> approximate = new SparkResult<>(4L, p, Map.of(), Approximation.distinctCounts(0.01));
    assertThat(approximate.exact()).isFalse();
    assertThat(approximate.approximation()).isEqualTo("≈ HyperLogLog++ distinct counts, relative standard deviation 1%");
    assertThat(approximate.approximatedBy().relativeStandardDeviation()).hasValue(0.01);

    SparkResult<Long> exact = new SparkResult<>(4L, p, Map.of());
    assertThat(exact.exact()).isTrue();
    assertThat(exact.approximation()).isNull();
    assertThat(exact.approximatedBy()).isNull();

    // The sentence-taking constructor of earlier releases reads the sentence back into data.
    SparkResult<Long> fromText = new SparkResult<>(4L, p, Map.of(),
        "≈ medians by percentile_approx, accuracy 10: rank error at most 10% of the values counted");
    assertThat(fromText.approximatedBy()).isEqualTo(Approximation.medians(10));
    assertThatThrownBy(() -> new SparkResult<>(4L, p, Map.of(), "roughly")).isInstanceOf(IllegalArgumentException.class);
  }
}
