package io.companyos.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.model.data.PullRequest;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail located ({@code file:line:col: COS-GIT-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private DeliveryExportException fail(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    DeliveryExportsSource s = Fixtures.source(dir, "strict", Map.of());
    return (DeliveryExportException) catchThrowable(() -> s.records(RecordKind.DEPLOYMENTS, Fixtures.ALL));
  }

  @Test
  void malformedJsonIsLocatedAtTheParserPosition() throws IOException {
    DeliveryExportException e = fail("pulls.json", "[\n  {\"number\": 1,\n   \"title\" \"x\"}]");
    assertThat(e.code()).isEqualTo("COS-GIT-001");
    assertThat(e.location()).isEqualTo("pulls.json:3:12");
  }

  @Test
  void anUnknownListNamesTheListsRead() throws IOException {
    DeliveryExportException e = fail("issues.json", "[\n  {\"id\": 1, \"title\": \"an issue\"}]");
    assertThat(e.code()).isEqualTo("COS-GIT-002");
    assertThat(e.location()).isEqualTo("issues.json:2:3");
    assertThat(e.getMessage()).contains("GitHub deployments, deployment statuses, pull requests or reviews");
  }

  @Test
  void anUnknownStatusStateIsLocatedAtItsValue() throws IOException {
    DeliveryExportException e = fail("statuses.json", """
        [{"id": 1, "state": "destroyed", "created_at": "2026-11-01T10:00:00Z",
          "deployment_url": "https://api.github.com/repos/acme/shop/deployments/7"}]
        """);
    assertThat(e.code()).isEqualTo("COS-GIT-004");
    assertThat(e.location()).isEqualTo("statuses.json:1:21");
    assertThat(e.getMessage()).isEqualTo(
        "deployment status 1: state 'destroyed' is none of error, failure, inactive, in_progress, queued, pending, success");
  }

  @Test
  void aGitLabDeploymentWithoutEnvironmentIsMissingItsField() throws IOException {
    DeliveryExportException e = fail("deployments.json", """
        [{"id": 1, "iid": 5, "sha": "abc", "status": "success", "created_at": "2026-11-01T10:00:00Z", "environment": null,
          "deployable": {"web_url": "https://gitlab.example.com/acme/app/-/jobs/1"}}]
        """);
    assertThat(e.code()).isEqualTo("COS-GIT-003");
    assertThat(e.location()).isEqualTo("deployments.json:1:110");
    assertThat(e.getMessage()).isEqualTo("deployment 5 has no environment.name");
  }

  @Test
  void aMergeBeforeTheOpeningIsInvalid() throws IOException {
    DeliveryExportException e = fail("mrs.json", """
        [{"iid": 3, "title": "t", "state": "merged", "target_branch": "main", "created_at": "2026-11-02T10:00:00Z",
          "merged_at": "2026-11-01T10:00:00Z", "references": {"full": "acme/app!3"}}]
        """);
    assertThat(e.code()).isEqualTo("COS-GIT-004");
    assertThat(e.location()).isEqualTo("mrs.json:2:16");
  }

  @Test
  void aTimeWithoutOffsetIsInvalid() throws IOException {
    DeliveryExportException e = fail("deployments.json", """
        [{"id": 7, "sha": "abc", "environment": "production", "created_at": "2026-11-01 10:00:00",
          "statuses_url": "https://api.github.com/repos/acme/shop/deployments/7/statuses",
          "repository_url": "https://api.github.com/repos/acme/shop"}]
        """);
    assertThat(e.code()).isEqualTo("COS-GIT-004");
    assertThat(e.location()).isEqualTo("deployments.json:1:69");
  }

  @Test
  void lenientModeSkipsTheBadEntryAndCountsIt() throws IOException {
    Files.writeString(dir.resolve("pulls.json"), """
        [
          {"number": 1, "title": "ok", "state": "closed", "user": null, "created_at": "2026-11-01T10:00:00Z",
           "closed_at": "2026-11-01T12:00:00Z", "merged_at": null, "head": {}, "base": {"repo": {"full_name": "acme/app"}}},
          {"number": 2, "title": "unknown state", "state": "reopened", "created_at": "2026-11-01T10:00:00Z",
           "head": {}, "base": {"repo": {"full_name": "acme/app"}}}
        ]
        """);
    Files.writeString(dir.resolve("truncated.json"), "[{\"id\": 1,");
    DeliveryExportsSource s = Fixtures.source(dir, "lenient", Map.of());
    Dataset<PullRequest> ds = s.records(RecordKind.PULL_REQUESTS, Fixtures.ALL);
    // A deleted user is GitHub's "ghost".
    assertThat(ds.rows()).extracting(PullRequest::prId, PullRequest::author).containsExactly(org.assertj.core.groups.Tuple.tuple("acme/app#1", "ghost"));
    assertThat(ds.provenance().query()).isEqualTo("pulls.json (GitHub pull requests), truncated.json (not read); 2 bad entries skipped");
    assertThat(s.skipped()).extracting(SkippedInput::code).containsExactly("COS-GIT-004", "COS-GIT-001");
    assertThat(s.skipped().get(0).toString()).isEqualTo("pulls.json:4:52: COS-GIT-004 pull request #2: state 'reopened' is none of open, closed");
  }

  @Test
  void badOptionsAreConfigurationErrors() {
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("environments", " , ")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("environments names no environment");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("token", "x")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'token'");
  }
}
