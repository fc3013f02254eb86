package io.companyos.scoring.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustZScoreDetectorTest {
  /** Window 50, 10 points of history, no short mean, no extreme rule, suppression of 5 points after 0.5. */
  static final RobustZScoreDetector PLAIN = new RobustZScoreDetector(new RobustZScoreDetector.Parameters(50, 10, 1, 0, 0, 0.5, 5));

  static double[] alternating(int n, double... tail) {
    double[] v = new double[n + tail.length];
    for (int i = 0; i < n; i++) {
      v[i] = i % 2 == 0 ? 10 : 12;
    }
    System.arraycopy(tail, 0, v, n, tail.length);
    return v;
  }

  @Test
  void aValueThatIsNotFiniteIsAGapThatScoresZeroAndChangesNothingAfterIt() {
    // A series with a level shift at 300, and the same series with NaN and infinities put in at 5 places.
    double[] series = new double[400];
    for (int i = 0; i < series.length; i++) {
      series[i] = (i % 7) + (i >= 300 ? 40 : 0);
    }
    int[] gaps = {0, 50, 299, 300, 399};
    double[] withGaps = new double[series.length + gaps.length];
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Double.NaN};
    int g = 0;
    int j = 0;
    for (int i = 0; i <= series.length; i++) {
      while (g < gaps.length && gaps[g] == i) {
        withGaps[j++] = bad[g++];
      }
      if (i < series.length) {
        withGaps[j++] = series[i];
      }
    }
    double[] plain = RobustZScoreDetector.defaults().scores(series);
    double[] scored = RobustZScoreDetector.defaults().scores(withGaps);
    // The gaps score 0; every other value scores what it scores in the series without the gaps.
    double[] rest = new double[series.length];
    int k = 0;
    for (int i = 0; i < withGaps.length; i++) {
      if (Double.isFinite(withGaps[i])) {
        rest[k++] = scored[i];
      } else {
        assertThat(scored[i]).isZero();
      }
    }
    assertThat(rest).containsExactly(plain);
    assertThat(plain[300]).isGreaterThan(0.8); // the shift is still found
  }

  @Test
  void aSpikeScoresByItsRobustDistance() {
    // 30 values alternating 10, 12: median 11, MAD 1 -> 1.4826, sd 1 -> spread 1.4826.
    // 20 lies 9 / 1.4826 = 6.0704 spreads away (its change of 8 only (8 - 2) / 1.9988 = 3.0018):
    // score = 6.0704^2 / (6.0704^2 + 9) = 0.80371.
    double[] s = PLAIN.scores(alternating(30, 20));
    assertThat(s[30]).isCloseTo(0.8037075738, within(1e-9));
    assertThat(Arrays.stream(s, 10, 30)).allSatisfy(x -> assertThat(x).isLessThan(0.5));
  }

  @Test
  void aRepeatedSpikeWithinTheSuppressionIsReportedOnce() {
    // The second 20 comes two points later: its raw score is not above the first alarm, so it scores 0.
    double[] s = PLAIN.scores(alternating(30, 20, 10, 20));
    assertThat(s[30]).isGreaterThan(0.8);
    assertThat(s[32]).isZero();
  }

  @Test
  void constantSeriesNeverFlag() {
    double[] flat = new double[500];
    Arrays.fill(flat, 5.0);
    assertThat(RobustZScoreDetector.defaults().scores(flat)).containsOnly(0.0);
    double[] zeros = new double[500]; // a count series that is always 0
    assertThat(RobustZScoreDetector.defaults().scores(zeros)).containsOnly(0.0);
  }

  @Test
  void scoresStayBetweenZeroAndOne() {
    qt().forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(0, 300)).checkAssert(values -> {
      for (double x : RobustZScoreDetector.defaults().scores(toArray(values))) {
        assertThat(x).isBetween(0.0, 1.0);
      }
    });
  }

  @Test
  void appendingFuturePointsNeverChangesPastScores() {
    qt().forAll(lists().of(doubles().between(-1000, 1000)).ofSizeBetween(1, 200), integers().between(0, 200)).checkAssert((values, cut) -> {
      double[] all = toArray(values);
      int k = Math.min(cut, all.length);
      double[] prefix = Arrays.copyOf(all, k);
      assertThat(PLAIN.scores(prefix)).containsExactly(Arrays.copyOf(PLAIN.scores(all), k));
    });
  }

  @Test
  void aStreamScoresEachValueAsTheWholeSeriesDoes() {
    qt().forAll(lists().of(integers().between(-20, 20)).ofSizeBetween(0, 400)).checkAssert(values -> {
      double[] all = values.stream().mapToDouble(Integer::doubleValue).toArray();
      RobustZScoreDetector.Stream stream = RobustZScoreDetector.defaults().stream();
      double[] streamed = new double[all.length];
      for (int i = 0; i < all.length; i++) {
        streamed[i] = stream.next(all[i]);
      }
      assertThat(streamed).containsExactly(RobustZScoreDetector.defaults().scores(all));
    });
  }

  @Test
  void theWindowsSpreadIsTheMedianAbsoluteDeviationOfASortedCopy() {
    // Whole numbers keep the running sums exact, so both windows and a sort from scratch must agree to the bit; small
    // ranges give many ties (long runs of equal values for the ranked window's cursors), windows of 7 and 8 test odd
    // and even sizes.
    qt().forAll(lists().of(integers().between(-6, 6)).ofSizeBetween(1, 120), integers().between(7, 8)).checkAssert((values, capacity) -> {
      double[] all = values.stream().mapToDouble(Integer::doubleValue).toArray();
      RobustZScoreDetector.SlidingWindow sliding = new RobustZScoreDetector.SlidingWindow(capacity);
      RankedWindow ranked = RankedWindow.of(all, capacity);
      for (int i = 0; i < all.length; i++) {
        sliding.add(all[i]);
        ranked.add(all[i]);
        double[] last = Arrays.stream(all, Math.max(0, i + 1 - capacity), i + 1).sorted().toArray();
        double median = medianOfSorted(last);
        double[] deviations = Arrays.stream(last).map(v -> Math.abs(v - median)).sorted().toArray();
        double mean = Arrays.stream(last).sum() / last.length;
        double sd = Math.sqrt(Math.max(0, Arrays.stream(last).map(v -> v * v).sum() / last.length - mean * mean));
        double spread = Math.max(Math.max(medianOfSorted(deviations) * 1.4826, sd), Math.max(0.01 * Math.abs(median), 1e-9));
        assertThat(sliding.distance(10)).as("after %s", values.subList(0, i + 1)).isEqualTo(Math.abs(10 - median) / spread);
        assertThat(ranked.distance(10)).as("ranked, after %s", values.subList(0, i + 1)).isEqualTo(Math.abs(10 - median) / spread);
      }
    });
  }

  @Test
  void rankingGivesEqualValuesOneRankInValueOrder() {
    // Sorted: -inf, -2.5, -0.0 = 0.0, 3 (twice), 1e300, inf.
    double[] values = {3, -0.0, Double.POSITIVE_INFINITY, -2.5, 0.0, 3, Double.NEGATIVE_INFINITY, 1e300};
    int[] ranks = new int[values.length];
    double[] valueOf = new double[values.length];
    assertThat(RankedWindow.rank(values, ranks, valueOf)).isEqualTo(6);
    assertThat(ranks).containsExactly(3, 2, 5, 1, 2, 3, 0, 4);
    assertThat(Arrays.copyOf(valueOf, 6)).containsExactly(Double.NEGATIVE_INFINITY, -2.5, 0.0, 3, 1e300, Double.POSITIVE_INFINITY);
    assertThat(Double.doubleToRawLongBits(valueOf[2])).as("the rank of both zeros holds 0.0").isZero();
    assertThat(RankedWindow.rank(new double[0], new int[0], new double[0])).isZero();
  }

  @Test
  void aRankedWindowFarFromItsNeighboursInRankFindsThem() {
    // 5000 distinct values, then a window of 3 that holds the smallest, the largest and one in the middle: the ranks
    // held lie thousands apart (many empty words of the bitmap between them), and the middle value is the median.
    double[] values = new double[5003];
    for (int i = 0; i < 5000; i++) {
      values[i] = i;
    }
    values[5000] = 0;
    values[5001] = 4999;
    values[5002] = 2500;
    RankedWindow window = RankedWindow.of(values, 3);
    for (double v : values) {
      window.add(v);
    }
    // Window 0, 4999, 2500: median 2500; deviations 0, 2499, 2500, so the MAD is 2499 (3704.9574 scaled); the
    // standard deviation is √((0 + 4999² + 2500²) / 3 − 2499.67²) ≈ 2040.8, so the scaled MAD is the spread.
    assertThat(window.distance(2500 + 2499 * 1.4826)).isCloseTo(1, within(1e-12));
  }

  @Test
  void theSpreadIsTheStandardDeviationWhenAnOutlierOutweighsTheMadAndTheMadOnceItLeaves() {
    RobustZScoreDetector.SlidingWindow window = new RobustZScoreDetector.SlidingWindow(5);
    for (double v : new double[] {0, 1, 2, 3, 100}) {
      window.add(v);
    }
    // Median 2; deviations 0, 1, 1, 2, 98, so the MAD is 1 (1.4826 scaled); mean 21.2 and the standard deviation
    // √(10014 / 5 − 21.2²) = √1553.36 ≈ 39.41, which is the spread.
    double sd = Math.sqrt(1553.36);
    assertThat(window.distance(2 + 2 * sd)).isCloseTo(2, within(1e-9));
    // 4 and then 5, 6, 7, 8 push the outlier out: the window 4..8 has median 6, deviations 0, 1, 1, 2, 2 (MAD 1) and a
    // standard deviation of √2 ≈ 1.414 < 1.4826, so the scaled MAD is the spread again.
    window.add(4);
    assertThat(window.distance(3)).isCloseTo(0, within(1e-12));
    for (double v : new double[] {5, 6, 7, 8}) {
      window.add(v);
    }
    assertThat(window.distance(6 + 3 * 1.4826)).isCloseTo(3, within(1e-9));
    assertThat(window.distance(6 - 1.4826)).isCloseTo(1, within(1e-9));
  }

  private static double medianOfSorted(double[] a) {
    int n = a.length;
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  private static double[] toArray(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
