package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos check} against a local receiver: receipts, retries, exit codes, the loop and its graceful stop. */
class CheckCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  HttpServer server;
  final List<String> posts = new CopyOnWriteArrayList<>();
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  /** The status the receiver answers; milliseconds it waits before answering the first request. */
  volatile int status = 202;
  volatile long firstDelayMillis;
  final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", ex -> {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      posts.add(ex.getRequestURI().getPath());
      bodies.add(body);
      if (requests.getAndIncrement() == 0 && firstDelayMillis > 0) {
        try {
          Thread.sleep(firstDelayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  Path settings() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path p = dir.resolve("actions.properties");
    Files.writeString(p, "COMPANYOS_SLACK_WEBHOOK_URL=" + base + "/slack\nCOMPANYOS_STATUS_PAGE_URL=" + base + "/status\n"
        + "COMPANYOS_PAGERDUTY_ROUTING_KEY=rk\nCOMPANYOS_PAGERDUTY_URL=" + base + "/pd\n");
    return p;
  }

  @Test
  void anUnconfiguredActionFailsIsRetriedOnTheNextRunAndExitsOne() throws Exception {
    Path state = dir.resolve("state.json");
    MainTest.Result r = MainTest.run("check", "--once", "--state", state.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.out()).contains("health checks at 2026-11-23T09:00:00Z")
        .contains("FIRING   Security Posture")
        .contains("slack_security_channel: failed (not configured: set COMPANYOS_SLACK_WEBHOOK_URL)  [firing_unnotified, trigger owed, 1 failed run]")
        .contains("FIRING   Active Incidents   2 > 0, worst severity P3");
    JsonNode json = JSON.readTree(MainTest.run("check", "--once", "--state", state.toString(), "--format", "json").out());
    JsonNode security = json.get("checks").get(1);
    assertThat(security.get("check").asText()).isEqualTo("Security Posture");
    // Never delivered, so retried (not held back by the cool-down), and counted.
    assertThat(security.at("/action/outcome").asText()).isEqualTo("failed");
    assertThat(security.get("state").asText()).isEqualTo("firing_unnotified");
    assertThat(security.get("owed").asText()).isEqualTo("trigger");
    assertThat(security.get("failed_runs").asInt()).isEqualTo(2);
    assertThat(json.get("checks").get(2).get("severity").asText()).isEqualTo("P3");
  }

  @Test
  void withSettingsTheNotificationsAreDeliveredOnceAndTheStatusPageShowsTheSeverity() throws Exception {
    Path state = dir.resolve("state.json");
    MainTest.Result r = MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings().toString());
    assertThat(r.out()).contains("slack_security_channel: sent (HTTP 202)  [firing_notified]")
        .contains("update_status_page: sent (HTTP 202)  [firing_notified]");
    assertThat(bodies).anySatisfy(b -> {
      assertThat(b.path("component").asText()).isEqualTo("Active Incidents");
      assertThat(b.path("status").asText()).isEqualTo("degraded_performance");
    });
    int sent = posts.size();
    // Still firing, inside the cool-down: nothing sent again; exit 1 because checks fire.
    MainTest.Result again = MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings().toString());
    assertThat(again.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(again.out()).contains("slack_security_channel: skipped (still firing, notified at 2026-11-23T09:00:00Z (cool-down 60 min))");
    assertThat(posts).hasSize(sent);
  }

  @Test
  void aForeignStateFileIsLeftAloneWithAClearError() throws Exception {
    Path state = dir.resolve("package.json");
    Files.writeString(state, "{\"name\": \"app\"}");
    MainTest.Result r = MainTest.run("check", "--once", "--state", state.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains("COS-CHK-007").contains("is not a CompanyOS health-check state file");
    assertThat(Files.readString(state)).isEqualTo("{\"name\": \"app\"}");
  }

  @Test
  void aCorruptStateFileIsRecoveredWithAWarningAndExitOne() throws Exception {
    Path state = dir.resolve("state.json");
    MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings().toString());
    Files.writeString(state, "{\"format\": \"companyos-health-state\", \"vers");
    MainTest.Result r = MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings().toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains("warning: COS-CHK-003 the health-check state").contains("recovered from the backup");
    // Recovered from the backup: the delivered notifications are known, nothing is sent twice.
    assertThat(r.out()).contains("slack_security_channel: skipped (still firing");
  }

  @Test
  void everyAndOnceExcludeEachOtherAndTheIntervalMustBeADuration() {
    assertThat(MainTest.run("check", "--once", "--every", "5m").code()).isEqualTo(Main.EXIT_USAGE);
    MainTest.Result bad = MainTest.run("check", "--every", "soon");
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("--every must be a positive duration such as 5m or 1h, not 'soon'");
  }

  /**
   * The loop in its own process: {@code check --every 1s --digest --digest-at 09:00} (the sample company's as-of is
   * 09:00 UTC, so the digest is due), stopped with SIGTERM while the first round's first delivery is in flight. The
   * round finishes (its receipt is saved), the digest is posted once, and the process exits.
   */
  @Test
  void theLoopPostsTheDigestOnceAndASigtermLetsTheRoundInProgressFinish() throws Exception {
    firstDelayMillis = 2000;
    Path state = dir.resolve("state.json");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", classPath(), Main.class.getName(), "check", "--every", "1s", "--digest",
        "--digest-at", "09:00", "--state", state.toString(), "--settings", settings().toString()));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("loop.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
      while (requests.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(requests.get()).as("log:\n%s", Files.readString(dir.resolve("loop.log"))).isPositive();
      // SIGTERM while the receiver holds the first request for two seconds.
      child.destroy();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("loop.log"));
    assertThat(log).contains("checking every 1s until stopped; digest at 09:00 UTC")
        .contains("digest of 2026-11-23T09:00:00Z: posted");
    // The round in progress finished after the signal: its deliveries were receipted and saved.
    String saved = Files.readString(state);
    assertThat(saved).contains("\"digest_posted\" : \"2026-11-23T09:00:00Z\"").contains("\"alert\" : \"FIRING_NOTIFIED\"")
        .doesNotContain("FIRING_UNNOTIFIED");
    assertThat(posts.stream().filter(p -> p.equals("/slack")).count()).isEqualTo(2); // the security check's message and one digest
    assertThat(bodies).filteredOn(b -> b.path("text").asText().startsWith("*Health digest")).hasSize(1);
  }

  /**
   * A mistyped Slack webhook URL: the check's Slack action fails naming the setting, never its value. The secret of a
   * webhook is its path, so none of it may appear on stdout or stderr (text and JSON), in the state file, or in what
   * the other actions post.
   */
  @Test
  void aMistypedSlackWebhookUrlIsNeverPrintedStoredOrPosted() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    // A space inside the path: "https://" (8) + "hooks.slack.com" (15) + "/services" (9) + "/T0AAA" (6) + "/B0BBB" (6)
    // + "/s3cret" (7) = 51 characters before it, so it is character 52 of 51 + 1 + 7 = 59.
    // A missing slash: "https:/hooks..." is a URL without a host.
    for (String[] c : List.of(
        new String[] {"https://hooks.slack.com/services/T0AAA/B0BBB/s3cret W3bhook", "the slack URL is not a valid URL "
            + "(character 52 of 59; the value is not shown)"},
        new String[] {"https:/hooks.slack.com/services/T0AAA/B0BBB/s3cretW3bhook",
            "the slack URL has no host (check the two slashes after the scheme; the value is not shown)"})) {
      Path state = dir.resolve("state-" + c[0].length() + ".json");
      Path settings = dir.resolve("actions.properties");
      Files.writeString(settings, "COMPANYOS_SLACK_WEBHOOK_URL=" + c[0] + "\nCOMPANYOS_STATUS_PAGE_URL=" + base + "/status\n");
      MainTest.Result text = MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings.toString());
      MainTest.Result json = MainTest.run("check", "--once", "--state", state.toString(), "--settings", settings.toString(),
          "--format", "json");
      assertThat(text.code()).isEqualTo(Main.EXIT_PROBLEMS);
      assertThat(text.out()).contains("slack_security_channel: failed (invalid URL: " + c[1] + ")");
      assertThat(JSON.readTree(json.out()).get("checks").get(1).at("/action/detail").asText())
          .isEqualTo("invalid URL: " + c[1]);
      // The state file keeps the failure for the next run, by the setting's name too.
      assertThat(Files.readString(state)).contains("invalid URL: " + c[1]);
      // The status page (a valid URL) was posted to; nothing went anywhere else.
      assertThat(posts).isNotEmpty().allMatch(p -> p.equals("/status"));
      String everything = text.out() + text.err() + json.out() + json.err() + Files.readString(state) + bodies;
      for (String secret : List.of("s3cret", "W3bhook", "T0AAA", "B0BBB", "services/", "hooks.slack.com")) {
        assertThat(everything).as(c[0]).doesNotContain(secret);
      }
    }
  }

  static String classPath() throws Exception {
    List<String> parts = new ArrayList<>();
    parts.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    parts.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, parts);
  }
}
