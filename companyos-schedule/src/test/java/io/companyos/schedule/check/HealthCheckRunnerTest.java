package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.sample.SampleSourceProvider;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCheckRunnerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AS_OF = SampleSourceProvider.DEFAULT_AS_OF;
  static final List<HealthCheck> SEED = BuiltinDefinitions.load().healthChecks().checks();

  record Post(String path, JsonNode body) {}

  HttpServer server;
  final List<Post> posts = new CopyOnWriteArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      posts.add(new Post(ex.getRequestURI().getPath(), JSON.readTree(ex.getRequestBody().readAllBytes())));
      ex.sendResponseHeaders(202, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  ActionContext context() {
    Map<String, String> env = Map.of("COMPANYOS_SLACK_WEBHOOK_URL", url("/slack"), "COMPANYOS_STATUS_PAGE_URL", url("/status"),
        "COMPANYOS_PAGERDUTY_ROUTING_KEY", "rk-123", "COMPANYOS_PAGERDUTY_URL", url("/pd"));
    return new ActionContext(env::get, HttpClient.newHttpClient(), Duration.ofSeconds(5));
  }

  HealthCheckRunner runner(List<HealthCheck> checks, MetricSource source) {
    return new HealthCheckRunner(checks, source, ActionRegistry.discover(), context(), HealthCheckRunner.DEFAULT_COOLDOWN);
  }

  static MetricSource sample() {
    return new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(AS_OF, ZoneOffset.UTC), Path.of(".")));
  }

  /** One run as {@code check --once} does it: open (lock) the state file, run, close. */
  static List<CheckResult> runFile(HealthCheckRunner r, Instant at, Path file) {
    try (CheckStateStore state = CheckStateStore.open(file)) {
      return r.runOnce(at, state);
    }
  }

  static CheckResult named(List<CheckResult> results, String name) {
    return results.stream().filter(r -> r.check().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theSeedsChecksFireTheirActionsOnTheSampleCompany() {
    List<CheckResult> results = runner(SEED, sample()).runOnce(AS_OF, CheckStateStore.inMemory());
    // Critical CVEs are open at as-of (at least the sample's two injected ones): "> 0" fires and Slack gets the
    // message. The gauge agrees with a count made independently from the vulnerability records.
    long openCritical = sample().records(io.companyos.sources.RecordKind.VULNERABILITIES,
            new TimeWindow(AS_OF.minus(Duration.ofDays(1000)), AS_OF)).rows().stream()
        .filter(v -> v.severity().equals("critical") && (v.resolvedAt() == null || !v.resolvedAt().isBefore(AS_OF))).count();
    CheckResult security = named(results, "Security Posture");
    assertThat(security.status()).isEqualTo(CheckStatus.FIRING);
    assertThat(openCritical).isGreaterThanOrEqualTo(2);
    assertThat(security.value()).isEqualTo((double) openCritical);
    assertThat(security.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(posts).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("/slack");
      // Slack mrkdwn needs ">" escaped; Slack shows "&gt;" as ">".
      assertThat(p.body().get("text").asText()).contains("Security Posture firing: " + openCritical + " &gt; 0");
    });
    // Two P3 incidents are open at as-of (notifications: latency degradation, search: index lag) and none more
    // severe: "Active Incidents" fires with the worst open severity, and the status page shows degraded
    // performance, not an outage.
    CheckResult incidents = named(results, "Active Incidents");
    assertThat(incidents.status()).isEqualTo(CheckStatus.FIRING);
    assertThat(incidents.value()).isEqualTo(2.0);
    assertThat(incidents.severity()).isEqualTo("P3");
    assertThat(incidents.detail()).isEqualTo("2 > 0, worst severity P3");
    assertThat(posts).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("/status");
      assertThat(p.body().get("component").asText()).isEqualTo("Active Incidents");
      assertThat(p.body().get("status").asText()).isEqualTo("degraded_performance");
      assertThat(p.body().get("impact").asText()).isEqualTo("degraded_performance");
      assertThat(p.body().get("severity").asText()).isEqualTo("P3");
    });
    // The burn-rate check decides by the worst service; it fires exactly when that value is above 6.
    CheckResult slo = named(results, "SLO Budget Check");
    assertThat(slo.status()).isEqualTo(slo.value() > 6 ? CheckStatus.FIRING : CheckStatus.OK);
    assertThat(slo.provenance().sourceId()).isEqualTo("sample");
  }

  @Test
  void theInjectedErrorSpikePagesOnCallWithTheServiceThatBurns() {
    Instant spike = AS_OF.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(3)).plus(Duration.ofMinutes(14 * 60 + 30));
    CheckResult slo = named(runner(SEED, sample()).runOnce(spike, CheckStateStore.inMemory()), "SLO Budget Check");
    assertThat(slo.status()).isEqualTo(CheckStatus.FIRING);
    assertThat(slo.labels()).containsEntry("service", "search");
    JsonNode pd = posts.stream().filter(p -> p.path().equals("/pd")).findFirst().orElseThrow().body();
    assertThat(pd.get("routing_key").asText()).isEqualTo("rk-123");
    assertThat(pd.get("event_action").asText()).isEqualTo("trigger");
    assertThat(pd.get("dedup_key").asText()).isEqualTo("companyos-slo-budget-check");
    assertThat(pd.at("/payload/severity").asText()).isEqualTo("critical");
    assertThat(pd.at("/payload/summary").asText()).startsWith("SLO Budget Check firing: ");
  }

  /** A source whose value the test sets. */
  static MetricSource scripted(Function<Instant, List<Series>> answer) {
    return new MetricSource() {
      @Override
      public String id() {
        return "scripted";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("scripted", java.util.Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        List<Series> rows = answer.apply(at);
        return new Dataset<>(rows, new Provenance("scripted", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at, rows.size()));
      }
    };
  }

  static List<Series> value(String label, double v, Instant at) {
    return List.of(new Series("m", Map.of("service", label), List.of(new Series.Point(at, v))));
  }

  @Test
  void oneIncidentIsPagedOnceThenAgainAfterTheCooldownAndResolvedOnRecovery() {
    HealthCheck check = new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall");
    Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    double[] current = {10};
    HealthCheckRunner r = runner(List.of(check), scripted(at -> value("api", current[0], at)));
    Path file = dir.resolve("state.json");
    assertThat(runFile(r, t0, file).get(0).action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    // Five minutes later, still firing: suppressed (a new store reads the saved file, as a cron run would).
    CheckResult again = runFile(r, t0.plus(Duration.ofMinutes(5)), file).get(0);
    assertThat(again.action().outcome()).isEqualTo(ActionResult.Outcome.SKIPPED);
    assertThat(again.action().detail()).contains("cool-down 60 min");
    // After the hour: notified again.
    assertThat(runFile(r, t0.plus(Duration.ofMinutes(61)), file).get(0).action().outcome())
        .isEqualTo(ActionResult.Outcome.SENT);
    // Recovery: a resolve with the same dedup key.
    current[0] = 1;
    CheckResult ok = runFile(r, t0.plus(Duration.ofMinutes(70)), file).get(0);
    assertThat(ok.status()).isEqualTo(CheckStatus.OK);
    assertThat(posts).extracting(p -> p.body().get("event_action").asText()).containsExactly("trigger", "trigger", "resolve");
    assertThat(posts).extracting(p -> p.body().get("dedup_key").asText()).containsOnly("companyos-burn");
    // Healthy and already resolved: nothing more is sent.
    assertThat(runFile(r, t0.plus(Duration.ofMinutes(75)), file).get(0).action()).isNull();
    assertThat(posts).hasSize(3);
  }

  @Test
  void noDataAndErrorsAreReportedButNeverFireOrResolve() {
    HealthCheck check = new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall");
    CheckResult none = runner(List.of(check), scripted(at -> List.of())).runOnce(Instant.parse("2026-11-23T10:00:00Z"), CheckStateStore.inMemory()).get(0);
    assertThat(none.status()).isEqualTo(CheckStatus.NO_DATA);
    assertThat(none.value()).isNull();
    assertThat(none.action()).isNull();
    CheckResult error = runner(List.of(check), scripted(at -> {
      throw new SourceUnavailableException("scripted", "connection refused", null);
    })).runOnce(Instant.parse("2026-11-23T10:00:00Z"), CheckStateStore.inMemory()).get(0);
    assertThat(error.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(error.detail()).contains("connection refused");
    assertThat(posts).isEmpty();
  }

  @Test
  void unconfiguredActionsFailWithTheVariableToSet() {
    HealthCheck check = new HealthCheck("Sec", "m", Threshold.parse("> 0"), "slack_security_channel");
    HealthCheckRunner r = new HealthCheckRunner(List.of(check), scripted(at -> value("x", 1, at)), ActionRegistry.discover(),
        new ActionContext(name -> null, HttpClient.newHttpClient(), Duration.ofSeconds(1)), HealthCheckRunner.DEFAULT_COOLDOWN);
    ActionResult a = r.runOnce(Instant.parse("2026-11-23T10:00:00Z"), CheckStateStore.inMemory()).get(0).action();
    // Not a silent skip: the trigger stays owed, the run is a problem (exit 1) and the next run retries.
    assertThat(a.outcome()).isEqualTo(ActionResult.Outcome.FAILED);
    assertThat(a.detail()).isEqualTo("not configured: set COMPANYOS_SLACK_WEBHOOK_URL");
  }

  @Test
  void slackTextFromDataCannotMentionEveryone() {
    HealthCheck check = new HealthCheck("Sec", "m", Threshold.parse("> 0"), "slack");
    runner(List.of(check), scripted(at -> value("<!channel> & co", 1, at))).runOnce(Instant.parse("2026-11-23T10:00:00Z"), CheckStateStore.inMemory());
    String text = posts.get(0).body().get("text").asText();
    assertThat(text).contains("&lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
  }

  @Test
  void evaluatingForAReadOnlyViewFiresNothingAndRemembersNothing() {
    List<CheckResult> results = runner(SEED, sample()).evaluate(AS_OF);
    assertThat(named(results, "Security Posture").status()).isEqualTo(CheckStatus.FIRING);
    assertThat(results).allSatisfy(r -> assertThat(r.action()).isNull());
    assertThat(posts).isEmpty();
  }

  /** A gauge whose exporter stopped four days before the check: 100 hourly points ending at {@code AS_OF - 4d}. */
  static MetricSource stoppedGauge() {
    Instant last = AS_OF.minus(Duration.ofDays(4));
    return new MetricSource() {
      @Override
      public String id() {
        return "prom";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("test", java.util.Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        Series s = new Series(query, Map.of("service", "search"), List.of(new Series.Point(last, 0.0)));
        return new Dataset<>(List.of(s), new Provenance("prom", query, new TimeWindow(at.minus(Duration.ofHours(1)), at), at, 1)
            .withCovers(new Provenance.Coverage(last.minus(Duration.ofHours(99)), last, 100, null)));
      }
    };
  }

  @Test
  void dataThatStoppedIsReportedStaleAndFiresOnlyWhereTheCheckAsksForIt() {
    HealthCheck quiet = new HealthCheck("Exporter", "companyos:security:critical_cve_count:gauge", Threshold.parse("> 0"),
        "slack_security_channel");
    HealthCheck loud = new HealthCheck("Exporter (fire on stale)", "companyos:security:critical_cve_count:gauge",
        Threshold.parse("> 0"), "slack_security_channel", true);
    List<CheckResult> results = runner(List.of(quiet, loud), stoppedGauge()).runOnce(AS_OF, CheckStateStore.inMemory());
    // The value 0 would pass "> 0", but the data ends 96 h before the check, past the 3-day default.
    CheckResult q = named(results, "Exporter");
    assertThat(q.status()).isEqualTo(CheckStatus.STALE);
    assertThat(q.detail()).isEqualTo("data of prom ends 2026-11-19T09:00:00Z, 96 h before the check");
    assertThat(q.action()).isNull();
    CheckResult l = named(results, "Exporter (fire on stale)");
    assertThat(l.status()).isEqualTo(CheckStatus.FIRING);
    assertThat(l.action().outcome()).isEqualTo(ActionResult.Outcome.SENT);
    assertThat(posts).hasSize(1);
  }
}
