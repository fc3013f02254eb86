package io.companyos.scoring.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.PullRequest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sprint a pack reports, its goals, what it delivered and carried over: the arithmetic render used to do. */
class SprintSelectionTest {
  static final Instant S = Instant.parse("2026-11-09T00:00:00Z");
  static final Sprint S1 = new Sprint("s1", S.minus(Duration.ofDays(14)), S, List.of());
  static final Sprint S2 = new Sprint("s2", S, S.plus(Duration.ofDays(14)), List.of("search", "billing", "docs"));

  static SprintItem item(String id, String kind, double points, Integer doneDay, boolean escaped, String goal) {
    return new SprintItem("s2", id, id, kind, points, true, S, S, doneDay == null ? null : S.plus(Duration.ofDays(doneDay)), escaped, goal);
  }

  @Test
  void theSprintUnderWayIsTheLatestStartedOneAndBackCountsEarlierSprints() {
    List<Sprint> sprints = List.of(S2, S1); // any order
    assertThat(SprintMetrics.startedBy(sprints, S.plus(Duration.ofDays(3)), 0)).contains(S2);
    assertThat(SprintMetrics.startedBy(sprints, S.plus(Duration.ofDays(3)), 1)).contains(S1);
    assertThat(SprintMetrics.startedBy(sprints, S.plus(Duration.ofDays(3)), 2)).isEmpty();
    // On S2's first instant S2 has started; one second before, S1 is the sprint under way.
    assertThat(SprintMetrics.startedBy(sprints, S, 0)).contains(S2);
    assertThat(SprintMetrics.startedBy(sprints, S.minusSeconds(1), 0)).contains(S1);
  }

  @Test
  void goalsAreAchievedPartialNotStartedOrWithoutItems() {
    List<SprintItem> items = List.of(
        item("a", "story", 3, 2, false, "search"), item("b", "story", 5, 20, false, "search"), // b done after the end
        item("c", "story", 2, 4, false, "billing"), item("d", "task", 1, 5, false, "billing"),
        item("e", "bug", 1, null, false, null));
    List<SprintMetrics.Goal> goals = SprintMetrics.goals(S2, items);
    assertThat(goals).extracting(SprintMetrics.Goal::goal).containsExactly("search", "billing", "docs");
    assertThat(goals.get(0).status()).isEqualTo(SprintMetrics.GoalStatus.PARTIAL);
    assertThat(goals.get(0).done()).isEqualTo(1);
    assertThat(goals.get(0).itemIds()).containsExactly("a", "b");
    assertThat(goals.get(1).status()).isEqualTo(SprintMetrics.GoalStatus.ACHIEVED);
    assertThat(goals.get(2).status()).isEqualTo(SprintMetrics.GoalStatus.NO_ITEMS);
    assertThat(SprintMetrics.GoalStatus.NOT_STARTED.label()).isEqualTo("not started");
  }

  @Test
  void deliveredCarryoverBugsAndFeaturesShipped() {
    List<SprintItem> items = List.of(item("c", "story", 2, 4, false, null), item("a", "bug", 1, 2, true, null),
        item("b", "bug", 1, null, false, null), item("d", "story", 5, 20, false, null));
    assertThat(SprintMetrics.deliveredItems(S2, items)).extracting(SprintItem::itemId).containsExactly("a", "c");
    SprintMetrics.Result r = SprintMetrics.compute(S2, items);
    assertThat(r.carryover()).extracting(SprintItem::itemId).containsExactly("b", "d");
    assertThat(r.bugs()).isEqualTo(2);
    assertThat(r.escapedBugIds()).containsExactly("a");
    assertThat(r.bugEscapeRate()).hasValue(0.5);
    // Two delivered items, both started at S: cycle times 2 and 4 days, mean 3, counted over 2 items.
    assertThat(r.cycleItems()).isEqualTo(2);
    assertThat(r.cycleDaysMean()).hasValue(3.0);
    // Features shipped in the first week: story c (day 4); the bug a does not count, story d is done later.
    TimeWindow week = new TimeWindow(S, S.plus(Duration.ofDays(7)));
    assertThat(SprintMetrics.storiesCompleted(items, week)).extracting(SprintItem::itemId).containsExactly("c");
  }

  @Test
  void openPullRequestsOldestFirstWithTheirAgeAndTheReviewedOnes() {
    Instant at = S.plus(Duration.ofHours(30));
    List<PullRequest> prs = List.of(
        new PullRequest("p2", "t", "a", "r", S.plus(Duration.ofHours(6)), null, null, null),            // open 24 h
        new PullRequest("p1", "t", "a", "r", S, S.plus(Duration.ofHours(1)), null, null),               // open 30 h, reviewed
        new PullRequest("p3", "t", "a", "r", S, null, S.plus(Duration.ofHours(29)), null),              // merged before at
        new PullRequest("p4", "t", "a", "r", S, null, null, S.plus(Duration.ofHours(31))),              // closed after at: open
        new PullRequest("p5", "t", "a", "r", S.plus(Duration.ofHours(31)), null, null, null));          // opened after at
    assertThat(QualityMetrics.openAt(prs, at)).extracting(PullRequest::prId).containsExactly("p1", "p4", "p2");
    assertThat(QualityMetrics.openHours(prs.get(0), at)).isEqualTo(24.0);
    assertThat(QualityMetrics.reviewed(prs, new TimeWindow(S, at))).extracting(PullRequest::prId).containsExactly("p1");
  }
}
