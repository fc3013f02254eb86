package io.companyos.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.dora.DoraResult;
import io.companyos.scoring.sprint.QualityMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in approximate medians ({@code percentile_approx}): on the hand-made sets of {@link DoraHandMadeTest} and
 * {@link QualityHandMadeTest}, and on 5 000 values, a median so found is one of the values and its rank is within the
 * stated error of the exact median's; the results say so; exact stays the default.
 */
class ApproximateMediansTest {
  static SparkTables tables;

  @BeforeAll
  static void write(@TempDir Path dir) throws IOException {
    DoraHandMadeTest.writeCsv(dir);
    QualityHandMadeTest.writeCsv(dir);
    tables = CsvTables.tables(dir);
  }

  @Test
  void theDoraMediansAreValuesWithinTheRankError() {
    SparkResult<DoraResult> exact = SparkKpis.over(tables).dora(DoraHandMadeTest.WEEK, DoraBenchmark.newest());
    assertThat(exact.exact()).isTrue();
    assertThat(exact.value().leadTimeHoursMedian()).hasValue(15.0); // interpolated half way from 6 to 24

    SparkResult<DoraResult> approx = SparkKpis.over(tables).approximatePercentiles(10).dora(DoraHandMadeTest.WEEK,
        DoraBenchmark.newest());
    assertThat(approx.exact()).isFalse();
    assertThat(approx.approximation())
        .isEqualTo("≈ medians by percentile_approx, accuracy 10: rank error at most 10% of the values counted");
    // Lead times 1, 6, 24, 72 h; times to restore 0.5, 2, 60 h (DoraHandMadeTest).
    assertWithinRankError(approx.value().leadTimeHoursMedian(), new double[] {1, 6, 24, 72}, 10);
    assertWithinRankError(approx.value().timeToRestoreHoursMedian(), new double[] {0.5, 2, 60}, 10);
    // The counts are not approximated.
    assertThat(approx.value().deployments()).isEqualTo(exact.value().deployments());
    assertThat(approx.value().changesDeployed()).isEqualTo(exact.value().changesDeployed());
  }

  @Test
  void theReviewTurnaroundIsAValueWithinTheRankError() {
    SparkResult<QualityMetrics.ReviewTurnaround> approx = SparkKpis.over(tables).approximatePercentiles(1000)
        .reviewTurnaround(QualityHandMadeTest.WEEK);
    assertThat(approx.approximation())
        .isEqualTo("≈ medians by percentile_approx, accuracy 1000: rank error at most 0.1% of the values counted");
    assertWithinRankError(approx.value().medianHours(), new double[] {0, 0, 0.5, 0.75, 1, 2.5, 380 / 60.0, 12, 24, 25},
        1000);
    assertThat(approx.value().reviewed()).hasSize(10); // the evidence is exact
  }

  @Test
  void onManyValuesTheApproximateMedianIsWithinTheRankErrorOfTheExactOne() {
    // 0 … 4999 in a scrambled order: the exact median is 2499.5, and a value's rank is the value itself.
    Dataset<Row> values = LocalSpark.session().range(5000).select(functions.pmod(functions.col("id").multiply(7919),
        functions.lit(5000)).cast("double").as("v")).repartition(4);
    SparkKpis kpis = SparkKpis.over(tables);
    assertThat(kpis.median(values, "v")).hasValue(2499.5);
    for (int accuracy : new int[] {20, 100, 1000}) {
      double[] sorted = new double[5000];
      Arrays.setAll(sorted, i -> i);
      assertWithinRankError(kpis.approximatePercentiles(accuracy).median(values, "v"), sorted, accuracy);
    }
  }

  @Test
  void anAccuracyBelowOneIsRefused() {
    assertThatThrownBy(() -> SparkKpis.over(tables).approximatePercentiles(0))
        .hasMessage("accuracy must be at least 1, was 0");
  }

  /**
   * The median found is one of {@code sorted} and its rank interval (values below it, values at or below it) comes
   * within {@code n / accuracy} of {@code n / 2}.
   */
  private static void assertWithinRankError(OptionalDouble median, double[] sorted, int accuracy) {
    assertThat(median).isPresent();
    double v = median.getAsDouble();
    assertThat(sorted).contains(v);
    long below = Arrays.stream(sorted).filter(x -> x < v).count();
    long atOrBelow = Arrays.stream(sorted).filter(x -> x <= v).count();
    double n = sorted.length;
    double error = n / accuracy;
    assertThat((double) below).isLessThanOrEqualTo(n / 2 + error);
    assertThat((double) atOrBelow).isGreaterThanOrEqualTo(n / 2 - error);
  }
}
