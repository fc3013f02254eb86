package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company folder whose incidents come from a saved PagerDuty page and whose deployments, changes and pull requests
 * come from saved GitHub lists, through the {@code incident-exports} and {@code delivery-exports} source types the
 * command carries: validate accepts them, and the ops review's incident and DORA numbers are footnoted with the files.
 */
class ConnectorsEndToEndTest {
  @TempDir static Path dir;
  static Path folder;

  @BeforeAll
  static void company() throws IOException {
    folder = dir.resolve("acme");
    MainTest.Result init = MainTest.run("init", folder.toString());
    assertThat(init.code()).as(init.err()).isZero();
    Files.createDirectories(folder.resolve("pagerduty"));
    Files.createDirectories(folder.resolve("github"));
    Files.writeString(folder.resolve("pagerduty/incidents.json"), """
        {"incidents": [
          {"id": "PQ1", "type": "incident", "incident_number": 7, "title": "Checkout errors", "status": "resolved",
           "created_at": "2026-11-17T10:00:00Z", "resolved_at": "2026-11-17T12:30:00Z",
           "service": {"id": "S1", "type": "service_reference", "summary": "checkout"}, "urgency": "high",
           "priority": {"id": "R1", "type": "priority_reference", "summary": "P1"}}],
         "limit": 25, "offset": 0, "more": false}
        """);
    Files.writeString(folder.resolve("github/deployments.json"), """
        [{"id": 1, "sha": "abc", "environment": "production", "created_at": "2026-11-18T09:00:00Z",
          "statuses_url": "https://api.github.com/repos/acme/shop/deployments/1/statuses",
          "repository_url": "https://api.github.com/repos/acme/shop"}]
        """);
    Files.writeString(folder.resolve("github/statuses.json"), """
        [{"id": 11, "state": "success", "created_at": "2026-11-18T09:30:00Z",
          "deployment_url": "https://api.github.com/repos/acme/shop/deployments/1"}]
        """);
    Files.writeString(folder.resolve("github/pulls.json"), """
        [{"number": 5, "title": "Faster checkout", "state": "closed", "user": {"login": "ana"},
          "created_at": "2026-11-17T09:30:00Z", "merged_at": "2026-11-18T08:00:00Z", "closed_at": "2026-11-18T08:00:00Z",
          "merge_commit_sha": "abc", "head": {"ref": "fast"}, "base": {"ref": "main", "repo": {"full_name": "acme/shop"}}}]
        """);
    Files.writeString(folder.resolve("sources.yaml"), """
        sources:
          - id: oncall
            type: incident-exports
            options:
              path: pagerduty
            records: [incidents]
          - id: git
            type: delivery-exports
            options:
              path: github
            records: [deployments, changes, pull_requests]
          - id: sample
            type: sample
        """);
    MainTest.Result valid = MainTest.run("validate", folder.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
  }

  @Test
  void theOpsReviewFootnotesTheExports() throws IOException {
    Path out = dir.resolve("packs");
    MainTest.Result r = MainTest.run("render", "ops-review", "--config", folder.toString(), "--out", out.toString(),
        "--as-of", "2026-11-23T09:00:00Z");
    assertThat(r.code()).as(r.err()).isZero();
    String md = Files.readString(out.resolve("ops-reviews/2026-11-23.md"));
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("oncall · ").contains("incidents.json (PagerDuty incidents)"));
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("git · ").contains("deployments.json (GitHub deployments)"));
    // PQ1: P1, 10:00 to 12:30, 2.5 h. One change: PR #5 opened 2026-11-17 09:30, shipped by deployment 1 (its merge
    // commit), finished 2026-11-18 09:30: 24 h. One deployment in the 7 days: 1/7 a day.
    assertThat(md).contains("| P1 | 1[^1] | 2.5 h[^1] |");
    assertThat(md).contains("- Lead Time: 24 h[^").contains("- Deployment Frequency: 0.14/day[^").contains("- Change Failure Rate: 0%[^");
  }
}
