package io.companyos.connectors.work;

import static io.companyos.connectors.work.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jira pages map to sprints and sprint items as docs/connectors.md says, field by field. */
class JiraTest {
  @Test
  void startedSprintsAreServedNamedEndingWhenClosedWithTheirGoalsOneALine() {
    List<Sprint> sprints = Fixtures.rows(Fixtures.jira(Map.of()), RecordKind.SPRINTS);
    assertThat(sprints).containsExactly(
        // Closed late: the sprint ends when it was completed (10:30), not at its planned end (09:00).
        new Sprint("ACME Sprint 44", t("2026-10-19T09:00:00Z"), t("2026-11-02T10:30:00Z"), List.of("Harden checkout retries")),
        new Sprint("ACME Sprint 45", t("2026-11-02T10:00:00Z"), t("2026-11-16T08:45:00Z"),
            List.of("Launch dashboards-v2 to all customers", "Automate quarterly access reviews")),
        // Active: its planned end; no goal.
        new Sprint("ACME Sprint 46", t("2026-11-16T09:30:00Z"), t("2026-11-30T09:00:00Z"), List.of()));
  }

  @Test
  void eachIssueIsAnItemOfEverySprintItWasInDoneOnlyInItsLast() {
    List<SprintItem> items = Fixtures.rows(Fixtures.jira(Map.of("escaped_label", "Escaped")), RecordKind.SPRINT_ITEMS);
    assertThat(items).extracting(SprintItem::sprintId, SprintItem::itemId, SprintItem::kind, SprintItem::points, SprintItem::committed,
        SprintItem::addedAt, SprintItem::startedAt, SprintItem::completedAt, SprintItem::escaped).containsExactly(
        // ACME-454 was carried over from 44 into 45 and done in 45 (statuscategorychangedate: no resolution).
        tuple("ACME Sprint 44", "ACME-454", "task", 3.0, true, t("2026-10-19T09:00:00Z"), null, null, false),
        tuple("ACME Sprint 45", "ACME-451", "story", 5.0, true, t("2026-11-02T10:00:00Z"), null, t("2026-11-10T16:00:00Z"), false),
        // Created after the sprint started: added, not committed.
        tuple("ACME Sprint 45", "ACME-452", "bug", 2.0, false, t("2026-11-05T09:00:00Z"), null, t("2026-11-06T12:00:00Z"), true),
        // Carried over into 46: not done in 45.
        tuple("ACME Sprint 45", "ACME-453", "story", 8.0, true, t("2026-11-02T10:00:00Z"), null, null, false),
        tuple("ACME Sprint 45", "ACME-454", "task", 3.0, true, t("2026-11-02T10:00:00Z"), null, t("2026-11-13T09:00:00Z"), false),
        // A sub-task without story points counts 0.
        tuple("ACME Sprint 45", "ACME-455", "task", 0.0, false, t("2026-11-03T10:00:00Z"), null, t("2026-11-04T17:30:00Z"), false),
        // In progress since its status category changed; the later page (updated 11-20) wins.
        tuple("ACME Sprint 46", "ACME-453", "story", 8.0, true, t("2026-11-16T09:30:00Z"), t("2026-11-12T10:00:00Z"), null, false),
        tuple("ACME Sprint 46", "ACME-461", "story", 3.0, true, t("2026-11-16T09:30:00Z"), null, t("2026-11-19T15:00:00Z"), false),
        tuple("ACME Sprint 46", "ACME-462", "bug", 1.0, false, t("2026-11-18T13:40:00Z"), null, null, false),
        // A Spike is a task.
        tuple("ACME Sprint 46", "ACME-463", "task", 2.0, true, t("2026-11-16T09:30:00Z"), t("2026-11-20T08:00:00Z"), null, false));
    assertThat(items).allSatisfy(i -> assertThat(i.goal()).isNull());
    assertThat(items).filteredOn(i -> i.itemId().equals("ACME-451")).extracting(SprintItem::title)
        .containsExactly("Roll out dashboards-v2 behind a flag");
  }

  @Test
  void theProvenanceNamesEachPageAndWhatWasLeftOut() {
    Dataset<Sprint> ds = Fixtures.jira(Map.of()).records(RecordKind.SPRINTS, Fixtures.ALL);
    assertThat(ds.provenance().query()).isEqualTo("issues/sprint-102.json (Jira issues), issues/sprint-103-page-1.json (Jira issues), "
        + "issues/sprint-103-page-2.json (Jira issues), issues/sprint-104.json (Jira issues), sprints-page-1.json (Jira sprints), "
        + "sprints-page-2.json (Jira sprints); 1 future sprint left out; 1 issue only in future sprints left out; "
        + "2 issues in more than one sprint (carried over); 1 issue without story points (customfield_10016) counted as 0");
    assertThat(ds.provenance().sourceId()).isEqualTo("jira");
  }

  @Test
  void anotherStoryPointsFieldAndIssueTypeMappingAreOptions() {
    WorkExportsSource s = Fixtures.jira(Map.of("story_points_field", "customfield_10026", "issuetype.spike", "story"));
    List<SprintItem> items = Fixtures.rows(s, RecordKind.SPRINT_ITEMS);
    assertThat(items).allSatisfy(i -> assertThat(i.points()).isZero());
    assertThat(items).filteredOn(i -> i.itemId().equals("ACME-463")).extracting(SprintItem::kind).containsExactly("story");
    assertThat(s.records(RecordKind.SPRINTS, Fixtures.ALL).provenance().query())
        .endsWith("8 issues without story points (customfield_10026) counted as 0");
  }

  @Test
  void aSavedPageWhoseNextPageIsMissingIsNoted() {
    WorkExportsSource s = Fixtures.source(Fixtures.DIR.resolve("jira/issues/sprint-103-page-1.json"), "strict", Map.of());
    assertThat(s.records(RecordKind.SPRINT_ITEMS, Fixtures.ALL).provenance().query())
        .contains("the saved issue page sprint-103-page-1.json ends at 3 of 4 (the next page is missing)");
    WorkExportsSource sprints = Fixtures.source(Fixtures.DIR.resolve("jira/sprints-page-1.json"), "strict", Map.of());
    assertThat(sprints.records(RecordKind.SPRINTS, Fixtures.ALL).provenance().query())
        .contains("the saved sprint page sprints-page-1.json ends at 2 with isLast: false (the next page is missing)");
  }
}
