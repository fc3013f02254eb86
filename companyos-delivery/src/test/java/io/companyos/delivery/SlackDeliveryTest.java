package io.companyos.delivery;

import io.companyos.model.base.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.render.AccessPolicy;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private final List<Duration> waits = new ArrayList<>();

  private Deliverer deliverer(Map<String, String> env) {
    return Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(env)).log(new DeliveryLog(dir.resolve("delivery-log.csv")))
        .channels(Set.of(DeliveryChannel.SLACK)).sleeper(waits::add).random(new SplittableRandom(7)).clock(CLOCK).build();
  }

  @Test
  void postsBlockKitWithinLimitsAndEveryFieldOfThePack() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      DeliveryReport report = deliverer(Map.of("COMPANYOS_SLACK_OPS_REVIEW_URL", slack.url("/hooks/T1/B1/secret")))
          .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);

      assertThat(report.results()).singleElement().satisfies(r -> {
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(r.dispatch().destination()).isEqualTo("#ops-review");
      });
      assertThat(slack.requests()).singleElement().satisfies(req -> {
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/hooks/T1/B1/secret");
        assertThat(req.header("Content-Type")).startsWith("application/json");
      });
      JsonNode body = JSON.readTree(slack.requests().get(0).body());
      JsonNode blocks = body.get("blocks");
      assertThat(blocks.size()).isBetween(3, SlackMessage.MAX_BLOCKS);
      assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
      assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Weekly Ops Review");
      for (JsonNode b : blocks) {
        if (b.path("type").asText().equals("section")) {
          assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(SlackMessage.MAX_SECTION_TEXT);
        }
      }
      String all = body.toString();
      PackDocument doc = Packs.document("ops-review");
      for (PackSection s : doc.sections()) {
        assertThat(all).contains(SlackMessage.escape(s.title()));
      }
      // a number of the pack, in the text the pack shows for it
      MetricValue first = doc.sections().stream().flatMap(s -> s.fields().stream()).map(f -> f.value())
          .filter(MetricValue::present).findFirst().orElseThrow();
      assertThat(all).contains(SlackMessage.escape(first.text()));
      assertThat(body.get("text").asText()).contains("Weekly Ops Review").contains(doc.period().label());
    }
  }

  @Test
  void retriesOn429HonouringRetryAfterAndOn5xxWithGrowingJitteredBackoff() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      slack.then(new LocalHttpServer.Response(429, "rate_limited", Map.of("Retry-After", "3")))
          .then(LocalHttpServer.Response.of(500, "oops")).then(LocalHttpServer.Response.of(503, "busy"));
      DeliveryReport report = deliverer(Map.of("COMPANYOS_SLACK_WEBHOOK_URL", slack.url("/hook")))
          .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);

      assertThat(report.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
      assertThat(report.results().get(0).attempts()).isEqualTo(4);
      assertThat(slack.requests()).hasSize(4);
      assertThat(slack.requests()).extracting(LocalHttpServer.Request::body).containsOnly(slack.requests().get(0).body());
      assertThat(waits).hasSize(3);
      assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(3)); // Retry-After wins
      // attempt 3: half to all of 2 s; attempt 4: half to all of 4 s
      assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(report.failed()).isFalse();
      assertThat(report.notice()).isNull();
    }
  }

  @Test
  void aRerunNeverSendsTwiceAndAFailedDeliveryIsRetriedByTheNextRun() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      slack.otherwise(LocalHttpServer.Response.of(500, "down"));
      Map<String, String> env = Map.of("COMPANYOS_SLACK_WEBHOOK_URL", slack.url("/hook"));
      DeliveryReport first = deliverer(env).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(first.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
      assertThat(first.results().get(0).attempts()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
      assertThat(first.results().get(0).detail()).contains("HTTP 500").doesNotContain("/hook");
      assertThat(first.failed()).isTrue();
      // the owner of the ops review is the RACI accountable role (CTO); without SMTP the notice is reported, not sent
      assertThat(first.notice()).isNotNull();
      assertThat(first.notice().ownerRole()).isEqualTo("cto");
      assertThat(first.notice().to()).containsExactly("cto@example.com");
      assertThat(first.notice().outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
      assertThat(first.notice().text()).contains("#ops-review").contains("HTTP 500");

      slack.otherwise(LocalHttpServer.Response.of(200, "ok"));
      DeliveryReport second = deliverer(env).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(second.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
      int requests = slack.requests().size();

      DeliveryReport third = deliverer(env).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(third.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.ALREADY_SENT);
      assertThat(slack.requests()).hasSize(requests);

      List<DeliveryLog.Entry> log = new DeliveryLog(dir.resolve("delivery-log.csv")).entries();
      assertThat(log).extracting(DeliveryLog.Entry::status).containsExactly(DeliveryLog.Status.CLAIMED,
          DeliveryLog.Status.FAILED, DeliveryLog.Status.CLAIMED, DeliveryLog.Status.SENT);
      assertThat(log).extracting(DeliveryLog.Entry::key).containsOnly(third.results().get(0).dispatch().key().value());
    }
  }

  @Test
  void aClientErrorIsFinal() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      slack.otherwise(LocalHttpServer.Response.of(404, "no_service"));
      DeliveryReport r = deliverer(Map.of("COMPANYOS_SLACK_WEBHOOK_URL", slack.url("/hook")))
          .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
      assertThat(r.results().get(0).detail()).contains("HTTP 404").contains("no_service");
      assertThat(slack.requests()).hasSize(1);
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void chatPostMessageSendsTheChannelAndBearerTokenAndTreatsOkFalseAsFailure() throws Exception {
    try (LocalHttpServer slack = new LocalHttpServer()) {
      slack.then(LocalHttpServer.Response.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));
      Map<String, String> env = Map.of("COMPANYOS_SLACK_BOT_TOKEN", "xoxb-test-token", "COMPANYOS_SLACK_API_URL", slack.url("/api"));
      DeliveryReport r = deliverer(env).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
      assertThat(r.results().get(0).detail()).contains("channel_not_found").doesNotContain("xoxb");
      LocalHttpServer.Request req = slack.requests().get(0);
      assertThat(req.path()).isEqualTo("/api/chat.postMessage");
      assertThat(req.header("Authorization")).isEqualTo("Bearer xoxb-test-token");
      assertThat(JSON.readTree(req.body()).get("channel").asText()).isEqualTo("#ops-review");

      slack.then(LocalHttpServer.Response.of(200, "{\"ok\":true,\"ts\":\"1.2\"}"));
      assertThat(deliverer(env).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false)
          .results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    }
  }

  @Test
  void theChannelCopyIsRedactedForEveryRecipientRole() throws Exception {
    // product-metrics goes to #product-metrics for product, engineering and customer success; the
    // customer-health section is visible only to customer success, product and leadership.
    PackDocument full = Packs.document("product-metrics");
    PackSection restricted = full.section("customer_health").orElseThrow();
    assertThat(restricted.restricted()).isTrue();
    Set<String> secrets = uniqueTexts(restricted, full);
    assertThat(secrets).isNotEmpty();
    try (LocalHttpServer slack = new LocalHttpServer()) {
      DeliveryReport r = deliverer(Map.of("COMPANYOS_SLACK_WEBHOOK_URL", slack.url("/hook")))
          .deliver(Packs.definition("product-metrics"), full, false);
      assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
      String body = slack.requests().get(0).body();
      assertThat(body).contains(AccessPolicy.RESTRICTED_PREFIX);
      for (String secret : secrets) {
        assertThat(body).as("restricted value %s", secret).doesNotContain(JSON.writeValueAsString(SlackMessage.escape(secret))
            .replaceAll("^\"|\"$", ""));
      }
    }
  }

  @Test
  void dryRunShowsWhatWouldBeSentAndTouchesNothing() {
    DeliveryReport r = deliverer(Map.of()).deliver(Packs.definition("ops-review"), Packs.document("ops-review"), true);
    assertThat(r.dryRun()).isTrue();
    assertThat(r.results()).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
      assertThat(x.detail()).contains("COMPANYOS_SLACK_OPS_REVIEW_URL");
    });
    assertThat(dir.resolve("delivery-log.csv")).doesNotExist();
    DeliveryReport configured = deliverer(Map.of("COMPANYOS_SLACK_WEBHOOK_URL", "http://127.0.0.1:9/never"))
        .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), true);
    assertThat(configured.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.WOULD_SEND);
    assertThat(configured.results().get(0).detail()).contains("blocks");
    assertThat(dir.resolve("delivery-log.csv")).doesNotExist();
  }

  /** Texts of {@code section}'s values (at least 4 characters, with a letter or digit) that appear nowhere else in the pack. */
  static Set<String> uniqueTexts(PackSection section, PackDocument doc) {
    Set<String> elsewhere = new HashSet<>();
    for (PackSection s : doc.sections()) {
      if (s != section) {
        s.values().forEach(v -> elsewhere.add(v.text()));
        s.tables().forEach(t -> t.rows().forEach(row -> row.forEach(v -> elsewhere.add(v.text()))));
      }
    }
    Set<String> mine = new HashSet<>();
    section.values().forEach(v -> mine.add(v.text()));
    section.tables().forEach(t -> t.rows().forEach(row -> row.forEach(v -> mine.add(v.text()))));
    return mine.stream().filter(t -> t.length() >= 4 && t.chars().anyMatch(Character::isLetterOrDigit))
        .filter(t -> !elsewhere.contains(t)).filter(t -> !t.startsWith("n/a")).collect(Collectors.toSet());
  }
}
