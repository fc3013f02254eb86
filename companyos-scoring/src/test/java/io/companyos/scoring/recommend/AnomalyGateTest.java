package io.companyos.scoring.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Direction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnomalyGateTest {
  static final Instant AS_OF = Instant.parse("2026-11-23T00:00:00Z");
  /** The pack's own period: the week before the as-of. */
  static final TimeWindow WEEK = TimeWindow.ending(AS_OF, Duration.ofDays(7));

  @Test
  void aStaleAnomalyWeeksOldNeverReachesThePack() {
    // p95 latency 900 ms against a 200 ms median: a large bad move, but 3 weeks before the period.
    Instant threeWeeksAgo = AS_OF.minus(Duration.ofDays(21));
    assertThat(AnomalyGate.shown(threeWeeksAgo, 900, 200, Direction.LOWER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT)).isFalse();
    // The same move inside the period is shown.
    assertThat(AnomalyGate.shown(AS_OF.minus(Duration.ofDays(2)), 900, 200, Direction.LOWER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT))
        .isTrue();
  }

  @Test
  void aGoodDirectionMoveIsNeverARisk() {
    Instant inWeek = AS_OF.minus(Duration.ofDays(2));
    // Latency drops from a 200 ms median to 40 ms: good news for a lower-is-better metric.
    assertThat(AnomalyGate.shown(inWeek, 40, 200, Direction.LOWER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT)).isFalse();
    // Sign-ups jump to 5x their median: good news for a higher-is-better metric.
    assertThat(AnomalyGate.shown(inWeek, 500, 100, Direction.HIGHER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT)).isFalse();
    // Sign-ups fall to a third (100 / 1.5 = 66.7 ≥ 33): bad news, shown.
    assertThat(AnomalyGate.shown(inWeek, 33, 100, Direction.HIGHER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT)).isTrue();
    // A neutral metric (request volume) is never a risk.
    assertThat(AnomalyGate.shown(inWeek, 900, 100, Direction.NEUTRAL, WEEK, AnomalyGate.MIN_EFFECT)).isFalse();
  }

  @Test
  void aHarmlessMoveBelowTheMinimumEffectIsNotShown() {
    // A cost day at 1.1x its median (the new-extreme floor a growing series trips) is below 1.5x.
    assertThat(AnomalyGate.shown(AS_OF.minus(Duration.ofDays(1)), 1100, 1000, Direction.LOWER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT))
        .isFalse();
    assertThat(AnomalyGate.shown(AS_OF.minus(Duration.ofDays(1)), 1500, 1000, Direction.LOWER_IS_BETTER, WEEK, AnomalyGate.MIN_EFFECT))
        .isTrue();
  }

  @Test
  void theShownPeriodIsTheSectionWindowClippedToThePack() {
    TimeWindow section = TimeWindow.ending(AS_OF, Duration.ofDays(28));
    assertThat(AnomalyGate.within(section, WEEK)).isEqualTo(WEEK);
    assertThat(AnomalyGate.within(TimeWindow.ending(WEEK.start(), Duration.ofDays(7)), WEEK).isEmpty()).isTrue();
  }
}
