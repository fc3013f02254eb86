package io.companyos.delivery;

import io.companyos.model.base.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.companyos.model.pack.DeliveryChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings, files and servers that misbehave: each gives a located, one-line report and never a stuck claim. */
class HostileDeliveryInputTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  private static final DeliveryKey KEY = new DeliveryKey("ops-review", "2026-W47 (2026-11-16..2026-11-22)", "slack", "#ops-review");

  @TempDir
  Path dir;

  private Map<String, String> smtpEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("COMPANYOS_SMTP_HOST", "127.0.0.1");
    env.put("COMPANYOS_SMTP_PORT", "2525");
    env.put("COMPANYOS_SMTP_STARTTLS", "false");
    env.put("COMPANYOS_SMTP_FROM", "rhythm@example.com");
    return env;
  }

  @Test
  void aDirectoryWithAByteOrderMarkIsRead() throws IOException {
    String csv = "\uFEFFemail,name,roles\r\na@example.com,Ann,sre_oncall\r\n";
    assertThat(Directory.parse(csv, "people.csv", Packs.COMPANY.roles()).people()).extracting(Person::email)
        .containsExactly("a@example.com");
    Path file = dir.resolve("people.csv");
    Files.write(file, csv.getBytes(StandardCharsets.UTF_8)); // EF BB BF, as spreadsheets write "CSV UTF-8"
    assertThat(Directory.load(file, Packs.COMPANY.roles()).people()).hasSize(1);
  }

  @Test
  void aDirectoryThatIsNotUtf8SaysSoWithTheLineAndOffset() throws IOException {
    Path file = dir.resolve("people.csv");
    // "Zoë" in Latin-1: 'ë' is the single byte 0xEB. Line 1 is 17 bytes with its newline, "z@example.com,Zo" 16 more.
    byte[] head = "email,name,roles\nz@example.com,Zo".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 1 + ",ceo\n".length()];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xEB;
    System.arraycopy(",ceo\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length + 1, 5);
    Files.write(file, bytes);
    assertThatThrownBy(() -> Directory.load(file, Packs.COMPANY.roles()))
        .isInstanceOf(DeliveryException.class)
        .satisfies(e -> assertThat(((DeliveryException) e).oneLine()).isEqualTo(file + ":2: COS-DLV-001 cannot read the "
            + "directory file: the file is not UTF-8 text: byte 0xEB at offset 33 (line 2) is not valid UTF-8"
            + " (save it as UTF-8 (spreadsheets: CSV UTF-8))"));
  }

  @Test
  void aPortOutOfRangeIsALocatedSettingErrorAndLeavesNoClaim() throws IOException {
    Path settings = dir.resolve("delivery.properties");
    Files.writeString(settings, "COMPANYOS_SMTP_HOST=127.0.0.1\nCOMPANYOS_SMTP_PORT=99999\nCOMPANYOS_SMTP_FROM=rhythm@example.com\n");
    Path log = dir.resolve("delivery-log.csv");
    DeliveryReport r = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.load(settings, Map.of()))
        .log(new DeliveryLog(log)).channels(Set.of(DeliveryChannel.EMAIL)).sleeper(w -> { }).clock(CLOCK).build()
        .deliver(Packs.definition("board-pack"), Packs.document("board-pack"), false);
    assertThat(r.results()).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
      assertThat(x.detail()).isEqualTo(settings + ":2: COS-DLV-003 COMPANYOS_SMTP_PORT is 99999, not a port (1 to 65535)"
          + " (set a port such as 587 (submission), 465 or 25)");
    });
    assertThat(r.failed()).isTrue();
    assertThat(r.notice()).isNotNull();
    assertThat(r.notice().outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
    assertThat(r.notice().detail()).contains("COS-DLV-003");
    // Nothing was claimed: neither the destinations nor the owner notice.
    assertThat(new DeliveryLog(log).entries()).isEmpty();
  }

  @Test
  void anInvalidSenderIsASettingErrorAndIsNeverRetried() {
    Map<String, String> env = smtpEnv();
    env.put("COMPANYOS_SMTP_FROM", "rhythm at example");
    assertThatThrownBy(() -> DeliverySettings.of(env).smtp()).isInstanceOf(DeliveryException.class)
        .hasMessage("COMPANYOS_SMTP_FROM 'rhythm at example' is not an e-mail address");
    // Straight through the sender (an application's own settings): one attempt, reported as permanent.
    List<Duration> waits = new ArrayList<>();
    DeliverySettings.Smtp smtp = new DeliverySettings.Smtp("127.0.0.1", 9, false, null, null, "rhythm at example",
        Duration.ofSeconds(2));
    SendResult r = new EmailSender(smtp, RetryPolicy.DEFAULT, waits::add, new SplittableRandom(1)).send(
        new EmailSender.Email(List.of("a@example.com"), "s", "t", "<p>t</p>", null, "id@companyos"), T0);
    assertThat(r.delivered()).isFalse();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.detail()).startsWith("not an e-mail address: ").endsWith("(not retried)");
    assertThat(waits).isEmpty();
  }

  @Test
  void aTwoLineSmtpAnswerIsReportedOnOneLine() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < 2; i++) {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
              out.write("421-mail.example.com is busy\r\n421 try again in 10 minutes\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
            }
          }
        } catch (IOException e) {
          // the test ends the server
        }
      });
      t.setDaemon(true);
      t.start();
      DeliverySettings.Smtp smtp = new DeliverySettings.Smtp("127.0.0.1", server.getLocalPort(), false, null, null,
          "rhythm@example.com", Duration.ofSeconds(5));
      List<Duration> waits = new ArrayList<>();
      SendResult r = new EmailSender(smtp, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)), waits::add,
          new SplittableRandom(1)).send(new EmailSender.Email(List.of("a@example.com"), "s", "t", "<p>t</p>", null, "id@companyos"), T0);
      assertThat(r.delivered()).isFalse();
      assertThat(r.attempts()).as("421 is temporary: retried").isEqualTo(2);
      assertThat(r.detail()).doesNotContain("\n").doesNotContain("\r")
          .contains("421-mail.example.com is busy 421 try again in 10 minutes").endsWith("(gave up after 2 attempts)");
    }
  }

  @Test
  void aBadDeliveryLogLineIsSkippedWithALocatedWarning() throws IOException {
    Path file = dir.resolve("delivery-log.csv");
    String k = KEY.value();
    Files.writeString(file, DeliveryLog.HEADER + "\n"
        + k + ",yesterday,ops-review,p,slack,#ops-review,sent,1,x\n"
        + k + ",2026-11-23T09:00:00Z,ops-review,p,slack,#ops-review,delivered,1,x\n"
        + k + ",2026-11-23T09:00:00Z,ops-review,p,slack,#ops-review,failed,five,x\n");
    List<String> warnings = new ArrayList<>();
    DeliveryLog log = new DeliveryLog(file, warnings::add);
    assertThat(log.entries()).isEmpty();
    assertThat(log.claim(KEY, T0)).as("the bad lines count as never sent").isTrue();
    assertThat(warnings).containsExactly(
        file + ":2: COS-DLV-002 skipped a line of the delivery log: 'yesterday' is not a UTC time such as 2026-11-23T10:00:00Z"
            + " (fix or delete the line; the deliveries it records count as never made)",
        file + ":3: COS-DLV-002 skipped a line of the delivery log: 'delivered' is not a status (claimed, sent, failed, unknown)"
            + " (fix or delete the line; the deliveries it records count as never made)",
        file + ":4: COS-DLV-002 skipped a line of the delivery log: 'five' is not a number of attempts"
            + " (fix or delete the line; the deliveries it records count as never made)");
  }

  /** A claim line written by a process that has ended (on this host), a minute before {@link #T0}. */
  private Path logWithAbandonedClaim() throws Exception {
    return logWithAbandonedClaim(KEY);
  }

  private Path logWithAbandonedClaim(DeliveryKey key) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Path file = dir.resolve("delivery-log.csv");
    Files.writeString(file, DeliveryLog.HEADER + "\n" + key.value() + ",2026-11-23T09:59:00Z,ops-review,\""
        + key.period() + "\",slack,#ops-review,claimed,0,run " + p.pid() + "@" + host + "\n");
    return file;
  }

  @Test
  void aClaimWhoseProcessEndedIsClosedAsUnknownOnTheRerun() throws Exception {
    Path file = logWithAbandonedClaim();
    DeliveryLog.Claim c = new DeliveryLog(file).claim(KEY, T0, false);
    assertThat(c.granted()).isFalse();
    assertThat(c.closedAbandoned()).isPresent();
    assertThat(c.previous().status()).isEqualTo(DeliveryLog.Status.UNKNOWN);
    assertThat(c.previous().detail()).startsWith("abandoned: the run that claimed it at 2026-11-23T09:59:00Z (process ")
        .endsWith(") ended without recording an outcome; it may or may not have been sent");
    // Asked again, it stays unknown; when resending is safe it is claimed.
    assertThat(new DeliveryLog(file).claim(KEY, T0, false).granted()).isFalse();
    assertThat(new DeliveryLog(file).claim(KEY, T0, true).granted()).isTrue();
    assertThat(new DeliveryLog(file).entries()).extracting(DeliveryLog.Entry::status).containsExactly(
        DeliveryLog.Status.CLAIMED, DeliveryLog.Status.UNKNOWN, DeliveryLog.Status.CLAIMED);
  }

  @Test
  void aSlackPostAbandonedByAKilledRunIsReportedNotRepostedUnlessAsked() throws Exception {
    DeliveryKey key = Deliverer.builder(Packs.COMPANY).log(new DeliveryLog(dir.resolve("unused.csv")))
        .channels(Set.of(DeliveryChannel.SLACK)).build()
        .plan(Packs.definition("ops-review"), Packs.document("ops-review")).get(0).key();
    Path file = logWithAbandonedClaim(key);
    try (LocalHttpServer slack = new LocalHttpServer()) {
      Map<String, String> env = Map.of("COMPANYOS_SLACK_WEBHOOK_URL", slack.url("/hook"));
      Deliverer.Builder b = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(env)).log(new DeliveryLog(file))
          .channels(Set.of(DeliveryChannel.SLACK)).sleeper(w -> { }).clock(CLOCK);
      DeliveryReport r = b.build().deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.UNKNOWN);
      assertThat(r.results().get(0).detail()).contains("abandoned").contains("--resend-unknown");
      assertThat(r.failed()).as("a problem: exit 1 and the owner is told").isTrue();
      assertThat(r.notice()).isNotNull();
      assertThat(r.notice().text()).contains("#ops-review: unknown");
      assertThat(slack.requests()).isEmpty();

      DeliveryReport resent = b.resendUnknown(true).build().deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(resent.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
      assertThat(slack.requests()).hasSize(1);
    }
  }

  @Test
  void aWebhookThatAnswersAfterTheTimeoutIsPostedOnceAndReportedUnknown() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger posts = new AtomicInteger();
    server.createContext("/", ex -> {
      posts.incrementAndGet();
      ex.getRequestBody().readAllBytes();
      try {
        Thread.sleep(1500); // longer than the client's timeout below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      List<Duration> waits = new ArrayList<>();
      JsonPoster sender = new JsonPoster(HttpClient.newHttpClient(), RetryPolicy.DEFAULT, waits::add, new SplittableRandom(1),
          Duration.ofMillis(300));
      SendResult r = sender.post(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), "{}", Map.of(),
          b -> true);
      assertThat(r.unknown()).isTrue();
      assertThat(r.delivered()).isFalse();
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.status()).isEqualTo(DeliveryLog.Status.UNKNOWN);
      assertThat(r.detail()).startsWith("no answer from 127.0.0.1 within 300 ms after the request was sent; it may have arrived");
      assertThat(waits).isEmpty();
      Thread.sleep(1700); // let a second post, if any, arrive
      assertThat(posts.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void everyAttemptIsListedInTheDetail() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      slack.then(LocalHttpServer.Response.of(503, "busy")).then(LocalHttpServer.Response.of(429, "slow down"))
          .otherwise(LocalHttpServer.Response.of(200, "ok"));
      JsonPoster sender = new JsonPoster(HttpClient.newHttpClient(), RetryPolicy.DEFAULT, w -> { }, new SplittableRandom(1),
          Duration.ofSeconds(5));
      SendResult r = sender.post(URI.create(slack.url("/hook")), "{}", Map.of(), b -> true);
      assertThat(r.delivered()).isTrue();
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(r.detail()).isEqualTo("HTTP 200 from 127.0.0.1 (after attempt 1: HTTP 503 from 127.0.0.1; attempt 2: HTTP 429 from 127.0.0.1)");
    }
  }
}
