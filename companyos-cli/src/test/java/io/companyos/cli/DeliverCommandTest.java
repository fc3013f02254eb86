package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos deliver} through {@link Main#run}. */
class DeliverCommandTest {

  @Test
  void dryRunWorksWithNoConfigurationAndChangesNothing(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("deliveries/delivery-log.csv");
    Path payloads = dir.resolve("payloads");
    MainTest.Result r = MainTest.run("deliver", "ops-review", "--dry-run", "--delivery-log", log.toString(),
        "--site", dir.resolve("site").toString(), "--payloads", payloads.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("not-configured slack     #ops-review", "COMPANYOS_SLACK_OPS_REVIEW_URL")
        .contains("email     sre-lead@example.com").contains("would-send     dashboard /dashboards/ops-review");
    assertThat(r.err()).contains("planned ops-review for 2026-W47", "dry run: nothing sent, log untouched");
    assertThat(log).doesNotExist();
    assertThat(dir.resolve("site")).doesNotExist();
    assertThat(payloads.resolve("ops-review-slack-ops-review.json")).isRegularFile();
    assertThat(Files.readString(payloads.resolve("ops-review-email-sre-lead@example.com.eml")))
        .contains("To: sre-lead@example.com", "multipart/alternative", "text/html");
  }

  @Test
  void deliversToSlackOnceAndReportsAFailureWithExitOne(@TempDir Path dir) throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int status = ex.getRequestURI().getPath().equals("/broken") ? 400 : 200;
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path settings = dir.resolve("delivery.properties");
      Files.writeString(settings, "COMPANYOS_SLACK_OPS_REVIEW_URL=" + base + "/hook\n");
      Path log = dir.resolve("log.csv");
      String[] args = {"deliver", "ops-review", "--channel", "slack", "--settings", settings.toString(), "--delivery-log", log.toString()};
      MainTest.Result first = MainTest.run(args);
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).startsWith("sent ").contains("#ops-review");
      assertThat(bodies).hasSize(1);
      assertThat(bodies.get(0)).contains("\"blocks\"", "Weekly Ops Review");

      MainTest.Result second = MainTest.run(args);
      assertThat(second.code()).isZero();
      assertThat(second.out()).startsWith("already-sent");
      assertThat(bodies).hasSize(1);

      Files.writeString(settings, "COMPANYOS_SLACK_SECURITY_STANDUP_URL=" + base + "/broken\n");
      MainTest.Result broken = MainTest.run("deliver", "security-standup", "--channel", "slack", "--settings",
          settings.toString(), "--delivery-log", log.toString());
      assertThat(broken.code()).isEqualTo(1);
      assertThat(broken.out()).startsWith("failed").contains("HTTP 400");
      // the Weekly Security activity's accountable role is the CISO; without SMTP the notice is printed
      assertThat(broken.err()).contains("owner notice to ciso (ciso@example.com): not-configured");
      assertThat(broken.err()).doesNotContain("Exception");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path dir) {
    assertThat(MainTest.run("deliver", "nope", "--dry-run").code()).isEqualTo(2);
    MainTest.Result r = MainTest.run("deliver", "ops-review", "--dry-run", "--channel", "fax");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown channel 'fax'");
    MainTest.Result badDir = MainTest.run("deliver", "ops-review", "--dry-run", "--directory", dir.resolve("none.csv").toString());
    assertThat(badDir.code()).isNotZero();
    assertThat(badDir.err()).contains("COS-DLV-001").doesNotContain("\tat ");
  }

  @Test
  void aMistypedWebhookUrlNeverReachesTheTerminalOrTheLog(@TempDir Path dir) throws Exception {
    String secret = "XyZSeCrEt123";
    Path settings = dir.resolve("delivery.properties");
    Path log = dir.resolve("delivery-log.csv");
    for (String url : java.util.List.of("https://hooks.slack.com/services/T01 /B02/" + secret,
        "https:/hooks.slack.com/services/T01/B02/" + secret)) {
      Files.writeString(settings, "COMPANYOS_SLACK_WEBHOOK_URL=" + url + "\n");
      MainTest.Result r = MainTest.run("deliver", "ops-review", "--channel", "slack", "--settings", settings.toString(),
          "--delivery-log", log.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PROBLEMS);
      assertThat(r.out() + r.err()).contains("COMPANYOS_SLACK_WEBHOOK_URL").doesNotContain(secret).doesNotContain("Exception");
      if (Files.exists(log)) {
        assertThat(Files.readString(log)).doesNotContain(secret);
      }
    }
  }
}
