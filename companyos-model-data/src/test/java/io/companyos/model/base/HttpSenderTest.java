package io.companyos.model.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared sender against the JDK's HTTP server on the loopback address. */
class HttpSenderTest {
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A server answering every request with {@code answers} in turn, the last one repeated. */
  private HttpServer serve(List<String> requests, Answer... answers) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger n = new AtomicInteger();
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
          + ex.getRequestHeaders().getFirst("Authorization"));
      answers[Math.min(n.getAndIncrement(), answers.length - 1)].write(ex);
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    servers.add(server);
    return server;
  }

  private record Answer(int status, Map<String, String> headers, long delayMillis) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), 0);
    }

    void write(HttpExchange ex) throws IOException {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] body = ("answer " + status).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    }
  }

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private static String url(HttpServer s, String path) {
    return "http://127.0.0.1:" + s.getAddress().getPort() + path;
  }

  /** Three attempts, 100 ms before the second and 200 ms before the third, without jitter. */
  private HttpSender sender(Duration timeout) {
    return new HttpSender(HttpSender.client(), new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), timeout,
        sleeps::add, null);
  }

  @Test
  void theSharedClientFollowsNoRedirectAndLimitsConnecting() {
    HttpClient c = HttpSender.client();
    assertThat(c.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(c.connectTimeout()).contains(Duration.ofSeconds(10));
    assertThat(HttpSender.client()).isSameAs(c);
    assertThat(HttpSender.client(Duration.ofSeconds(3)).followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
  }

  @Test
  void aRedirectToAnotherOriginIsAnAnswerAndTheCredentialStaysHome() throws Exception {
    List<String> elsewhere = new CopyOnWriteArrayList<>();
    HttpServer other = serve(elsewhere, Answer.of(200));
    List<String> home = new CopyOnWriteArrayList<>();
    HttpServer server = serve(home, new Answer(302, Map.of("Location", url(other, "/stolen")), 0));

    HttpSender.Answer a = sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(URI.create(url(server, "/api")))
        .header("Authorization", "Bearer s3cret").GET().build());

    assertThat(a.status()).isEqualTo(302);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.response().headers().firstValue("Location")).contains(url(other, "/stolen"));
    assertThat(home).containsExactly("GET /api Bearer s3cret");
    assertThat(elsewhere).isEmpty();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429IsTriedAgainAfterTheWaitTheServerAskedFor() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, new Answer(429, Map.of("Retry-After", "2"), 0), Answer.of(200));

    HttpSender.Answer a = sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(URI.create(url(server, "/hook")))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.response().body()).isEqualTo("answer 200");
    assertThat(a.attempts()).isEqualTo(2);
    // Retry-After: 2 replaces the policy's 100 ms.
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(a.earlier()).containsExactly("HTTP 429 from 127.0.0.1");
    assertThat(a.line()).isEqualTo("HTTP 200 from 127.0.0.1");
    assertThat(requests).hasSize(2);
  }

  @Test
  void aServerErrorThriceIsTheLastAnswerAfterThePolicysAttempts() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, Answer.of(500));

    HttpSender.Answer a = sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(URI.create(url(server, "/x"))).build());

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(a.retryAfterTooLong()).isFalse();
    // Before attempt 2: 100 ms; before attempt 3: 100 ms doubled.
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(a.earlier()).containsExactly("HTTP 500 from 127.0.0.1", "HTTP 500 from 127.0.0.1");
    assertThat(requests).hasSize(3);
  }

  @Test
  void aRetryAfterLongerThanFiveMinutesEndsTheTries() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, new Answer(503, Map.of("Retry-After", "301"), 0), Answer.of(200));

    HttpSender.Answer a = sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(URI.create(url(server, "/x"))).build());

    assertThat(a.status()).isEqualTo(503);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.retryAfterTooLong()).isTrue();
    assertThat(sleeps).isEmpty();
    assertThat(requests).hasSize(1);
  }

  @Test
  void otherAnswersAreFinal() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, Answer.of(404), Answer.of(200));

    HttpSender.Answer a = sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(URI.create(url(server, "/x"))).build());

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aTimedOutGetIsTriedAgainAndATimedOutPostIsNot() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, new Answer(200, Map.of(), 1_000));
    URI uri = URI.create(url(server, "/slow"));

    assertThatThrownBy(() -> sender(Duration.ofMillis(200)).send(HttpRequest.newBuilder(uri).GET().build()))
        .isInstanceOfSatisfying(HttpSendException.class, e -> {
          assertThat(e.timedOut()).isTrue();
          assertThat(e.mayHaveArrived()).isTrue();
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.failure()).isEqualTo("HttpTimeoutException");
          assertThat(e.getMessage()).isEqualTo("no answer from 127.0.0.1 within 200 ms after the request was sent");
          assertThat(e.earlier()).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo(e.getMessage()));
        });
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));

    sleeps.clear();
    // The request's own timeout wins over the sender's.
    HttpRequest post = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    assertThatThrownBy(() -> sender(Duration.ofSeconds(30)).send(post))
        .isInstanceOfSatisfying(HttpSendException.class, e -> {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.mayHaveArrived()).isTrue();
          assertThat(e.getMessage()).isEqualTo("no answer from 127.0.0.1 within 300 ms after the request was sent");
        });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void noMessageCarriesTheSecretsOfTheUrl() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    URI secret = URI.create("http://ops:pa55word@127.0.0.1:" + closed + "/services/T0/B0/hookSECRET?token=tok3nVALUE&x=1");

    assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(HttpRequest.newBuilder(secret)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()))
        .isInstanceOfSatisfying(HttpSendException.class, e -> {
          // Nothing was sent, so even a POST is tried again.
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.mayHaveArrived()).isFalse();
          assertThat(e.timedOut()).isFalse();
          assertThat(e.getMessage()).isEqualTo("ConnectException connecting to 127.0.0.1 (nothing was sent)");
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("pa55word", "hookSECRET", "tok3nVALUE", "services");
          }
          assertThat(String.join(" ", e.earlier())).doesNotContain("pa55word", "hookSECRET", "tok3nVALUE");
        });
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void jitterKeepsTheWaitWithinHalfAndAllOfTheStep() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = serve(requests, Answer.of(503), Answer.of(200));
    HttpSender jittered = new HttpSender(HttpSender.client(), new RetryPolicy(2, Duration.ofMillis(1_000), Duration.ofSeconds(1)),
        Duration.ofSeconds(5), sleeps::add, new java.util.SplittableRandom(7));

    assertThat(jittered.send(HttpRequest.newBuilder(URI.create(url(server, "/x"))).build()).status()).isEqualTo(200);
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(500L, 1_000L));
  }
}
