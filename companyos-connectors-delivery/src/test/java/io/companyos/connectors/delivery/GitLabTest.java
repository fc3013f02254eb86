package io.companyos.connectors.delivery;

import static io.companyos.connectors.delivery.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.PullRequest;
import io.companyos.sources.RecordKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitLab deployments and merge requests, from the hand-written fixtures to records worked out by hand. */
class GitLabTest {
  private static final String P = "acme/platform/billing";
  private final DeliveryExportsSource source = Fixtures.source("gitlab");

  @Test
  void deploymentsByStatusDatedWhenFinished() {
    assertThat(Fixtures.rows(source, RecordKind.DEPLOYMENTS)).containsExactly(
        new Deployment(P + "/deployments/31", t("2026-11-09T08:06:00Z"), List.of(P + "!12"), DeployStatus.SUCCESS),
        new Deployment(P + "/deployments/32", t("2026-11-10T08:04:00Z"), List.of(), DeployStatus.FAILURE),
        // no finished_at: updated_at stands for it; ships !13 (squashed, so by time: the first success after its merge)
        new Deployment(P + "/deployments/35", t("2026-11-10T11:07:00Z"), List.of(P + "!13"), DeployStatus.SUCCESS));
    // 33 is still running; 34 went to a review environment.
    assertThat(source.records(RecordKind.DEPLOYMENTS, Fixtures.ALL).provenance().query()).isEqualTo(
        "deployments.json (GitLab deployments), merge_requests.json (GitLab merge requests); "
            + "1 production deployment without a final status left out; 1 deployment to other environments left out");
  }

  @Test
  void mergeRequestsAndTheirChanges() {
    assertThat(Fixtures.rows(source, RecordKind.PULL_REQUESTS)).containsExactly(
        // merged: closed when merged (GitLab leaves closed_at empty)
        new PullRequest(P + "!12", "Invoice PDF footer", "eve", P, t("2026-11-08T13:00:00Z"), null, t("2026-11-08T16:00:00Z"),
            t("2026-11-08T16:00:00Z")),
        new PullRequest(P + "!14", "Spike: event sourcing", "eve", P, t("2026-11-09T09:00:00Z"), null, null, t("2026-11-11T09:00:00Z")),
        new PullRequest(P + "!13", "Tax rules for Norway", "fay", P, t("2026-11-09T10:00:00Z"), null, t("2026-11-10T07:30:00Z"),
            t("2026-11-10T07:30:00Z")),
        new PullRequest(P + "!15", "Refund API draft", "gus", P, t("2026-11-12T09:00:00Z"), null, null, null));
    assertThat(Fixtures.rows(source, RecordKind.CHANGES)).containsExactly(
        new Change(P + "!12", t("2026-11-08T13:00:00Z")), new Change(P + "!13", t("2026-11-09T10:00:00Z")));
  }
}
