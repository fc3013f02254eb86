package io.companyos.connectors.delivery;

import static io.companyos.connectors.delivery.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.PullRequest;
import io.companyos.sources.RecordKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub deployments, statuses, pull requests and reviews, from the hand-written fixtures to records worked out by hand. */
class GitHubTest {
  private final DeliveryExportsSource source = Fixtures.source("github");

  @Test
  void finishedProductionDeploymentsWithTheChangesTheyShipped() {
    assertThat(Fixtures.rows(source, RecordKind.DEPLOYMENTS)).containsExactly(
        // success at 10:12 (the later inactive status does not undo it); ships #41 by its merge commit
        new Deployment("acme/shop/deployments/101", t("2026-11-03T10:12:00Z"), List.of("acme/shop#41"), DeployStatus.SUCCESS),
        // failure: ships nothing, although created after #42's merge
        new Deployment("acme/shop/deployments/103", t("2026-11-05T09:20:00Z"), List.of(), DeployStatus.FAILURE),
        // #42 by time (the first successful deploy created after its merge), #43 by its merge commit
        new Deployment("acme/shop/deployments/104", t("2026-11-05T11:15:00Z"), List.of("acme/shop#42", "acme/shop#43"),
            DeployStatus.SUCCESS));
    // 102 went to staging, 105 has only a pending status.
  }

  @Test
  void changesAreTheMergedPullRequestsDatedWhenOpened() {
    assertThat(Fixtures.rows(source, RecordKind.CHANGES)).containsExactly(
        new Change("acme/shop#41", t("2026-11-02T09:00:00Z")),
        new Change("acme/shop#42", t("2026-11-04T08:00:00Z")),
        new Change("acme/shop#43", t("2026-11-05T10:00:00Z")),
        new Change("acme/shop#46", t("2026-11-11T09:00:00Z")));
  }

  @Test
  void pullRequestsCountOnceWithTheirFirstReview() {
    assertThat(Fixtures.rows(source, RecordKind.PULL_REQUESTS)).containsExactly(
        new PullRequest("acme/shop#41", "Add coupon codes to checkout", "ana", "acme/shop", t("2026-11-02T09:00:00Z"),
            t("2026-11-02T11:00:00Z"), t("2026-11-02T15:00:00Z"), t("2026-11-02T15:00:00Z")),
        // the pending review has no time; the approval is the first review
        new PullRequest("acme/shop#42", "Fix rounding in invoice totals", "ben", "acme/shop", t("2026-11-04T08:00:00Z"),
            t("2026-11-04T12:00:00Z"), t("2026-11-04T17:30:00Z"), t("2026-11-04T17:30:00Z")),
        new PullRequest("acme/shop#43", "Retry payment webhooks", "cai", "acme/shop", t("2026-11-05T10:00:00Z"), null,
            t("2026-11-05T10:40:00Z"), t("2026-11-05T10:40:00Z")),
        // open on page 1, closed without merge on page 2 (updated later): once, closed
        new PullRequest("acme/shop#44", "Try new search ranking", "ana", "acme/shop", t("2026-11-06T12:00:00Z"), null, null,
            t("2026-11-07T09:00:00Z")),
        // open: its test merge commit is no merge
        new PullRequest("acme/shop#45", "Dark mode for settings", "dev", "acme/shop", t("2026-11-10T14:00:00Z"), null, null, null),
        new PullRequest("acme/shop#46", "Cache product images", "dev", "acme/shop", t("2026-11-11T09:00:00Z"), null,
            t("2026-11-12T10:00:00Z"), t("2026-11-12T10:00:00Z")));
  }

  @Test
  void provenanceNamesEachFileAndWhatWasLeftOut() {
    assertThat(source.records(RecordKind.DEPLOYMENTS, Fixtures.ALL).provenance().query()).isEqualTo(
        "deployments.json (GitHub deployments), pulls-page-1.json (GitHub pull requests), pulls-page-2.json (GitHub pull requests), "
            + "reviews/41.json (GitHub reviews), reviews/42.json (GitHub reviews), statuses/101.json (GitHub deployment statuses), "
            + "statuses/102.json (GitHub deployment statuses), statuses/103.json (GitHub deployment statuses), "
            + "statuses/104.json (GitHub deployment statuses), statuses/105.json (GitHub deployment statuses); "
            + "1 production deployment without a final status left out; 1 deployment to other environments left out; "
            + "1 merged change not deployed yet");
  }

  @Test
  void productionEnvironmentsCanBeNamed() {
    DeliveryExportsSource s = Fixtures.source(Fixtures.DIR.resolve("github"), "strict", Map.of("environments", "staging"));
    assertThat(Fixtures.rows(s, RecordKind.DEPLOYMENTS)).containsExactly(
        new Deployment("acme/shop/deployments/102", t("2026-11-04T09:05:00Z"), List.of("acme/shop#41"), DeployStatus.SUCCESS));
    // Staging is now production: its deploy, created after #41's merge, shipped it; #42 and #43 were merged later.
  }
}
