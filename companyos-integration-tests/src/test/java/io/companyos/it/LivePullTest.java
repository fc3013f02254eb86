package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.companyos.connectors.delivery.DeliveryExportsSourceProvider;
import io.companyos.connectors.incidents.IncidentExportsSourceProvider;
import io.companyos.connectors.work.WorkExportsSourceProvider;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live pulls from PagerDuty and GitHub against a server on loopback that answers with payloads written by hand from
 * the vendors' API documentation: pagination (PagerDuty's offset and {@code more}, GitHub's {@code Link} header),
 * incremental syncs into the cache folder, the token sent and never shown, and 401, 403, 404, 429 and 5xx answers
 * turned into an unavailable source with the reason.
 */
class LivePullTest {
  static final String TOKEN = "s3cr3t-token-value";
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

  /** One answer of the fake API. */
  record Answer(int status, String body, Map<String, String> headers) {
    static Answer ok(String body) {
      return new Answer(200, body, Map.of());
    }
  }

  HttpServer server;
  String base;
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> auth = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Function<Map<String, String>, Answer>> routes = new HashMap<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getRawPath();
    Map<String, String> query = new HashMap<>();
    String raw = x.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        query.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    requests.add(path + (raw == null ? "" : "?" + URLDecoder.decode(raw, StandardCharsets.UTF_8)));
    auth.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
    Answer a = routes.getOrDefault(path, q -> new Answer(404, "{\"error\":\"not found\"}", Map.of())).apply(query);
    a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    x.getResponseHeaders().add("Content-Type", "application/json");
    byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(a.status(), b.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(b);
    }
  }

  MetricSource pagerDuty(Instant now) {
    return new IncidentExportsSourceProvider().create(new SourceContext("oncall", Map.of("path", "cache", "pull", "pagerduty",
        "api", base, "token_env", "PD_TOKEN", "since", "2026-11-01"), Clock.fixed(now, ZoneOffset.UTC), dir, Duration.ofSeconds(5), 0,
        name -> name.equals("PD_TOKEN") ? TOKEN : null));
  }

  static String incident(String id, String created, String updated, String status, String resolved, String priority) {
    return """
        {"id": "%s", "type": "incident", "title": "Incident %s", "created_at": "%s", "updated_at": "%s", "status": "%s",
         %s "service": {"id": "S1", "type": "service_reference", "summary": "checkout"}, "urgency": "high",
         "priority": {"id": "R1", "type": "priority_reference", "summary": "%s"}}
        """.formatted(id, id, created, updated, status, resolved == null ? "" : "\"resolved_at\": \"" + resolved + "\",", priority);
  }

  @Test
  void pagerDutyPagesAreFetchedThenReadAndTheNextSyncAsksOnlyForWhatChanged() throws IOException {
    routes.put("/incidents", q -> q.get("offset").equals("0")
        ? Answer.ok("{\"incidents\": [" + incident("PI1", "2026-11-17T10:00:00Z", "2026-11-17T12:30:00Z", "resolved",
            "2026-11-17T12:30:00Z", "P1") + "], \"limit\": 100, \"offset\": 0, \"more\": true}")
        : Answer.ok("{\"incidents\": [" + incident("PI2", "2026-11-20T08:00:00Z", "2026-11-20T08:05:00Z", "acknowledged", null, "P2")
            + "], \"limit\": 100, \"offset\": 100, \"more\": false}"));
    routes.put("/log_entries", q -> Answer.ok("{\"log_entries\": [], \"limit\": 100, \"offset\": 0, \"more\": false}"));
    Instant first = Instant.parse("2026-11-23T09:00:00Z");
    try (MetricSource s = pagerDuty(first)) {
      List<Incident> rows = s.records(RecordKind.INCIDENTS, ALL).rows();
      assertThat(rows).extracting(Incident::incidentId).containsExactly("PI1", "PI2");
      assertThat(rows.get(0).timeResolved()).isEqualTo(Instant.parse("2026-11-17T12:30:00Z"));
      assertThat(rows.get(1).timeResolved()).isNull();
    }
    // Since 2026-11-01 (the since option), in one span up to now; two pages of incidents, one of log entries.
    assertThat(requests).containsExactly(
        "/incidents?since=2026-11-01T00:00:00Z&until=2026-11-23T09:00:00Z&limit=100&offset=0&time_zone=UTC",
        "/incidents?since=2026-11-01T00:00:00Z&until=2026-11-23T09:00:00Z&limit=100&offset=100&time_zone=UTC",
        "/log_entries?since=2026-11-01T00:00:00Z&until=2026-11-23T09:00:00Z&limit=100&offset=0&time_zone=UTC&is_overview=true");
    assertThat(auth).containsOnly("Token token=" + TOKEN);
    assertThat(Files.readString(dir.resolve("cache/.companyos-sync")).strip()).isEqualTo("2026-11-23T09:00:00Z");

    // A day later: PI2 was resolved. The next sync asks from the last sync less a day; the log entry resolves PI2.
    requests.clear();
    routes.put("/incidents", q -> Answer.ok("{\"incidents\": [], \"limit\": 100, \"offset\": 0, \"more\": false}"));
    routes.put("/log_entries", q -> Answer.ok("""
        {"log_entries": [{"id": "RRES2", "type": "resolve_log_entry", "created_at": "2026-11-24T07:00:00Z",
          "incident": {"id": "PI2", "type": "incident_reference"}}], "limit": 100, "offset": 0, "more": false}
        """));
    try (MetricSource s = pagerDuty(Instant.parse("2026-11-24T09:00:00Z"))) {
      List<Incident> rows = s.records(RecordKind.INCIDENTS, ALL).rows();
      assertThat(rows).extracting(Incident::incidentId).containsExactly("PI1", "PI2");
      assertThat(rows.get(1).timeResolved()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }
    assertThat(requests).first().asString().startsWith("/incidents?since=2026-11-22T09:00:00Z&until=2026-11-24T09:00:00Z");
  }

  @Test
  void refusedAndFailingAnswersMakeAnUnavailableSourceThatNamesWhatHappenedButNotTheToken() {
    Map<Integer, String> expected = Map.of(401, "PagerDuty refused the token", 403, "does not let the token read this",
        404, "has nothing at this address", 500, "failed on its side, also on the retries");
    for (Map.Entry<Integer, String> e : expected.entrySet()) {
      routes.put("/incidents", q -> new Answer(e.getKey(), "{\"error\": {\"message\": \"no\"}}", Map.of()));
      try (MetricSource s = pagerDuty(Instant.parse("2026-11-23T09:00:00Z"))) {
        assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, ALL)).as("HTTP " + e.getKey())
            .isInstanceOf(SourceUnavailableException.class).hasMessageContaining(e.getValue())
            .hasMessageContaining("(HTTP " + e.getKey() + " at 127.0.0.1/incidents)")
            .satisfies(x -> assertThat(x.getMessage()).doesNotContain(TOKEN).doesNotContain("since="));
      }
    }
    // The failed syncs recorded nothing: the next one starts again at 'since'.
    assertThat(dir.resolve("cache/.companyos-sync")).doesNotExist();
  }

  @Test
  void a429WithRetryAfterIsWaitedForThenTheAnswerIsRead() {
    int[] calls = {0};
    routes.put("/incidents", q -> ++calls[0] == 1 ? new Answer(429, "{}", Map.of("Retry-After", "1"))
        : Answer.ok("{\"incidents\": [" + incident("PI1", "2026-11-17T10:00:00Z", "2026-11-17T12:30:00Z", "resolved",
            "2026-11-17T12:30:00Z", "P1") + "], \"limit\": 100, \"offset\": 0, \"more\": false}"));
    routes.put("/log_entries", q -> Answer.ok("{\"log_entries\": [], \"more\": false}"));
    long t0 = System.nanoTime();
    try (MetricSource s = pagerDuty(Instant.parse("2026-11-23T09:00:00Z"))) {
      assertThat(s.records(RecordKind.INCIDENTS, ALL).rows()).hasSize(1);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(calls[0]).isEqualTo(2);
  }

  MetricSource gitHub(Instant now) {
    return new DeliveryExportsSourceProvider().create(new SourceContext("git", Map.of("path", "gh", "pull", "github",
        "api", base, "repo", "acme/shop", "token_file", "gh-token", "since", "2026-11-01"), Clock.fixed(now, ZoneOffset.UTC), dir,
        Duration.ofSeconds(5), 0, name -> null));
  }

  @Test
  void gitHubPagesFollowTheLinkHeaderStopAtTheWindowAndWaitForAUsedUpRateLimit() throws IOException {
    Files.writeString(dir.resolve("gh-token"), TOKEN + "\n");
    String repo = base + "repos/acme/shop";
    routes.put("/repos/acme/shop/deployments", q -> q.containsKey("page")
        // Page 2: one deployment of October, before the window: paging stops there.
        ? Answer.ok("""
            [{"id": 2, "sha": "old", "environment": "production", "created_at": "2026-10-20T09:00:00Z", "updated_at": "2026-10-20T09:00:00Z",
              "statuses_url": "%s/deployments/2/statuses", "repository_url": "%s"}]
            """.formatted(repo, repo))
        : new Answer(200, """
            [{"id": 1, "sha": "abc", "environment": "production", "created_at": "2026-11-18T09:00:00Z", "updated_at": "2026-11-18T09:30:00Z",
              "statuses_url": "%s/deployments/1/statuses", "repository_url": "%s"}]
            """.formatted(repo, repo), Map.of("Link", "<" + repo + "/deployments?per_page=100&page=2>; rel=\"next\", <" + repo
            + "/deployments?per_page=100&page=2>; rel=\"last\"")));
    int[] statusCalls = {0};
    long reset = Instant.now().plusSeconds(1).getEpochSecond() + 1;
    routes.put("/repos/acme/shop/deployments/1/statuses", q -> ++statusCalls[0] == 1
        // GitHub's used-up rate limit: 403 with X-RateLimit-Remaining 0 and the reset in epoch seconds.
        ? new Answer(403, "{\"message\": \"API rate limit exceeded\"}", Map.of("X-RateLimit-Remaining", "0",
            "X-RateLimit-Reset", Long.toString(reset)))
        : Answer.ok("""
            [{"id": 11, "state": "success", "created_at": "2026-11-18T09:30:00Z", "deployment_url": "%s/deployments/1"}]
            """.formatted(repo)));
    routes.put("/repos/acme/shop/pulls", q -> Answer.ok("""
        [{"id": 500, "number": 5, "title": "Faster checkout", "state": "closed", "user": {"login": "ana"},
          "created_at": "2026-11-17T09:30:00Z", "updated_at": "2026-11-18T08:00:00Z", "merged_at": "2026-11-18T08:00:00Z",
          "closed_at": "2026-11-18T08:00:00Z", "merge_commit_sha": "abc", "head": {"ref": "fast"},
          "base": {"ref": "main", "repo": {"full_name": "acme/shop"}}}]
        """));
    try (MetricSource s = gitHub(Instant.now())) {
      List<Deployment> deployments = s.<Deployment>records(RecordKind.DEPLOYMENTS, ALL).rows();
      assertThat(deployments).extracting(Deployment::deployId).containsExactly("acme/shop/deployments/1");
      List<PullRequest> pulls = s.<PullRequest>records(RecordKind.PULL_REQUESTS, ALL).rows();
      assertThat(pulls).hasSize(1);
    }
    assertThat(requests).containsExactly("/repos/acme/shop/deployments?per_page=100",
        "/repos/acme/shop/deployments?per_page=100&page=2",
        "/repos/acme/shop/deployments/1/statuses?per_page=100", "/repos/acme/shop/deployments/1/statuses?per_page=100",
        "/repos/acme/shop/pulls?state=all&sort=updated&direction=desc&per_page=100");
    assertThat(auth).containsOnly("Bearer " + TOKEN);
    assertThat(statusCalls[0]).isEqualTo(2);
  }

  @Test
  void aRateLimitThatResetsTooLateIsAnUnavailableSourceSayingUntilWhen() throws IOException {
    Files.writeString(dir.resolve("gh-token"), TOKEN);
    long reset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    routes.put("/repos/acme/shop/deployments", q -> new Answer(403, "{\"message\": \"API rate limit exceeded\"}",
        Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset))));
    try (MetricSource s = gitHub(Instant.now())) {
      assertThatThrownBy(() -> s.records(RecordKind.DEPLOYMENTS, ALL)).isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("GitHub rate limit used up until " + Instant.ofEpochSecond(reset))
          .satisfies(x -> assertThat(x.getMessage()).doesNotContain(TOKEN));
    }
  }

  @Test
  void jiraSprintPagesAndTheirIssuesArePulledWithBasicCredentialsForCloud() {
    routes.put("/rest/agile/1.0/board/7/sprint", q -> q.get("startAt").equals("0")
        ? Answer.ok("""
            {"maxResults": 50, "startAt": 0, "isLast": false, "values": [
              {"id": 101, "state": "closed", "name": "Sprint 44", "startDate": "2026-10-19T09:00:00.000Z",
               "endDate": "2026-11-02T09:00:00.000Z", "completeDate": "2026-11-02T10:30:00.000Z", "goal": "Old goal"}]}
            """)
        : Answer.ok("""
            {"maxResults": 50, "startAt": 50, "isLast": true, "values": [
              {"id": 102, "state": "active", "name": "Sprint 45", "startDate": "2026-11-16T09:00:00.000Z",
               "endDate": "2026-11-30T09:00:00.000Z", "goal": "Launch dashboards"}]}
            """));
    routes.put("/rest/agile/1.0/sprint/102/issue", q -> Answer.ok("""
        {"startAt": 0, "maxResults": 100, "total": 1, "issues": [
          {"id": "20451", "key": "ACME-451", "fields": {"summary": "Roll out dashboards", "issuetype": {"name": "Story"},
           "status": {"name": "Done", "statusCategory": {"key": "done"}}, "created": "2026-11-10T09:00:00.000+0000",
           "resolutiondate": "2026-11-20T16:00:00.000+0000", "customfield_10016": 5.0, "labels": [],
           "sprint": {"id": 102, "state": "active", "name": "Sprint 45", "startDate": "2026-11-16T09:00:00.000Z",
                      "endDate": "2026-11-30T09:00:00.000Z"}}}]}
        """));
    try (MetricSource s = new WorkExportsSourceProvider().create(new SourceContext("jira", Map.of("path", "jira-cache",
        "pull", "jira", "api", base, "board", "7", "user", "ana@acme.example", "token_env", "JIRA_TOKEN", "since", "2026-11-10"),
        Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), dir, Duration.ofSeconds(5), 0,
        name -> name.equals("JIRA_TOKEN") ? TOKEN : null))) {
      List<Sprint> sprints = s.<Sprint>records(RecordKind.SPRINTS, ALL).rows();
      assertThat(sprints).extracting(Sprint::sprintId).containsExactly("Sprint 44", "Sprint 45"); // the reader names sprints by their names
      List<SprintItem> items = s.<SprintItem>records(RecordKind.SPRINT_ITEMS, ALL).rows();
      assertThat(items).singleElement().satisfies(i -> {
        assertThat(i.itemId()).isEqualTo("ACME-451");
        assertThat(i.points()).isEqualTo(5.0);
      });
    }
    // Sprint 44 ended before 'since': its issues are not asked for; the active sprint's are, with the reader's fields.
    assertThat(requests).containsExactly("/rest/agile/1.0/board/7/sprint?startAt=0&maxResults=50",
        "/rest/agile/1.0/board/7/sprint?startAt=50&maxResults=50",
        "/rest/agile/1.0/sprint/102/issue?startAt=0&maxResults=100&fields=summary,issuetype,status,created,resolutiondate,labels,"
            + "sprint,closedSprints,customfield_10016");
    assertThat(auth).containsOnly("Basic " + java.util.Base64.getEncoder().encodeToString(("ana@acme.example:" + TOKEN)
        .getBytes(StandardCharsets.UTF_8)));
  }
}
