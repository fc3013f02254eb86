package io.companyos.scoring.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Build;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SprintMetricsTest {
  static final Instant S = Instant.parse("2026-11-09T00:00:00Z");
  static final Sprint SPRINT = new Sprint("sprint-1", S, S.plus(Duration.ofDays(14)), List.of("g"));

  static SprintItem item(String id, String kind, double points, boolean committed, Integer startDay, Integer doneDay, boolean escaped) {
    return new SprintItem("sprint-1", id, id, kind, points, committed, S, startDay == null ? null : S.plus(Duration.ofDays(startDay)),
        doneDay == null ? null : S.plus(Duration.ofDays(doneDay)), escaped, null);
  }

  @Test
  void aRunningSprintIsComparedWithThePreviousSprintAtTheSameElapsedDay() {
    List<SprintItem> items = List.of(
        item("a", "story", 5, true, 0, 3, false),    // done on day 3
        item("b", "story", 8, true, 2, 10, false),   // done on day 10
        item("c", "story", 2, true, 1, 13, false));  // done on day 13
    // Seven days into the next sprint, the previous sprint had delivered 5 points by its own day 7, not all 15.
    assertThat(SprintMetrics.deliveredBy(SPRINT, items, S.plus(Duration.ofDays(7)))).isEqualTo(5.0);
    assertThat(SprintMetrics.deliveredBy(SPRINT, items, S.plus(Duration.ofDays(30)))).isEqualTo(15.0);
  }

  @Test
  void committedDeliveredCycleTimeAndEscapes() {
    List<SprintItem> items = List.of(
        item("a", "story", 5, true, 0, 2, false),   // cycle 2 days
        item("b", "story", 3, true, 1, 5, false),   // cycle 4 days
        item("c", "bug", 2, false, 3, 9, true),     // added later, cycle 6 days, escaped
        item("d", "bug", 1, true, 4, null, false),  // carried over
        item("e", "story", 8, true, 10, 15, false)); // done after the end -> carried over
    SprintMetrics.Result r = SprintMetrics.compute(SPRINT, items);
    assertThat(r.committedPoints()).isEqualTo(5 + 3 + 1 + 8);
    assertThat(r.deliveredPoints()).isEqualTo(5 + 3 + 2);
    assertThat(r.carryover()).extracting(SprintItem::itemId).containsExactly("d", "e");
    // cycles [2, 4, 6]: mean 4, p50 4, p85 rank 0.85*2 = 1.7 -> 4 + 0.7*2 = 5.4
    assertThat(r.cycleDaysMean()).hasValue(4.0);
    assertThat(r.cycleDaysP50()).hasValue(4.0);
    assertThat(r.cycleDaysP85().getAsDouble()).isCloseTo(5.4, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.bugEscapeRate()).hasValue(0.5); // 1 escaped of 2 bugs (escaped / items done would read 1/3)
  }

  @Test
  void velocityChangeAgainstTheMeanOfEarlierSprints() {
    // latest 30 vs mean(20, 25, 30) = 25 -> +20%.
    assertThat(SprintMetrics.velocityChange(new double[] {99, 20, 25, 30, 30}, 3)).hasValue(20.0);
    assertThat(SprintMetrics.velocityChange(new double[] {30}, 3)).isEmpty();
  }

  @Test
  void buildSuccessAndReviewTurnaround() {
    TimeWindow w = new TimeWindow(S, S.plus(Duration.ofDays(14)));
    List<Build> builds = List.of(new Build("1", "ci", S.plusSeconds(10), true), new Build("2", "ci", S.plusSeconds(20), true),
        new Build("3", "ci", S.plusSeconds(30), false), new Build("4", "ci", S.plusSeconds(40), true));
    assertThat(QualityMetrics.buildSuccessRate(builds, w)).hasValue(0.75);
    List<PullRequest> prs = List.of(new PullRequest("1", "t", "a", "r", S, S.plus(Duration.ofHours(2)), null, null),
        new PullRequest("2", "t", "a", "r", S, S.plus(Duration.ofHours(6)), null, null),
        new PullRequest("3", "t", "a", "r", S, null, null, null));
    assertThat(QualityMetrics.reviewTurnaroundHours(prs, w)).hasValue(4.0); // median of 2 and 6
  }
}
