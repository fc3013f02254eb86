package io.companyos.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The modified z-score outlier test with its arithmetic worked out by hand. */
class RobustZScoreTest {

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
}
