package io.companyos.scoring.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  static double sum(double... values) {
    ExactSum s = new ExactSum();
    for (double v : values) {
      s.add(v);
    }
    return s.doubleValue();
  }

  @Test
  void handComputedSums() {
    assertThat(sum()).isZero();
    assertThat(sum(1031, 1561, 1793)).isEqualTo(4385.0);
    // In doubles 0.6 + 0.7 + 0.2 is 1.4999999999999998; as decimals it is 1.5.
    assertThat(sum(0.6, 0.7, 0.2)).isEqualTo(1.5);
    // Whole and fractional values together: 1 + 0.1 + 2 = 3.1, and 0.1 + 0.2 = 0.3 (not 0.30000000000000004).
    assertThat(sum(1, 0.1, 2)).isEqualTo(3.1);
    assertThat(sum(0.1, 0.2)).isEqualTo(0.3);
    assertThat(sum(-5, 3, -0.0, 2)).isEqualTo(0.0);
    assertThat(sum(-2.5, 1)).isEqualTo(-1.5);
  }

  @Test
  void aWholeSumBeyondALongStaysExact() {
    // 2^53 − 1 two thousand times is about 1.8e19, beyond a long (9.2e18): the sum must not wrap.
    double big = 9_007_199_254_740_991.0;
    ExactSum s = new ExactSum();
    for (int i = 0; i < 2000; i++) {
      s.add(big);
    }
    assertThat(s.finite()).isEqualByComparingTo(new BigDecimal("18014398509481982000"));
    assertThat(s.doubleValue()).isEqualTo(1.8014398509481982e19);
    // and back down through zero with negative values
    for (int i = 0; i < 2000; i++) {
      s.add(-big);
    }
    assertThat(s.finite()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void valuesThatAreNotFiniteAreAddedAsDoubles() {
    assertThat(sum(1, Double.NaN)).isNaN();
    assertThat(sum(1, Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(sum(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isNaN();
    // a whole number of 2^53 or more (a double, not a long's range) goes to the decimal
    assertThat(sum(1e300, 1)).isEqualTo(1e300);
  }

  /** The sum of shortest decimals, made from scratch: what the sum must equal, whatever the order of the values. */
  @Test
  void everySumIsTheSumOfTheShortestDecimalsInAnyOrder() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, n) -> {
      Random r = new Random(seed);
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(switch (r.nextInt(6)) {
          case 0 -> (double) r.nextInt(5000); // counters
          case 1 -> r.nextInt(100_000) / 100.0; // cents
          case 2 -> (r.nextBoolean() ? 1 : -1) * (double) (r.nextLong() >>> 11); // whole, up to 2^53
          case 3 -> r.nextGaussian() * 1e6;
          case 4 -> -(double) r.nextInt(50);
          default -> r.nextDouble();
        });
      }
      BigDecimal expected = BigDecimal.ZERO;
      for (double v : values) {
        expected = expected.add(BigDecimal.valueOf(v));
      }
      Collections.shuffle(values, r);
      ExactSum s = new ExactSum();
      values.forEach(s::add);
      assertThat(s.finite()).isEqualByComparingTo(expected);
      assertThat(s.doubleValue()).isEqualTo(expected.doubleValue());
    });
  }
}
