package io.companyos.connectors.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.model.data.SprintItem;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Jira pages fail located ({@code file:line:col: COS-JIRA-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private WorkExportException fail(String name, String text) throws IOException {
    return fail(name, text, Map.of());
  }

  private WorkExportException fail(String name, String text, Map<String, String> options) throws IOException {
    Files.writeString(dir.resolve(name), text);
    WorkExportsSource s = Fixtures.source(dir, "strict", options);
    return (WorkExportException) catchThrowable(() -> s.records(RecordKind.SPRINT_ITEMS, Fixtures.ALL));
  }

  private static String issue(String fields) {
    return "{\"startAt\": 0, \"maxResults\": 50, \"total\": 1, \"issues\": [\n{\"key\": \"ACME-1\", \"fields\": {" + fields + "}}]}";
  }

  private static final String SPRINT = "\"sprint\": {\"id\": 9, \"state\": \"active\", \"name\": \"S9\", "
      + "\"startDate\": \"2026-11-16T09:00:00.000Z\", \"endDate\": \"2026-11-30T09:00:00.000Z\"}";

  @Test
  void malformedJsonIsLocatedAtTheParserPosition() throws IOException {
    WorkExportException e = fail("sprints.json", "{\"values\": [\n  {\"id\": 1,\n   \"state\" \"closed\"}]}");
    assertThat(e.code()).isEqualTo("COS-JIRA-001");
    assertThat(e.location()).isEqualTo("sprints.json:3:12");
  }

  @Test
  void aFileOfAnotherKindNamesThePagesRead() throws IOException {
    WorkExportException e = fail("board.json", "{\"id\": 7, \"type\": \"scrum\"}");
    assertThat(e.code()).isEqualTo("COS-JIRA-002");
    assertThat(e.location()).isEqualTo("board.json:1:1");
    assertThat(e.getMessage()).contains("a Jira sprint page (values), sprint, issue page (issues) or issue (key and fields)");
  }

  @Test
  void anUnknownSprintStateIsLocatedAtItsValue() throws IOException {
    WorkExportException e = fail("sprints.json", "{\"isLast\": true, \"values\": [\n  {\"id\": 5, \"state\": \"archived\", \"name\": \"S5\"}]}");
    assertThat(e.code()).isEqualTo("COS-JIRA-004");
    assertThat(e.location()).isEqualTo("sprints.json:2:22");
    assertThat(e.getMessage()).isEqualTo("sprint 5: state 'archived' is none of future, active, closed");
  }

  @Test
  void anActiveSprintWithoutStartDateIsMissingIt() throws IOException {
    WorkExportException e = fail("sprints.json", "{\"values\": [{\"id\": 5, \"state\": \"active\", \"name\": \"S5\"}]}");
    assertThat(e.code()).isEqualTo("COS-JIRA-003");
    assertThat(e.getMessage()).isEqualTo("sprint 5 is active but has no startDate");
  }

  @Test
  void anUnknownStatusCategoryIsInvalid() throws IOException {
    WorkExportException e = fail("issues.json", issue("\"summary\": \"s\", \"issuetype\": {\"name\": \"Story\"}, "
        + "\"status\": {\"statusCategory\": {\"key\": \"blocked\"}}, \"created\": \"2026-11-16T09:00:00.000+0000\", " + SPRINT));
    assertThat(e.code()).isEqualTo("COS-JIRA-004");
    assertThat(e.location()).isEqualTo("issues.json:2:115");
    assertThat(e.getMessage()).isEqualTo("issue ACME-1: status category 'blocked' is none of new, indeterminate, done, undefined");
  }

  @Test
  void anUnmappedIssueTypeNamesTheOptionThatMapsIt() throws IOException {
    WorkExportException e = fail("issues.json", issue("\"summary\": \"s\", \"issuetype\": {\"name\": \"Epic\"}, "
        + "\"status\": {\"statusCategory\": {\"key\": \"new\"}}, \"created\": \"2026-11-16T09:00:00.000+0000\", " + SPRINT));
    assertThat(e.code()).isEqualTo("COS-JIRA-005");
    assertThat(e.location()).isEqualTo("issues.json:2:68");
    assertThat(e.hint()).startsWith("add the option 'issuetype.Epic: story' (or task, bug)");
  }

  @Test
  void storyPointsThatAreNotANumberNameTheOption() throws IOException {
    WorkExportException e = fail("issues.json", issue("\"summary\": \"s\", \"issuetype\": {\"name\": \"Story\"}, "
        + "\"status\": {\"statusCategory\": {\"key\": \"new\"}}, \"created\": \"2026-11-16T09:00:00.000+0000\", "
        + "\"customfield_10016\": {\"value\": \"M\"}, " + SPRINT));
    assertThat(e.code()).isEqualTo("COS-JIRA-003");
    assertThat(e.getMessage()).isEqualTo("issue ACME-1: customfield_10016 is an object, not a number of story points");
    assertThat(e.hint()).contains("story_points_field");
  }

  @Test
  void anIssueWithoutSprintFieldsCannotBePlaced() throws IOException {
    WorkExportException e = fail("issues.json", issue("\"summary\": \"s\", \"issuetype\": {\"name\": \"Story\"}, "
        + "\"status\": {\"statusCategory\": {\"key\": \"new\"}}, \"created\": \"2026-11-16T09:00:00.000+0000\""));
    assertThat(e.code()).isEqualTo("COS-JIRA-003");
    assertThat(e.location()).isEqualTo("issues.json:2:29");
    assertThat(e.getMessage()).isEqualTo("issue ACME-1 names no sprint (fields.sprint or fields.closedSprints)");
  }

  @Test
  void aTimeWithoutOffsetIsInvalid() throws IOException {
    WorkExportException e = fail("issues.json", issue("\"summary\": \"s\", \"issuetype\": {\"name\": \"Story\"}, "
        + "\"status\": {\"statusCategory\": {\"key\": \"new\"}}, \"created\": \"2026-11-16 09:00\", " + SPRINT));
    assertThat(e.code()).isEqualTo("COS-JIRA-004");
    assertThat(e.getMessage()).isEqualTo("created '2026-11-16 09:00' is not an ISO-8601 time with offset");
  }

  @Test
  void lenientModeSkipsTheBadEntryAndCountsIt() throws IOException {
    Files.writeString(dir.resolve("issues.json"), "{\"startAt\": 0, \"total\": 2, \"issues\": [\n"
        + "{\"key\": \"ACME-1\", \"fields\": {\"summary\": \"ok\", \"issuetype\": {\"name\": \"Bug\"}, \"status\": {\"statusCategory\": {\"key\": \"new\"}},"
        + " \"created\": \"2026-11-17T09:00:00.000+0000\", " + SPRINT + "}},\n"
        + "{\"key\": \"ACME-2\", \"fields\": {\"summary\": \"no type\", \"status\": {\"statusCategory\": {\"key\": \"new\"}}}}]}");
    Files.writeString(dir.resolve("truncated.json"), "{\"values\": [");
    WorkExportsSource s = Fixtures.source(dir, "lenient", Map.of());
    Dataset<SprintItem> ds = s.records(RecordKind.SPRINT_ITEMS, Fixtures.ALL);
    assertThat(ds.rows()).extracting(SprintItem::itemId).containsExactly("ACME-1");
    assertThat(ds.provenance().query()).isEqualTo("issues.json (Jira issues), truncated.json (not read); "
        + "1 issue without story points (customfield_10016) counted as 0; 2 bad entries skipped");
    assertThat(s.skipped()).extracting(SkippedInput::code).containsExactly("COS-JIRA-003", "COS-JIRA-001");
    assertThat(s.skipped().get(0).toString()).isEqualTo("issues.json:3:29: COS-JIRA-003 issue ACME-2 has no issuetype.name");
  }

  @Test
  void badOptionsAreConfigurationErrors() {
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("issuetype.Epic", "feature")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("'feature' is none of story, task, bug");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("story_points_field", " ")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("story_points_field names no field");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("boards", "7")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'boards'");
    // A live pull's option without pull: said as such.
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("board", "7")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("option 'board' is for a live pull, and pull is not set");
  }
}
