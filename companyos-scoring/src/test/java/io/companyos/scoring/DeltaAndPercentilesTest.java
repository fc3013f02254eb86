package io.companyos.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeltaAndPercentilesTest {

  @Test
  void mttrDownIsAnImprovement() {
    // 3.0 h against 4.0 h: absolute -1.0, percent -1/4 = -25%, outside the 2% band -> DOWN, lower is better -> improved.
    Delta d = Delta.of(3.0, 4.0, Direction.LOWER_IS_BETTER);
    assertThat(d.absolute()).isEqualTo(-1.0);
    assertThat(d.percent()).isEqualTo(-25.0);
    assertThat(d.trend()).isEqualTo(Trend.DOWN);
    assertThat(d.improved()).isTrue();
  }

  @Test
  void smallChangesAreFlatAndNeitherGoodNorBad() {
    // 101 vs 100: |1| <= 0.02 * 100 = 2 -> FLAT.
    Delta d = Delta.of(101, 100, Direction.HIGHER_IS_BETTER);
    assertThat(d.trend()).isEqualTo(Trend.FLAT);
    assertThat(d.improved()).isNull();
  }

  @Test
  void percentIsAbsentWhenThePreviousValueIsZero() {
    Delta d = Delta.of(5, 0, Direction.HIGHER_IS_BETTER);
    assertThat(d.percent()).isNull();
    assertThat(d.trend()).isEqualTo(Trend.UP);
    assertThat(Delta.of(0, 0, Direction.HIGHER_IS_BETTER).trend()).isEqualTo(Trend.FLAT);
  }

  @Test
  void percentileContInterpolatesLikeSql() {
    // [1,2,3,4]: rank 0.5*3 = 1.5 -> 2 + 0.5*(3-2) = 2.5
    assertThat(Percentiles.median(new double[] {4, 1, 3, 2})).hasValue(2.5);
    // 1..10, p85: rank 0.85*9 = 7.65 -> x[7]=8 + 0.65*(9-8) = 8.65
    assertThat(Percentiles.cont(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.85).getAsDouble()).isCloseTo(8.65, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Percentiles.median(new double[0])).isEmpty();
  }

  @Test
  void percentileByMakesTheValuesOfASortAroundTheRank() {
    // The definition, written out: sort, then x[floor r] + (r - floor r)(x[ceil r] - x[floor r]) with r = p(n - 1).
    // Values from a few small integers (many ties), wide doubles, and the special values a sort orders (NaN, -0.0, ±∞).
    double[] special = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5};
    qt().withExamples(400).forAll(integers().between(1, 3000), integers().between(0, 3), longs().all(), doubles().between(0, 1))
        .checkAssert((n, shape, seed, p) -> {
          Random random = new Random(seed);
          double[] values = new double[n];
          for (int i = 0; i < n; i++) {
            values[i] = switch (shape) {
              case 0 -> random.nextInt(5);
              case 1 -> (random.nextDouble() - 0.5) * 1e9;
              case 2 -> i; // already sorted: the selection's worst pivots without the median of three
              default -> random.nextInt(20) == 0 ? special[random.nextInt(special.length)] : random.nextInt(7);
            };
          }
          double[] before = values.clone();
          double[] sorted = values.clone();
          java.util.Arrays.sort(sorted);
          double rank = p * (n - 1);
          int lo = (int) Math.floor(rank);
          int hi = (int) Math.ceil(rank);
          double expected = sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
          assertThat(Double.doubleToLongBits(Percentiles.cont(values, p).getAsDouble()))
              .as("n=%d shape=%d p=%s", n, shape, p).isEqualTo(Double.doubleToLongBits(expected));
          assertThat(values).as("input unchanged").isEqualTo(before);
        });
  }

  @Test
  void medianOfAHandfulByHand() {
    // Even count: the two middle values of 9, 1, 7, 3, 5, 5 are 5 and 5 -> 5; of 10, 2, 8, 4 they are 4 and 8 -> 6.
    assertThat(Percentiles.median(new double[] {9, 1, 7, 3, 5, 5})).hasValue(5.0);
    assertThat(Percentiles.median(new double[] {10, 2, 8, 4})).hasValue(6.0);
    // 40 values 39..0 (reversed): rank 19.5 -> 19 + 0.5 * (20 - 19) = 19.5; p90: rank 35.1 -> 35 + 0.1 * 1 = 35.1
    double[] reversed = new double[40];
    for (int i = 0; i < 40; i++) {
      reversed[i] = 39 - i;
    }
    assertThat(Percentiles.median(reversed)).hasValue(19.5);
    assertThat(Percentiles.cont(reversed, 0.9).getAsDouble()).isCloseTo(35.1, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void medianIsInvariantUnderPermutation() {
    qt().forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 50)).checkAssert(values -> {
      List<Double> shuffled = new ArrayList<>(values);
      Collections.shuffle(shuffled, new Random(values.size()));
      assertThat(Percentiles.median(toArray(shuffled))).isEqualTo(Percentiles.median(toArray(values)));
    });
  }

  @Test
  void improvementAgreesWithTheGoodDirection() {
    qt().forAll(doubles().between(-1e6, 1e6), doubles().between(-1e6, 1e6)).checkAssert((cur, prev) -> {
      Delta up = Delta.of(cur, prev, Direction.HIGHER_IS_BETTER);
      Delta down = Delta.of(cur, prev, Direction.LOWER_IS_BETTER);
      if (up.improved() != null) {
        assertThat(up.improved()).isEqualTo(cur > prev);
        assertThat(down.improved()).isEqualTo(cur < prev);
      }
      assertThat(up.percent() == null).isEqualTo(prev == 0);
    });
  }

  private static double[] toArray(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
