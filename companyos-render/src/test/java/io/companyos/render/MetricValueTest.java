package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import io.companyos.scoring.Trend;
import io.companyos.sources.Provenance;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values: formatting by unit, comparison with the previous period, absence with a reason. */
class MetricValueTest {
  static final Provenance P = new Provenance("s", "q", new TimeWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)),
      Instant.EPOCH, 1);

  @Test
  void unitsFormatWithRootLocaleRules() {
    assertThat(Unit.COUNT.format(12345.4)).isEqualTo("12,345");
    assertThat(Unit.PERCENT.format(99.950)).isEqualTo("99.95%");
    assertThat(Unit.PERCENT.format(50)).isEqualTo("50%");
    assertThat(Unit.USD.format(-1234.5)).isEqualTo("-$1,235");
    assertThat(Unit.HOURS.format(3.25)).isEqualTo("3.3 h");
    assertThat(Unit.PER_DAY.format(4.142857)).isEqualTo("4.14/day");
    assertThat(Unit.COUNT.formatSigned(-3)).isEqualTo("-3");
  }

  @Test
  void comparisonJudgesByDirection() {
    // MTTR 6 h against 8 h: -2 h, -25%, down, and lower is better → good.
    MetricValue mttr = MetricValue.of(6, Unit.HOURS, P).comparedWith(8.0, Direction.LOWER_IS_BETTER);
    assertThat(mttr.deltaAbsolute()).isEqualTo(-2.0);
    assertThat(mttr.deltaPercent()).isEqualTo(-25.0);
    assertThat(mttr.trend()).isEqualTo(Trend.DOWN);
    assertThat(mttr.good()).isTrue();
    assertThat(mttr.deltaText()).isEqualTo("-2 h (-25%)");
    // Deploys 10 against 10.1: -1%, inside the 2% dead band → flat, not judged.
    MetricValue flat = MetricValue.of(10, Unit.COUNT, P).comparedWith(10.1, Direction.HIGHER_IS_BETTER);
    assertThat(flat.trend()).isEqualTo(Trend.FLAT);
    assertThat(flat.good()).isNull();
    // Percentages change in percentage points: 12% against 10% is +2 pp, +20% relative.
    assertThat(MetricValue.of(12, Unit.PERCENT, P).comparedWith(10.0, Direction.LOWER_IS_BETTER).deltaText())
        .isEqualTo("+2 pp (+20%)");
    // From zero there is no relative change.
    assertThat(MetricValue.of(3, Unit.COUNT, P).comparedWith(0.0, Direction.LOWER_IS_BETTER).deltaText()).isEqualTo("+3");
  }

  @Test
  void missingIsNeverZero() {
    MetricValue none = MetricValue.absent("no incidents source", Unit.COUNT);
    assertThat(none.value()).isNull();
    assertThat(none.present()).isFalse();
    assertThat(none.text()).isEqualTo("n/a (no incidents source)");
    // No previous value: nothing to compare, trend unknown.
    MetricValue alone = MetricValue.of(5, Unit.COUNT, P).comparedWith(null, Direction.HIGHER_IS_BETTER);
    assertThat(alone.trend()).isNull();
    assertThat(alone.trendName()).isEqualTo("unknown");
    assertThat(alone.deltaText()).isEqualTo("n/a (no previous value)");
  }
}
