package io.companyos.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Examples of each scoring function with the arithmetic worked out by hand. */
class ScoringFunctionsTest {

  @Test
  void deltaIsDifferenceAndPercentOfPrevious() {
    // 12 against 10: +2, and 2 / 10 = +20%.
    PeriodDelta d = PeriodDelta.between(12, 10);
    assertThat(d.absolute()).isEqualTo(2.0);
    assertThat(d.percent().getAsDouble()).isCloseTo(20.0, within(1e-9));
    assertThat(d.sign()).isEqualTo(1);
    // From a negative previous value the percentage is relative to its size: (-5 - -10) / 10 = +50%.
    assertThat(PeriodDelta.between(-5, -10).percent().getAsDouble()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void deltaFromZeroHasNoPercentAndTinyChangesAreFlat() {
    assertThat(PeriodDelta.between(3, 0).percent()).isEmpty();
    // 1000.4 against 1000: +0.04%, below the 0.5% flat band.
    assertThat(PeriodDelta.between(1000.4, 1000).sign()).isZero();
    assertThatThrownBy(() -> PeriodDelta.between(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorBudgetFollowsTheSreWorkbook() {
    // Target 99.9% over 100,000 requests: budget (1 - 0.999) * 100000 = 100 errors.
    // 25 errors: attainment 1 - 25/100000 = 0.99975; remaining 1 - 25/100 = 0.75.
    ErrorBudget b = new ErrorBudget(0.999, 100_000, 25);
    assertThat(b.attainment()).isCloseTo(0.99975, within(1e-12));
    assertThat(b.remaining()).isCloseTo(0.75, within(1e-12));
    assertThat(b.met()).isTrue();
    // 150 errors overspend: 1 - 150/100 = -0.5, attainment 0.9985 < 0.999.
    ErrorBudget over = new ErrorBudget(0.999, 100_000, 150);
    assertThat(over.remaining()).isCloseTo(-0.5, within(1e-12));
    assertThat(over.met()).isFalse();
  }

  @Test
  void doraMetricsFromPlainNumbers() {
    // 21 deploys in 7 days = 3 per day; 2 of 20 failed = 10%.
    assertThat(DoraMetrics.deploymentFrequency(21, 7).getAsDouble()).isEqualTo(3.0);
    assertThat(DoraMetrics.changeFailureRatePercent(2, 20).getAsDouble()).isEqualTo(10.0);
    assertThat(DoraMetrics.changeFailureRatePercent(0, 0)).isEmpty();
    // Lead times 1 h, 3 h, 10 h: median 3 h. With a fourth of 5 h: (3 + 5) / 2 = 4 h.
    assertThat(DoraMetrics.leadTimeHours(List.of(Duration.ofHours(1), Duration.ofHours(10), Duration.ofHours(3))).getAsDouble())
        .isEqualTo(3.0);
    assertThat(DoraMetrics.leadTimeHours(List.of(Duration.ofHours(1), Duration.ofHours(10), Duration.ofHours(3),
        Duration.ofHours(5))).getAsDouble()).isEqualTo(4.0);
    // Restore times 30 min and 90 min: mean 1 h.
    assertThat(DoraMetrics.timeToRestoreHours(List.of(Duration.ofMinutes(30), Duration.ofMinutes(90))).getAsDouble())
        .isEqualTo(1.0);
  }

  @Test
  void npsIsPromotersMinusDetractors() {
    // 10, 9, 8, 6, 3: promoters 2 (40%), passive 1, detractors 2 (40%) → 0.
    assertThat(NetPromoterScore.of(List.of(10, 9, 8, 6, 3)).getAsDouble()).isEqualTo(0.0);
    // 10, 10, 10, 0: 75% - 25% = 50.
    assertThat(NetPromoterScore.of(List.of(10, 10, 10, 0)).getAsDouble()).isEqualTo(50.0);
    assertThat(NetPromoterScore.of(List.of())).isEmpty();
    assertThatThrownBy(() -> NetPromoterScore.of(List.of(11))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void linearForecastExtendsTheLeastSquaresLine() {
    // 2, 4, 6 lie on y = 2 + 2x; the next two values are 8 and 10, sum 18.
    assertThat(LinearForecast.nextSum(List.of(2.0, 4.0, 6.0), 2).getAsDouble()).isCloseTo(18.0, within(1e-9));
    // Skipping one step: x = 4 and 5 give 10 + 12 = 22.
    assertThat(LinearForecast.sumAhead(List.of(2.0, 4.0, 6.0), 1, 2).getAsDouble()).isCloseTo(22.0, within(1e-9));
    // Average method: mean 4 over 3 steps = 12.
    assertThat(LinearForecast.averageSum(List.of(2.0, 4.0, 6.0), 3).getAsDouble()).isEqualTo(12.0);
    assertThat(LinearForecast.nextSum(List.of(5.0), 3)).isEmpty();
  }

  @Test
  void normalisationIsLinearAndClamped() {
    // 75 between worst 50 and best 100: (75 - 50) / 50 = 50.
    assertThat(Normalize.linear(75, 50, 100)).isEqualTo(50.0);
    // Lower is better: 2 between worst 10 and best 0 → (2 - 10) / (0 - 10) = 80.
    assertThat(Normalize.linear(2, 10, 0)).isEqualTo(80.0);
    assertThat(Normalize.linear(200, 50, 100)).isEqualTo(100.0);
    assertThat(Normalize.linear(-5, 0, 10)).isEqualTo(0.0);
  }

  @Test
  void compositeLeavesMissingComponentsOut() {
    // (80 * 1 + 60 * 3) / 4 = 65; the missing one does not count as zero.
    OptionalDouble s = CompositeScore.of(List.of(
        new CompositeScore.Component("a", OptionalDouble.of(80), 1),
        new CompositeScore.Component("b", OptionalDouble.of(60), 3),
        new CompositeScore.Component("c", OptionalDouble.empty(), 5)));
    assertThat(s.getAsDouble()).isEqualTo(65.0);
    assertThat(CompositeScore.of(List.of(new CompositeScore.Component("c", OptionalDouble.empty(), 1)))).isEmpty();
    assertThat(CompositeScore.status(80)).isEqualTo("Healthy");
    assertThat(CompositeScore.status(79.9)).isEqualTo("Watch");
    assertThat(CompositeScore.status(59)).isEqualTo("At risk");
  }

  @Test
  void okrProgressWorksInBothDirections() {
    // 100 → 200, now 170: 70/100 = 0.7 "on track".
    assertThat(OkrProgress.of(100, 200, 170)).isCloseTo(0.7, within(1e-12));
    assertThat(OkrProgress.status(0.7)).isEqualTo("on track");
    // Lower is better: 9 → 4, now 7: (7 - 9) / (4 - 9) = 0.4 "at risk".
    assertThat(OkrProgress.of(9, 4, 7)).isCloseTo(0.4, within(1e-12));
    assertThat(OkrProgress.status(0.4)).isEqualTo("at risk");
    assertThat(OkrProgress.of(100, 200, 250)).isEqualTo(1.0);
    assertThat(OkrProgress.status(1.0)).isEqualTo("achieved");
    assertThat(OkrProgress.status(0.39)).isEqualTo("off track");
  }

  @Test
  void robustZScoreUsesMedianAndMad() {
    // Sample 1, 2, 3, 4, 100: median 3; deviations 2, 1, 0, 1, 97 → MAD 1.
    // x = 100: 0.6745 * 97 / 1 = 65.4265; confidence 1 - 3.5 / 65.4265 = 0.946505...
    List<Double> sample = List.of(1.0, 2.0, 3.0, 4.0, 100.0);
    double z = RobustZScore.of(100, sample).getAsDouble();
    assertThat(z).isCloseTo(65.4265, within(1e-9));
    assertThat(RobustZScore.confidence(z)).isCloseTo(1 - 3.5 / 65.4265, within(1e-9));
    // x = 4: 0.6745 * 1 = 0.6745, below the cut-off → confidence 0.
    assertThat(RobustZScore.confidence(RobustZScore.of(4, sample).getAsDouble())).isZero();
    assertThat(RobustZScore.of(5, List.of(2.0, 2.0, 2.0))).isEmpty();
  }

  @Test
  void vulnerabilitySlaBySeverity() {
    assertThat(VulnerabilitySla.allowed("critical")).isEqualTo(Duration.ofDays(7));
    assertThat(VulnerabilitySla.allowed("High")).isEqualTo(Duration.ofDays(30));
    assertThat(VulnerabilitySla.breached("critical", Duration.ofDays(8))).isTrue();
    assertThat(VulnerabilitySla.breached("critical", Duration.ofDays(7))).isFalse();
    assertThat(VulnerabilitySla.breached("low", Duration.ofDays(100))).isFalse();
  }
}
