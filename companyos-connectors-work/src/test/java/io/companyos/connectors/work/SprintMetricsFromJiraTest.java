package io.companyos.connectors.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.scoring.sprint.SprintMetrics;
import io.companyos.sources.RecordKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the Jira pages to the sprint metrics, worked out by hand. */
class SprintMetricsFromJiraTest {
  private final WorkExportsSource source = Fixtures.jira(Map.of("escaped_label", "escaped"));
  private final List<Sprint> sprints = Fixtures.rows(source, RecordKind.SPRINTS);
  private final List<SprintItem> items = Fixtures.rows(source, RecordKind.SPRINT_ITEMS);

  private Sprint sprint(String name) {
    return sprints.stream().filter(s -> s.sprintId().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void sprint45() {
    SprintMetrics.Result m = SprintMetrics.compute(sprint("ACME Sprint 45"), items);
    // Committed (created before 2 Nov 10:00): ACME-451 5 + ACME-453 8 + ACME-454 3 = 16; ACME-452 and -455 were added.
    assertThat(m.committedPoints()).isEqualTo(16.0);
    // Done before the sprint was completed (16 Nov 08:45): 451 (5), 452 (2), 454 (3), 455 (unestimated, 0) = 10.
    assertThat(m.deliveredPoints()).isEqualTo(10.0);
    assertThat(m.deliveredItems()).isEqualTo(4);
    // ACME-453 moved on to sprint 46.
    assertThat(m.carryover()).extracting(SprintItem::itemId).containsExactly("ACME-453");
    // One bug, ACME-452, labelled escaped.
    assertThat(m.bugEscapeRate().getAsDouble()).isCloseTo(1.0, within(1e-9));
    // Jira gives no start time of a done issue: no cycle time.
    assertThat(m.cycleDaysMean()).isEmpty();
  }

  @Test
  void sprint46() {
    SprintMetrics.Result m = SprintMetrics.compute(sprint("ACME Sprint 46"), items);
    // Committed (created before 16 Nov 09:30): 453 8 + 461 3 + 463 2 = 13; ACME-462 (1) was added on 18 Nov.
    assertThat(m.committedPoints()).isEqualTo(13.0);
    assertThat(m.deliveredPoints()).isEqualTo(3.0);
    assertThat(m.carryover()).extracting(SprintItem::itemId).containsExactly("ACME-453", "ACME-462", "ACME-463");
    assertThat(m.bugEscapeRate().getAsDouble()).isZero();
  }

  @Test
  void sprint44KeepsTheIssueItCarriedOver() {
    SprintMetrics.Result m = SprintMetrics.compute(sprint("ACME Sprint 44"), items);
    // Only sprint 45's and 46's issues were saved: ACME-454 names sprint 44 among its closed sprints.
    assertThat(m.committedPoints()).isEqualTo(3.0);
    assertThat(m.deliveredPoints()).isZero();
  }
}
