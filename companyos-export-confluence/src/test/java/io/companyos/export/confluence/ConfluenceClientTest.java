package io.companyos.export.confluence;

import io.companyos.render.fixtures.ExportSamples;
import io.companyos.render.export.HttpRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.companyos.render.PackDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server that keeps pages like Confluence Cloud's REST API v2. */
class ConfluenceClientTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EMAIL = "ann@example.com";
  static final String TOKEN = "ATATT3xFfGF0-test-token-0123456789";
  static final String SPACE = "393219";
  static final String PARENT = "770001";

  record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  record Answer(int status, String body, Map<String, String> headers) {}

  /** A stored page. */
  static final class Page {
    final String id;
    final String title;
    int version;
    String body;

    Page(String id, String title, int version, String body) {
      this.id = id;
      this.title = title;
      this.version = version;
      this.body = body;
    }
  }

  HttpServer server;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final Deque<Answer> scripted = new ArrayDeque<>();
  final Map<String, Page> pages = new LinkedHashMap<>();
  final List<Duration> sleeps = new ArrayList<>();
  /** Whether the title lookup includes the version (Confluence includes it; the client must cope without). */
  boolean lookupHasVersion = true;
  int nextId = 98001;

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

  private synchronized void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    Map<String, String> query = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        String[] p = kv.split("=", 2);
        query.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
      }
    }
    Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), query, Map.copyOf(ex.getRequestHeaders()),
        in.length == 0 ? null : JSON.readTree(in));
    requests.add(r);
    Answer a = scripted.poll();
    if (a == null) {
      a = confluence(r);
    }
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(a.status(), out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  /** What Confluence would answer, from the stored pages. */
  private Answer confluence(Request r) {
    String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    if (!expectedAuth.equals(r.header("Authorization"))) {
      return error(401, "UNAUTHORIZED", "Authentication required");
    }
    if (r.method().equals("GET") && r.path().equals("/wiki/api/v2/spaces/" + SPACE + "/pages")) {
      ObjectNode res = JSON.createObjectNode();
      var results = res.putArray("results");
      for (Page p : pages.values()) {
        if (p.title.equals(r.query().get("title"))) {
          ObjectNode o = results.addObject().put("id", p.id).put("status", "current").put("title", p.title).put("spaceId", SPACE);
          if (lookupHasVersion) {
            o.putObject("version").put("number", p.version).put("message", "");
          }
        }
      }
      res.putObject("_links");
      return new Answer(200, res.toString(), Map.of());
    }
    if (r.method().equals("POST") && r.path().equals("/wiki/api/v2/pages")) {
      String title = r.body().path("title").asText();
      if (pages.values().stream().anyMatch(p -> p.title.equals(title))) {
        return error(400, "BAD_REQUEST", "A page with this title already exists");
      }
      Page p = new Page(String.valueOf(nextId++), title, 1, r.body().path("body").path("value").asText());
      pages.put(p.id, p);
      return new Answer(200, page(p).toString(), Map.of());
    }
    if (r.path().startsWith("/wiki/api/v2/pages/")) {
      Page p = pages.get(r.path().substring("/wiki/api/v2/pages/".length()));
      if (p == null) {
        return error(404, "NOT_FOUND", "Page not found");
      }
      if (r.method().equals("GET")) {
        return new Answer(200, page(p).toString(), Map.of());
      }
      if (r.method().equals("PUT")) {
        int v = r.body().path("version").path("number").asInt();
        if (v != p.version + 1) {
          return error(409, "CONFLICT", "Version must be incremented on update. Current version is: " + p.version);
        }
        p.version = v;
        p.body = r.body().path("body").path("value").asText();
        return new Answer(200, page(p).toString(), Map.of());
      }
    }
    return error(404, "NOT_FOUND", "No route");
  }

  private static ObjectNode page(Page p) {
    ObjectNode o = JSON.createObjectNode().put("id", p.id).put("status", "current").put("title", p.title).put("spaceId", SPACE);
    o.putObject("version").put("number", p.version);
    o.putObject("_links").put("webui", "/spaces/OPS/pages/" + p.id).put("base", "https://example.atlassian.net/wiki");
    return o;
  }

  private static Answer error(int status, String code, String title) {
    return new Answer(status, "{\"errors\":[{\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"detail\":null}]}", Map.of());
  }

  ConfluenceClient client(int attempts) {
    HttpRetry retry = new HttpRetry(attempts, Duration.ofMillis(250), Duration.ofSeconds(2), sleeps::add);
    return new ConfluenceClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), EMAIL, TOKEN, retry, Duration.ofSeconds(10));
  }

  @Test
  void createsThePageWhenTheTitleIsNotInTheSpace() {
    PackDocument doc = ExportSamples.pack("ops-review");
    ConfluencePageRef ref = client(3).publish(SPACE, PARENT, doc);

    assertThat(ref.created()).isTrue();
    assertThat(ref.version()).isEqualTo(1);
    assertThat(ref.webUrl()).isEqualTo("https://example.atlassian.net/wiki/spaces/OPS/pages/" + ref.id());
    assertThat(requests).hasSize(2);
    Request lookup = requests.get(0);
    assertThat(lookup.method()).isEqualTo("GET");
    assertThat(lookup.path()).isEqualTo("/wiki/api/v2/spaces/" + SPACE + "/pages");
    assertThat(lookup.query()).containsEntry("title", "Weekly Ops Review - " + doc.period().label());
    Request create = requests.get(1);
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/wiki/api/v2/pages");
    assertThat(create.header("Content-type")).isEqualTo("application/json");
    List<String> keys = new ArrayList<>();
    create.body().fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("spaceId", "status", "title", "parentId", "body");
    assertThat(create.body().path("spaceId").asText()).isEqualTo(SPACE);
    assertThat(create.body().path("status").asText()).isEqualTo("current");
    assertThat(create.body().path("title").asText()).isEqualTo("Weekly Ops Review - " + doc.period().label());
    assertThat(create.body().path("parentId").asText()).isEqualTo(PARENT);
    assertThat(create.body().path("body").path("representation").asText()).isEqualTo("storage");
    assertThat(create.body().path("body").path("value").asText()).isEqualTo(ConfluenceStorage.render(doc));
    assertThat(pages.get(ref.id()).body).isEqualTo(ConfluenceStorage.render(doc));
  }

  @Test
  void updatesAnExistingPageWithTheNextVersion() {
    PackDocument doc = ExportSamples.pack("ops-review");
    String title = ConfluenceStorage.title(doc);
    pages.put("55501", new Page("55501", title, 4, "<p>old</p>"));
    ConfluencePageRef ref = client(3).publish(SPACE, null, doc);

    assertThat(ref).isEqualTo(new ConfluencePageRef("55501", 5, false, "https://example.atlassian.net/wiki/spaces/OPS/pages/55501"));
    assertThat(requests).extracting(Request::method).containsExactly("GET", "PUT");
    Request put = requests.get(1);
    assertThat(put.path()).isEqualTo("/wiki/api/v2/pages/55501");
    assertThat(put.body().path("id").asText()).isEqualTo("55501");
    assertThat(put.body().path("status").asText()).isEqualTo("current");
    assertThat(put.body().path("title").asText()).isEqualTo(title);
    assertThat(put.body().path("version").path("number").asInt()).isEqualTo(5);
    assertThat(put.body().path("body").path("representation").asText()).isEqualTo("storage");
    assertThat(pages.get("55501").body).isEqualTo(ConfluenceStorage.render(doc));
    // publishing again moves on to version 6
    assertThat(client(3).publish(SPACE, null, doc).version()).isEqualTo(6);
  }

  @Test
  void readsTheVersionFromThePageWhenTheLookupHasNone() {
    lookupHasVersion = false;
    pages.put("55502", new Page("55502", "Status", 9, "<p>old</p>"));
    ConfluencePageRef ref = client(3).publish(SPACE, null, "Status", "<p>new</p>");
    assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "GET /wiki/api/v2/spaces/" + SPACE + "/pages", "GET /wiki/api/v2/pages/55502", "PUT /wiki/api/v2/pages/55502");
    assertThat(requests.get(2).body().path("version").path("number").asInt()).isEqualTo(10);
    assertThat(ref.version()).isEqualTo(10);
  }

  @Test
  void aConflictIsATypedErrorAndIsNotRetried() {
    pages.put("55503", new Page("55503", "Status", 2, "<p>old</p>"));
    // someone saves the page between our lookup and our update
    scripted.add(confluenceLookupOf("55503", "Status", 2));
    scripted.add(error(409, "CONFLICT", "Version must be incremented on update. Current version is: 3"));
    assertThatThrownBy(() -> client(3).publish(SPACE, null, "Status", "<p>new</p>"))
        .isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.apiCode()).isEqualTo("CONFLICT");
          assertThat(e.apiMessage()).isEqualTo("Version must be incremented on update. Current version is: 3");
          assertThat(e.code()).isEqualTo("COS-EXP-051");
          assertThat(e.getMessage()).contains("HTTP 409", "PUT /wiki/api/v2/pages/55503").doesNotContain(TOKEN);
          assertThat(e.hint()).contains("version conflict");
        });
    assertThat(requests).hasSize(2);
    assertThat(sleeps).isEmpty();
  }

  private Answer confluenceLookupOf(String id, String title, int version) {
    return new Answer(200, "{\"results\":[{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\"" + title
        + "\",\"version\":{\"number\":" + version + "}}],\"_links\":{}}", Map.of());
  }

  @Test
  void everyRequestCarriesBasicAuth() {
    pages.put("55504", new Page("55504", "Status", 1, "<p>old</p>"));
    lookupHasVersion = false;
    client(3).publish(SPACE, null, "Status", "<p>new</p>");
    client(3).publish(SPACE, null, "Other", "<p>x</p>");
    String expected = "Basic " + Base64.getEncoder().encodeToString("ann@example.com:ATATT3xFfGF0-test-token-0123456789".getBytes(StandardCharsets.UTF_8));
    assertThat(requests).hasSize(5).allSatisfy(r -> {
      assertThat(r.header("Authorization")).isEqualTo(expected);
      assertThat(r.header("Accept")).isEqualTo("application/json");
    });
  }

  @Test
  void a503IsRetriedWithBackoffAndA429AfterRetryAfter() {
    scripted.add(error(503, "SERVICE_UNAVAILABLE", "try later"));
    scripted.add(new Answer(429, "{\"errors\":[{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"title\":\"slow down\"}]}", Map.of("Retry-After", "7")));
    scripted.add(error(502, "BAD_GATEWAY", "proxy"));
    ConfluencePageRef ref = client(5).publish(SPACE, null, "Status", "<p>x</p>");
    assertThat(ref.created()).isTrue();
    assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(7), Duration.ofMillis(1000));
    assertThat(requests).extracting(Request::method).containsExactly("GET", "GET", "GET", "GET", "POST");
  }

  @Test
  void retriesRunOutIntoATypedError() {
    for (int i = 0; i < 3; i++) {
      scripted.add(error(503, "SERVICE_UNAVAILABLE", "try later"));
    }
    assertThatThrownBy(() -> client(3).publish(SPACE, null, "Status", "<p>x</p>"))
        .isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.hint()).contains("gave up after 3 attempts");
        });
    assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void secretsNeverShowInErrors() {
    String creds = Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    scripted.add(error(401, "UNAUTHORIZED", "bad credentials " + TOKEN + " / Basic " + creds));
    ConfluenceClient c = client(1);
    assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain(creds).doesNotContain(EMAIL);
    assertThatThrownBy(() -> c.publish(SPACE, null, "Status", "<p>x</p>")).isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.oneLine()).doesNotContain(TOKEN).doesNotContain(creds);
      assertThat(String.valueOf(e.apiMessage())).doesNotContain(TOKEN).doesNotContain(creds);
      assertThat(e.hint()).contains("CONFLUENCE_API_TOKEN");
    });
    server.stop(0);
    assertThatThrownBy(() -> c.publish(SPACE, null, "Status", "<p>x</p>")).isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
      assertThat(e.code()).isEqualTo("COS-EXP-052");
      assertThat(e.oneLine()).doesNotContain(TOKEN).doesNotContain(creds);
    });
  }

  @Test
  void configurationFromTheEnvironment() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/wiki/";
    ConfluenceClient c = new ConfluenceClient(Map.of("CONFLUENCE_BASE_URL", base, "CONFLUENCE_EMAIL", EMAIL, "CONFLUENCE_API_TOKEN", TOKEN));
    assertThat(c.find(SPACE, "Nothing")).isEmpty(); // "/wiki/" in the base URL is not doubled
    assertThat(requests.get(0).path()).isEqualTo("/wiki/api/v2/spaces/" + SPACE + "/pages");
    assertThatThrownBy(() -> new ConfluenceClient(Map.of("CONFLUENCE_BASE_URL", base, "CONFLUENCE_EMAIL", EMAIL)))
        .isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
          assertThat(e.code()).isEqualTo("COS-EXP-053");
          assertThat(e.getMessage()).contains("CONFLUENCE_API_TOKEN");
        });
    assertThatThrownBy(() -> new ConfluenceClient(Map.of("CONFLUENCE_BASE_URL", "not a url", "CONFLUENCE_EMAIL", EMAIL,
        "CONFLUENCE_API_TOKEN", TOKEN))).isInstanceOfSatisfying(ConfluenceApiException.class, e -> {
          assertThat(e.code()).isEqualTo("COS-EXP-053");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
    assertThatThrownBy(() -> client(1).publish("../../admin", null, "T", "<p/>")).isInstanceOf(IllegalArgumentException.class);
  }
}
