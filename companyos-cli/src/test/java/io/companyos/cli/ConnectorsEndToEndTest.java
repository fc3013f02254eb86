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
 * A company folder whose incidents come from a saved PagerDuty page, whose deployments, changes and pull requests
 * come from saved GitHub lists, whose sprints come from saved Jira pages and whose ARR comes from a saved Stripe list,
 * through the {@code incident-exports}, {@code delivery-exports}, {@code work-exports} and {@code revenue-exports}
 * source types the command carries: validate accepts them, and the packs' numbers are footnoted with the files.
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
    Files.createDirectories(folder.resolve("jira"));
    Files.createDirectories(folder.resolve("stripe"));
    Files.writeString(folder.resolve("jira/sprints.json"), """
        {"startAt": 0, "maxResults": 50, "isLast": true, "values": [
          {"id": 45, "state": "closed", "name": "Sprint 45", "startDate": "2026-11-02T09:30:00.000Z",
           "endDate": "2026-11-16T09:00:00.000Z", "completeDate": "2026-11-16T09:10:00.000Z"},
          {"id": 46, "state": "active", "name": "Sprint 46", "startDate": "2026-11-16T09:30:00.000Z",
           "endDate": "2026-11-30T09:00:00.000Z", "goal": "Faster checkout"}]}
        """);
    Files.writeString(folder.resolve("jira/sprint-46-issues.json"), """
        {"startAt": 0, "maxResults": 50, "total": 2, "issues": [
          {"key": "SHOP-7", "fields": {"summary": "Cache the cart", "issuetype": {"name": "Story"}, "customfield_10016": 5,
           "status": {"statusCategory": {"key": "done"}}, "created": "2026-11-12T10:00:00.000+0000",
           "resolutiondate": "2026-11-20T16:00:00.000+0000",
           "sprint": {"id": 46, "state": "active", "name": "Sprint 46", "startDate": "2026-11-16T09:30:00.000Z",
                      "endDate": "2026-11-30T09:00:00.000Z"}}},
          {"key": "SHOP-8", "fields": {"summary": "Retry payments", "issuetype": {"name": "Story"}, "customfield_10016": 3,
           "status": {"statusCategory": {"key": "indeterminate"}}, "created": "2026-11-13T10:00:00.000+0000",
           "statuscategorychangedate": "2026-11-24T08:00:00.000+0000",
           "sprint": {"id": 46, "state": "active", "name": "Sprint 46", "startDate": "2026-11-16T09:30:00.000Z",
                      "endDate": "2026-11-30T09:00:00.000Z"}}}]}
        """);
    Files.writeString(folder.resolve("stripe/subscriptions.json"), """
        {"object": "list", "url": "/v1/subscriptions", "has_more": false, "data": [
          {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "active", "currency": "usd",
           "created": 1791158400, "items": {"object": "list", "data": [{"quantity": 2,
             "price": {"id": "price_1", "unit_amount": 25000, "recurring": {"interval": "month", "interval_count": 1}}}]}}]}
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
          - id: jira
            type: work-exports
            options:
              path: jira
            records: [sprints, sprint_items]
          - id: billing
            type: revenue-exports
            options:
              path: stripe
            records: [accounts, arr_movements]
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

  @Test
  void theSprintReviewAndTheQbrFootnoteTheJiraAndStripeExports() throws IOException {
    String md = render("sprint-review", "2026-11-28T15:00:00Z", "packs-2");
    assertThat(md.lines().filter(l -> l.startsWith("[^")).toList())
        .anySatisfy(f -> assertThat(f).contains("jira · ").contains("sprint-46-issues.json (Jira issues)"));
    // Sprint 46 (started 16 November 09:30): SHOP-7 (5) and SHOP-8 (3), both created before its start: 8 points
    // committed; SHOP-7 done on 20 November: 5 delivered. Its goal has no linked items (Jira links none).
    assertThat(md).contains("- Story Points Committed: 8 pts").contains("- Story Points Delivered: 5 pts");
    assertThat(md).contains("| Faster checkout |");
    String qbr = render("qbr", "2026-11-23T09:00:00Z", "packs-3");
    // sub_1: 2 × $250 a month from 5 October = $6,000 of new ARR in the quarter so far.
    assertThat(qbr).contains("- Net New ARR: $6,000");
    assertThat(qbr.lines().filter(l -> l.startsWith("[^")).toList())
        .anySatisfy(f -> assertThat(f).contains("billing · ").contains("subscriptions.json (Stripe subscriptions)"));
  }

  private static String render(String pack, String asOf, String folderName) throws IOException {
    Path out = dir.resolve(folderName);
    MainTest.Result r = MainTest.run("render", pack, "--config", folder.toString(), "--out", out.toString(), "--as-of", asOf);
    assertThat(r.code()).as(r.err()).isZero();
    try (var files = Files.walk(out)) {
      return Files.readString(files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow());
    }
  }
}
