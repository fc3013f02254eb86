package io.companyos.export.notion;

import io.companyos.render.fixtures.ExportSamples;
import io.companyos.render.export.HttpRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.companyos.render.PackDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server playing the Notion API and checking every request. */
class NotionClientTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "secret_testTOKEN0123456789abcdef";
  static final String PARENT = "11111111-2222-3333-4444-555555555555";
  static final String PAGE = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  record Request(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  record Answer(int status, String body, Map<String, String> headers) {}

  HttpServer server;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  /** Answers to give before the normal ones, in order. */
  final Deque<Answer> scripted = new ArrayDeque<>();
  final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    JsonNode body = in.length == 0 ? null : JSON.readTree(in);
    requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
    Answer a;
    synchronized (scripted) {
      a = scripted.poll();
    }
    if (a == null) {
      a = normal(ex.getRequestMethod(), ex.getRequestURI().getPath());
    }
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(a.status(), out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  private static Answer normal(String method, String path) {
    if (method.equals("POST") && path.equals("/v1/pages")) {
      return new Answer(200, "{\"object\":\"page\",\"id\":\"" + PAGE + "\",\"url\":\"https://www.notion.so/Pack-" + PAGE.replace("-", "") + "\"}", Map.of());
    }
    if (method.equals("PATCH") && path.equals("/v1/blocks/" + PAGE + "/children")) {
      return new Answer(200, "{\"object\":\"list\",\"results\":[]}", Map.of());
    }
    return new Answer(404, "{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\",\"message\":\"no such route\"}", Map.of());
  }

  NotionClient client(int attempts) {
    HttpRetry retry = new HttpRetry(attempts, Duration.ofMillis(500), Duration.ofSeconds(4), sleeps::add);
    return new NotionClient(TOKEN, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), retry, Duration.ofSeconds(10));
  }

  @Test
  void createsThePageThenAppendsTheRestInOrderedBatchesOfAtMostAHundred() {
    PackDocument doc = ExportSamples.doc("Big", List.of(ExportSamples.fields("Many", ExportSamples.manyFields(250)), ExportSamples.bigTable("Rows", 150)));
    NotionPageRef ref = client(3).publish(PARENT, doc);

    assertThat(ref.id()).isEqualTo(PAGE);
    assertThat(ref.url()).startsWith("https://www.notion.so/");
    assertThat(requests.size()).isGreaterThanOrEqualTo(3);
    assertThat(ref.requests()).isEqualTo(requests.size());

    Request first = requests.get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo("/v1/pages");
    assertThat(first.body().path("parent").path("page_id").asText()).isEqualTo(PARENT);
    assertThat(first.body().path("properties").path("title").path("title").path(0).path("text").path("content").asText())
        .isEqualTo("Big - " + doc.period().label());
    for (Request r : requests.subList(1, requests.size())) {
      assertThat(r.method()).isEqualTo("PATCH");
      assertThat(r.path()).isEqualTo("/v1/blocks/" + PAGE + "/children");
    }
    List<JsonNode> received = new ArrayList<>();
    for (Request r : requests) {
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(r.header("Notion-version")).isEqualTo("2022-06-28");
      assertThat(r.header("Content-type")).isEqualTo("application/json");
      JsonNode children = r.body().path("children");
      assertThat(children.size()).isBetween(1, 100);
      children.forEach(received::add);
    }
    List<JsonNode> expected = new ArrayList<>(NotionBlocks.blocks(doc));
    assertThat(received.size()).isEqualTo(expected.size());
    assertThat(received).isEqualTo(expected);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429IsRetriedAfterTheRetryAfterTheServerAskedFor() {
    scripted.add(new Answer(429, "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"slow down\"}",
        Map.of("Retry-After", "3")));
    NotionPageRef ref = client(3).publish(PARENT, ExportSamples.pack("daily-standup"));
    assertThat(ref.id()).isEqualTo(PAGE);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(requests.get(0).path()).isEqualTo("/v1/pages");
    assertThat(requests.get(1).path()).isEqualTo("/v1/pages");
    assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
  }

  @Test
  void serverErrorsAreRetriedWithCappedExponentialBackoff() {
    for (int i = 0; i < 5; i++) {
      scripted.add(new Answer(i % 2 == 0 ? 503 : 502, "{\"object\":\"error\",\"status\":503,\"code\":\"service_unavailable\",\"message\":\"busy\"}", Map.of()));
    }
    NotionPageRef ref = client(6).publish(PARENT, ExportSamples.pack("daily-standup"));
    assertThat(ref.id()).isEqualTo(PAGE);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void retriesRunOutIntoATypedError() {
    for (int i = 0; i < 3; i++) {
      scripted.add(new Answer(429, "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"slow down\"}", Map.of()));
    }
    assertThatThrownBy(() -> client(3).publish(PARENT, ExportSamples.pack("daily-standup")))
        .isInstanceOfSatisfying(NotionApiException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.notionCode()).isEqualTo("rate_limited");
          assertThat(e.code()).isEqualTo("COS-EXP-041");
        });
    assertThat(requests).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1)); // no Retry-After: backoff
  }

  @Test
  void a400GivesATypedErrorWithNotionsMessageAndIsNotRetried() {
    String message = "body failed validation: body.children[3].paragraph.rich_text[0].text.content.length should be \u2264 `2000`, instead was `2001`.";
    scripted.add(new Answer(400, "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}", Map.of()));
    assertThatThrownBy(() -> client(3).publish(PARENT, ExportSamples.pack("daily-standup")))
        .isInstanceOfSatisfying(NotionApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.notionCode()).isEqualTo("validation_error");
          assertThat(e.notionMessage()).isEqualTo(message);
          assertThat(e.getMessage()).contains("HTTP 400", "validation_error", "POST /v1/pages", message).doesNotContain(TOKEN);
          assertThat(e.oneLine()).doesNotContain(TOKEN);
        });
    assertThat(requests).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aFailedAppendSaysWhichPageWasLeftPartial() {
    PackDocument doc = ExportSamples.doc("Big", List.of(ExportSamples.fields("Many", ExportSamples.manyFields(250))));
    scripted.add(normal("POST", "/v1/pages"));
    scripted.add(normal("PATCH", "/v1/blocks/" + PAGE + "/children"));
    scripted.add(new Answer(403, "{\"object\":\"error\",\"status\":403,\"code\":\"restricted_resource\",\"message\":\"no access\"}", Map.of()));
    assertThatThrownBy(() -> client(3).publish(PARENT, doc)).isInstanceOfSatisfying(NotionApiException.class, e -> {
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.getMessage()).contains("page " + PAGE + " was created; 1 of 2 append batches were sent");
      assertThat(e.hint()).contains("share the parent page");
    });
  }

  @Test
  void theTokenNeverShowsInErrorsOrToString() {
    // An answer that echoes the token must not carry it into the exception.
    scripted.add(new Answer(401, "{\"object\":\"error\",\"status\":401,\"code\":\"unauthorized\",\"message\":\"API token is invalid: " + TOKEN + "\"}", Map.of()));
    NotionClient c = client(1);
    assertThat(c.toString()).doesNotContain(TOKEN);
    assertThatThrownBy(() -> c.publish(PARENT, ExportSamples.pack("daily-standup"))).isInstanceOfSatisfying(NotionApiException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).doesNotContain(TOKEN).contains("[token]");
      assertThat(String.valueOf(e.notionMessage())).doesNotContain(TOKEN);
      assertThat(e.hint()).contains("NOTION_TOKEN");
    });
    // Nothing listening: the transport error names the host, not the token.
    server.stop(0);
    assertThatThrownBy(() -> c.publish(PARENT, ExportSamples.pack("daily-standup"))).isInstanceOfSatisfying(NotionApiException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.code()).isEqualTo("COS-EXP-042");
      assertThat(e.getMessage()).doesNotContain(TOKEN);
    });
  }

  @Test
  void aRefusedConnectionIsTriedAgainAndARedirectIsNotFollowed() {
    scripted.add(new Answer(307, "{}", Map.of("Location", "http://127.0.0.2:9/v1/pages")));
    // The client follows no redirect, so the token never travels to the other origin: the 307 is an error answer.
    assertThatThrownBy(() -> client(3).publish(PARENT, ExportSamples.pack("daily-standup")))
        .isInstanceOfSatisfying(NotionApiException.class, e -> assertThat(e.status()).isEqualTo(307));
    assertThat(requests).hasSize(1);

    server.stop(0);
    assertThatThrownBy(() -> client(3).publish(PARENT, ExportSamples.pack("daily-standup")))
        .isInstanceOfSatisfying(NotionApiException.class, e -> {
          assertThat(e.code()).isEqualTo("COS-EXP-042");
          assertThat(e.getMessage()).startsWith("no answer to POST /v1/pages: ConnectException connecting to ")
              .endsWith("(nothing was sent) (3 attempts)").doesNotContain(TOKEN);
        });
    // Nothing was sent, so even the POST was tried again, after the policy's 500 ms and 1 s.
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void theTokenComesFromTheEnvironment() {
    assertThat(NotionClient.tokenFrom(Map.of("NOTION_TOKEN", "abc"))).isEqualTo("abc");
    assertThatThrownBy(() -> NotionClient.tokenFrom(Map.of())).isInstanceOfSatisfying(NotionApiException.class,
        e -> assertThat(e.code()).isEqualTo("COS-EXP-043"));
    assertThatThrownBy(() -> client(1).publish("../../v1/users", ExportSamples.pack("daily-standup")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void retryAfterParsing() {
    assertThat(HttpRetry.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(HttpRetry.parseRetryAfter(" 1.5 ")).isEqualTo(Duration.ofMillis(1500));
    // An HTTP date already past: try again now.
    assertThat(HttpRetry.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(HttpRetry.parseRetryAfter("-1")).isNull();
    assertThat(HttpRetry.parseRetryAfter(null)).isNull();
  }
}
