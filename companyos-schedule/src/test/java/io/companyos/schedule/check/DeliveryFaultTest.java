package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.model.time.TimeWindow;
import io.companyos.schedule.check.CheckStateStore.Owed;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery against a real local receiver that fails in the ways receivers do: 5xx, 429 with Retry-After,
 * timeouts, connection refused, an action never configured, and the source failing between firing and
 * recovery. Each run is a {@code check --once}: it opens (locks) the state file, runs, and closes it.
 */
class DeliveryFaultTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final HealthCheck PAGE = new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall");
  /** Single attempts per run, so that each run is one request and the second run is the retry. */
  static final HealthCheckRunner.Retry ONE = new HealthCheckRunner.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(2));

  @TempDir Path dir;
  final Receiver receiver = new Receiver();
  final Map<String, String> env = new HashMap<>(receiver.env());
  /** The scripted source: the value it answers, or an error when {@code fail} is set, or no series when {@code empty}. */
  double value = 10;
  boolean fail;
  boolean empty;

  DeliveryFaultTest() throws Exception {}

  @AfterEach
  void stop() {
    receiver.close();
  }

  MetricSource source() {
    return ScriptedGauge.of((query, at) -> {
      if (fail) {
        throw new SourceUnavailableException("scripted", "connection refused", null);
      }
      return empty ? List.of() : ScriptedGauge.point(query, Map.of("service", "api"), at, value);
    });
  }

  HealthCheckRunner runner(List<HealthCheck> checks, HealthCheckRunner.Settings settings, Duration timeout) {
    return new HealthCheckRunner(checks, List.of(source()), ActionRegistry.discover(),
        new ActionContext(env::get, HttpClient.newHttpClient(), timeout), settings);
  }

  HealthCheckRunner runner(HealthCheck check) {
    return runner(List.of(check), HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE), Duration.ofSeconds(5));
  }

  CheckResult run(HealthCheckRunner r, Instant at) {
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("state.json"))) {
      return r.runOnce(at, state).get(0);
    }
  }

  static Instant min(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void a500ThenA200PagesOnceDeliveredOnTheSecondRun() {
    receiver.then(500);
    HealthCheckRunner r = runner(PAGE);
    CheckResult first = run(r, min(0));
    assertThat(first.action().outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(first.action().detail()).startsWith("HTTP 500 from 127.0.0.1:");
    assertThat(first.delivery().state()).isEqualTo(AlertState.FIRING_UNNOTIFIED);
    assertThat(first.delivery().owed()).isEqualTo(Owed.TRIGGER);
    assertThat(first.delivery().failedRuns()).isEqualTo(1);
    assertThat(first.problem()).isTrue();
    assertThat(receiver.openIncidents()).isEmpty();
    // Five minutes later: well inside the 60-minute cool-down, yet the page is retried because it was never received.
    CheckResult second = run(r, min(5));
    assertThat(second.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(second.delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    assertThat(second.delivery().receipt()).isEqualTo("HTTP 202 at 2026-11-23T10:05:00Z");
    // Delivered now: the next run inside the cool-down sends nothing.
    assertThat(run(r, min(10)).action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    assertThat(receiver.eventActions()).containsExactly("trigger 500", "trigger 202");
    assertThat(receiver.at("/pd")).extracting(p -> p.body().get("dedup_key").asText()).containsOnly("companyos-burn");
    assertThat(receiver.openIncidents()).containsExactly("companyos-burn");
  }

  @Test
  void a429WithAShortRetryAfterIsWaitedForWithinTheRun() {
    receiver.then(new Receiver.Reply(429, "1", 0));
    HealthCheckRunner r = runner(List.of(PAGE), HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN)
        .withRetry(new HealthCheckRunner.Retry(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(2))), Duration.ofSeconds(5));
    long start = System.nanoTime();
    CheckResult c = run(r, min(0));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(c.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(c.action().detail()).isEqualTo("HTTP 202 (attempt 2)");
    // The receiver asked for one second, not the 10 ms backoff.
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
    assertThat(receiver.eventActions()).containsExactly("trigger 429", "trigger 202");
  }

  @Test
  void a429WithALongRetryAfterHoldsTheNextAttemptUntilThen() {
    receiver.then(new Receiver.Reply(429, "600", 0));
    HealthCheckRunner r = runner(PAGE);
    CheckResult first = run(r, min(0));
    assertThat(first.action().detail()).contains("HTTP 429").contains("Retry-After 600 s");
    // 10:05 is before 10:00 + 600 s: no request, the trigger stays owed.
    CheckResult held = run(r, min(5));
    assertThat(held.action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    assertThat(held.action().detail()).isEqualTo("held back: the receiver asked not to be called before 2026-11-23T10:10:00Z (Retry-After)");
    assertThat(held.delivery().owed()).isEqualTo(Owed.TRIGGER);
    assertThat(held.problem()).isTrue();
    assertThat(receiver.posts).hasSize(1);
    // 10:10: allowed again, delivered.
    assertThat(run(r, min(10)).action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(receiver.eventActions()).containsExactly("trigger 429", "trigger 202");
  }

  @Test
  void aTimeoutIsAFailureAndTheRetryIsDeduplicatedByKey() {
    // The receiver takes 1.5 s for the first request; the client waits 300 ms.
    receiver.then(new Receiver.Reply(202, null, 1500));
    HealthCheckRunner r = runner(List.of(PAGE), HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE),
        Duration.ofMillis(300));
    CheckResult first = run(r, min(0));
    assertThat(first.action().outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(first.action().detail()).startsWith("HttpTimeoutException");
    assertThat(first.delivery().state()).isEqualTo(AlertState.FIRING_UNNOTIFIED);
    CheckResult second = run(r, min(5));
    assertThat(second.delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    // The receiver got the trigger twice (the first one late) under one key: one incident.
    await(() -> receiver.posts.size() == 2);
    assertThat(receiver.at("/pd")).extracting(p -> p.body().get("dedup_key").asText()).containsExactly("companyos-burn", "companyos-burn");
    assertThat(receiver.openIncidents()).containsExactly("companyos-burn");
    // The check recovers: the resolve closes the incident.
    value = 1;
    assertThat(run(r, min(10)).delivery().state()).isEqualTo(AlertState.OK);
    assertThat(receiver.openIncidents()).isEmpty();
  }

  @Test
  void connectionRefusedIsRetriedOnTheNextRun() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    env.put("COMPANYOS_PAGERDUTY_URL", "http://127.0.0.1:" + closedPort + "/pd");
    HealthCheckRunner r = runner(PAGE);
    CheckResult first = run(r, min(0));
    assertThat(first.action().outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(first.action().detail()).startsWith("ConnectException").endsWith("(127.0.0.1:" + closedPort + ")");
    assertThat(first.delivery().owed()).isEqualTo(Owed.TRIGGER);
    // The endpoint comes back.
    env.put("COMPANYOS_PAGERDUTY_URL", receiver.url("/pd"));
    assertThat(run(r, min(5)).delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    assertThat(receiver.eventActions()).containsExactly("trigger 202");
  }

  @Test
  void anUnconfiguredActionIsRetriedEveryRunAndEscalatedToTheAccountableRole() {
    env.remove("COMPANYOS_PAGERDUTY_ROUTING_KEY");
    Escalation escalation = new Escalation(2, "slack", "Daily Health Check", "sre_lead", List.of("Sam Rivera <sam@example.com>"));
    HealthCheckRunner r = runner(List.of(PAGE), HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE)
        .withEscalation(escalation), Duration.ofSeconds(5));
    CheckResult first = run(r, min(0));
    assertThat(first.action().outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(first.action().detail()).isEqualTo("not configured: set COMPANYOS_PAGERDUTY_ROUTING_KEY");
    assertThat(first.delivery().escalation()).isNull();
    assertThat(receiver.posts).isEmpty();
    // Second failed run: escalated through Slack, naming the role, its people and the reason.
    CheckResult second = run(r, min(5));
    assertThat(second.delivery().failedRuns()).isEqualTo(2);
    assertThat(second.delivery().escalation().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(receiver.at("/slack")).singleElement().satisfies(p -> assertThat(p.body().get("text").asText()).isEqualTo(
        ":red_circle: Escalation to sre_lead (Sam Rivera &lt;sam@example.com&gt;), accountable for 'Daily Health Check': "
            + "the trigger of 'Burn' (page_oncall) was not delivered in 2 runs (last: not configured: set COMPANYOS_PAGERDUTY_ROUTING_KEY)"));
    // Escalated once: the third failed run does not repeat it.
    assertThat(run(r, min(10)).delivery().escalation()).isNull();
    assertThat(receiver.at("/slack")).hasSize(1);
    // Configured at last: the page goes out on the next run.
    env.put("COMPANYOS_PAGERDUTY_ROUTING_KEY", "rk-123");
    CheckResult fourth = run(r, min(15));
    assertThat(fourth.delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    assertThat(fourth.delivery().failedRuns()).isZero();
    assertThat(receiver.eventActions()).containsExactly("trigger 202");
  }

  @Test
  void anActionNoPluginProvidesIsAFailedDeliveryNotACrash() {
    HealthCheck unknown = new HealthCheck("Other", "m", Threshold.parse("> 6"), "carrier_pigeon");
    HealthCheckRunner r = runner(List.of(unknown, PAGE), HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE),
        Duration.ofSeconds(5));
    List<CheckResult> results;
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("state.json"))) {
      results = r.runOnce(min(0), state);
    }
    assertThat(results.get(0).action().outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(results.get(0).action().detail()).startsWith("no action 'carrier_pigeon'");
    assertThat(results.get(0).delivery().owed()).isEqualTo(Owed.TRIGGER);
    assertThat(results.get(1).delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
  }

  @Test
  void aSourceErrorBetweenFiringAndRecoveryStillDeliversTheResolve() {
    HealthCheckRunner r = runner(PAGE);
    assertThat(run(r, min(0)).delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    fail = true;
    CheckResult error = run(r, min(5));
    assertThat(error.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(error.delivery().state()).isEqualTo(AlertState.ERROR);
    assertThat(error.action()).isNull();
    fail = false;
    value = 1;
    CheckResult ok = run(r, min(10));
    assertThat(ok.delivery().state()).isEqualTo(AlertState.OK);
    assertThat(ok.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(receiver.eventActions()).containsExactly("trigger 202", "resolve 202");
    assertThat(receiver.openIncidents()).isEmpty();
  }

  @Test
  void anErrorOrNoDataRunDoesNotBreakDeduplication() {
    HealthCheckRunner r = runner(PAGE);
    run(r, min(0));
    fail = true;
    run(r, min(5));
    fail = false;
    // Firing again at 10:10, inside the cool-down of the 10:00 page: nothing is sent.
    assertThat(run(r, min(10)).action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    empty = true;
    assertThat(run(r, min(15)).status()).isEqualTo(CheckStatus.NO_DATA);
    empty = false;
    CheckResult again = run(r, min(20));
    assertThat(again.action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    assertThat(again.action().detail()).isEqualTo("still firing, notified at 2026-11-23T10:00:00Z (cool-down 60 min)");
    assertThat(receiver.eventActions()).containsExactly("trigger 202");
  }

  @Test
  void aResolveIsOwedUntilDeliveredWhateverStatesComeBetween() {
    HealthCheckRunner r = runner(PAGE);
    run(r, min(0));
    value = 1;
    receiver.then(500);
    CheckResult resolving = run(r, min(5));
    assertThat(resolving.delivery().state()).isEqualTo(AlertState.RESOLVING);
    assertThat(resolving.delivery().owed()).isEqualTo(Owed.RESOLVE);
    assertThat(resolving.problem()).isTrue();
    // The source fails: the check is in ERROR, and the resolve observed before is still owed and retried.
    fail = true;
    receiver.then(503);
    CheckResult error = run(r, min(10));
    assertThat(error.delivery().state()).isEqualTo(AlertState.ERROR);
    assertThat(error.delivery().owed()).isEqualTo(Owed.RESOLVE);
    assertThat(error.delivery().failedRuns()).isEqualTo(2);
    CheckResult delivered = run(r, min(15));
    assertThat(delivered.delivery().owed()).isEqualTo(Owed.NONE);
    fail = false;
    CheckResult ok = run(r, min(20));
    assertThat(ok.delivery().state()).isEqualTo(AlertState.OK);
    assertThat(ok.action()).isNull();
    assertThat(receiver.eventActions()).containsExactly("trigger 202", "resolve 500", "resolve 503", "resolve 202");
    assertThat(receiver.openIncidents()).isEmpty();
  }

  @Test
  void aTriggerThatMayHaveArrivedIsResolvedAndOneThatNeverLeftIsDropped() {
    // A 500 may still have opened an incident: on recovery a resolve is owed.
    receiver.then(500);
    HealthCheckRunner r = runner(PAGE);
    run(r, min(0));
    value = 1;
    CheckResult recovered = run(r, min(5));
    assertThat(recovered.delivery().state()).isEqualTo(AlertState.OK);
    assertThat(receiver.eventActions()).containsExactly("trigger 500", "resolve 202");
    // Unconfigured, nothing ever left: recovering drops the trigger and says so.
    HealthCheck slack = new HealthCheck("Sec", "m", Threshold.parse("> 6"), "slack_security_channel");
    env.remove("COMPANYOS_SLACK_WEBHOOK_URL");
    HealthCheckRunner s = runner(slack);
    value = 10;
    Path other = dir.resolve("other.json");
    try (CheckStateStore state = CheckStateStore.open(other)) {
      assertThat(s.runOnce(min(10), state).get(0).delivery().owed()).isEqualTo(Owed.TRIGGER);
    }
    value = 1;
    try (CheckStateStore state = CheckStateStore.open(other)) {
      CheckResult dropped = s.runOnce(min(15), state).get(0);
      assertThat(dropped.delivery().state()).isEqualTo(AlertState.OK);
      assertThat(dropped.delivery().note()).isEqualTo("recovered before the trigger could be delivered; nothing was open at the receiver");
      assertThat(dropped.action()).isNull();
    }
  }

  @Test
  void aLastNotificationDatedInTheFutureDoesNotSilenceTheCheck() throws Exception {
    HealthCheckRunner r = runner(PAGE);
    run(r, min(0));
    Path file = dir.resolve("state.json");
    Files.writeString(file, Files.readString(file).replace("\"last_notified\" : \"2026-11-23T10:00:00Z\"", "\"last_notified\" : \"2099-01-01T00:00:00Z\""));
    Files.delete(dir.resolve("state.json.bak"));
    CheckResult c = run(r, min(5));
    assertThat(c.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(c.delivery().note()).isEqualTo("the last notification is dated after the run (2099-01-01T00:00:00Z); notifying again");
    assertThat(receiver.eventActions()).containsExactly("trigger 202", "trigger 202");
  }

  @Test
  void aSeverityChangeWhileFiringIsNotifiedAtOnce() {
    HealthCheck incidents = new HealthCheck("Incidents", "pagerduty_incidents_active_total", Threshold.parse("> 0"), "update_status_page");
    String[] severity = {"P3"};
    MetricSource bySeverity = new MetricSource() {
      @Override
      public String id() {
        return "pd";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("pd", Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        List<Series> rows = List.of(new Series(query, Map.of("severity", severity[0]), List.of(new Series.Point(at, 1))));
        return new Dataset<>(rows, new Provenance("pd", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at, 1));
      }
    };
    HealthCheckRunner r = new HealthCheckRunner(List.of(incidents), List.of(bySeverity), ActionRegistry.discover(),
        new ActionContext(env::get, HttpClient.newHttpClient(), Duration.ofSeconds(5)),
        HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE));
    run(r, min(0));
    assertThat(run(r, min(5)).action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    severity[0] = "P1";
    CheckResult worse = run(r, min(10));
    assertThat(worse.delivery().note()).isEqualTo("severity changed from P3 to P1");
    assertThat(receiver.at("/status")).extracting(p -> p.body().get("status").asText())
        .containsExactly("degraded_performance", "major_outage");
  }

  @Test
  void everySeverityMapsToItsStatusPageImpactAndTheMappingIsConfigurable() {
    Map<String, String> expected = Map.of("P1", "major_outage", "P2", "partial_outage", "P3", "degraded_performance", "P4", "operational");
    List<HealthCheck> checks = HealthCheck.SEVERITIES.stream()
        .map(s -> new HealthCheck("Sev " + s, "m", Threshold.parse("> 6"), "update_status_page", false, s)).toList();
    HealthCheckRunner r = runner(checks, HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN).withRetry(ONE), Duration.ofSeconds(5));
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("state.json"))) {
      r.runOnce(min(0), state);
    }
    assertThat(receiver.at("/status")).hasSize(4).allSatisfy(p -> {
      String sev = p.body().get("severity").asText();
      assertThat(p.body().get("component").asText()).isEqualTo("Sev " + sev);
      assertThat(p.body().get("status").asText()).as(sev).isEqualTo(expected.get(sev));
      assertThat(p.body().get("impact").asText()).as(sev).isEqualTo(sev.equals("P4") ? "none" : expected.get(sev));
    });
    // The company's own mapping: P3 is a partial outage, P4 degraded; P1 and P2 keep the defaults.
    receiver.posts.clear();
    env.put("COMPANYOS_STATUS_PAGE_IMPACT", "P3=partial_outage, P4=degraded_performance");
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("mapped.json"))) {
      r.runOnce(min(0), state);
    }
    assertThat(receiver.at("/status")).extracting(p -> p.body().get("severity").asText() + " " + p.body().get("status").asText())
        .containsExactlyInAnyOrder("P1 major_outage", "P2 partial_outage", "P3 partial_outage", "P4 degraded_performance");
    // A typo in the mapping fails the delivery with the reason (and is retried), rather than posting a wrong status.
    receiver.posts.clear();
    env.put("COMPANYOS_STATUS_PAGE_IMPACT", "P3=degraded");
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("typo.json"))) {
      assertThat(r.runOnce(min(0), state).get(2).action().detail()).isEqualTo(
          "invalid COMPANYOS_STATUS_PAGE_IMPACT: 'P3=degraded': the impact must be one of major_outage, partial_outage, "
              + "degraded_performance, under_maintenance, none");
    }
    assertThat(receiver.posts).isEmpty();
  }

  @Test
  void pagerDutyCarriesTheSeverityAndOneKeyPerCheck() {
    HealthCheck p2 = new HealthCheck("SLO Budget Check", "m", Threshold.parse("> 6"), "page_oncall", false, "P2");
    HealthCheckRunner r = runner(p2);
    receiver.then(500);
    run(r, min(0));
    run(r, min(5));
    value = 1;
    run(r, min(10));
    assertThat(receiver.at("/pd")).extracting(p -> p.eventAction() + " " + p.body().get("dedup_key").asText() + " "
        + p.body().at("/payload/severity").asText("-")).containsExactly(
        "trigger companyos-slo-budget-check error", "trigger companyos-slo-budget-check error", "resolve companyos-slo-budget-check -");
  }

  static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
