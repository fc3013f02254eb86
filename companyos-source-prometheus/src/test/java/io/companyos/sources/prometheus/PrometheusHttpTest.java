package io.companyos.sources.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceTimeoutException;
import io.companyos.sources.SourceUnavailableException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP behaviour that a healthy Prometheus cannot show: slowness, outages, authentication. */
class PrometheusHttpTest {
  HttpServer server;
  final AtomicReference<String> authorization = new AtomicReference<>();
  volatile int status = 200;
  volatile long delayMillis;
  volatile String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  MetricSource source(Map<String, String> options, Duration timeout, Map<String, String> env) {
    return new PrometheusSourceProvider().create(new SourceContext("prom", options, Clock.systemUTC(), Path.of("."), timeout, 0, env::get));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void theBearerTokenComesFromTheEnvironmentAndNeverShows() {
    MetricSource s = source(Map.of("url", url(), "token_env", "PROM_TOKEN"), Duration.ofSeconds(5), Map.of("PROM_TOKEN", "s3cret"));
    var ds = s.instant("up", Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(authorization.get()).isEqualTo("Bearer s3cret");
    assertThat(s.toString()).doesNotContain("s3cret");
    assertThat(ds.provenance().query()).doesNotContain("s3cret");
  }

  @Test
  void aMissingTokenVariableIsAConfigError() {
    assertThatThrownBy(() -> source(Map.of("url", url(), "token_env", "NOPE"), Duration.ofSeconds(5), Map.of()))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("'NOPE'");
    assertThatThrownBy(() -> source(Map.of(), Duration.ofSeconds(5), Map.of())).isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("missing option 'url'");
  }

  @Test
  void aSlowServerTimesOut() {
    delayMillis = 2_000;
    MetricSource s = source(Map.of("url", url()), Duration.ofMillis(200), Map.of());
    assertThatThrownBy(() -> s.instant("up", Instant.parse("2026-11-20T00:00:00Z"))).isInstanceOf(SourceTimeoutException.class);
  }

  @Test
  void serverErrorsAreUnavailableWithPrometheusMessage() {
    status = 503;
    body = "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"TSDB not ready\"}";
    MetricSource s = source(Map.of("url", url()), Duration.ofSeconds(5), Map.of());
    assertThatThrownBy(() -> s.instant("up", Instant.parse("2026-11-20T00:00:00Z"))).isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("HTTP 503 unavailable: TSDB not ready");
  }

  @Test
  void theTokenIsNotForwardedWhenPrometheusRedirectsToAnotherOrigin() throws Exception {
    HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicReference<String> seenElsewhere = new AtomicReference<>("none");
    elsewhere.createContext("/", ex -> {
      seenElsewhere.set(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    elsewhere.start();
    try {
      server.removeContext("/");
      String other = "http://127.0.0.1:" + elsewhere.getAddress().getPort();
      server.createContext("/", ex -> {
        authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
        String path = ex.getRequestURI().getPath();
        String target = path.startsWith("/moved") ? other + path : url() + "/moved" + path;
        ex.getResponseHeaders().add("Location", target + "?" + ex.getRequestURI().getRawQuery());
        ex.sendResponseHeaders(302, -1);
        ex.close();
      });
      MetricSource s = source(Map.of("url", url(), "token_env", "PROM_TOKEN"), Duration.ofSeconds(5), Map.of("PROM_TOKEN", "s3cret"));
      s.instant("up", Instant.parse("2026-11-20T00:00:00Z"));
      // Same origin (the first hop, /moved/...) carried the token; the other origin did not get it.
      assertThat(authorization.get()).isEqualTo("Bearer s3cret");
      assertThat(seenElsewhere.get()).isEqualTo("null");
    } finally {
      elsewhere.stop(0);
    }
  }

  @Test
  void endlessRedirectsAreAnUnavailableSource() {
    server.removeContext("/");
    server.createContext("/", ex -> {
      ex.getResponseHeaders().add("Location", url() + ex.getRequestURI());
      ex.sendResponseHeaders(307, -1);
      ex.close();
    });
    MetricSource s = source(Map.of("url", url()), Duration.ofSeconds(5), Map.of());
    assertThatThrownBy(() -> s.instant("up", Instant.parse("2026-11-20T00:00:00Z")))
        .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("more than 5 redirects");
  }

  @Test
  void aTokenInTheUrlIsRefusedAndNeverShown() {
    assertThatThrownBy(() -> source(Map.of("url", url() + "/?access_token=tok3nVALUE"), Duration.ofSeconds(5), Map.of()))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("the URL carries a credential in its query ('access_token')")
        .hasMessageNotContaining("tok3nVALUE");
  }

  @Test
  void failureReasonsNeverCarryCredentials() {
    SourceUnavailableException e = new SourceUnavailableException("prom", "GET https://p.example.com/api?access_token=tok3nVALUE failed", null);
    assertThat(e.getMessage()).isEqualTo("source 'prom' unavailable: GET https://p.example.com/api?access_token=[redacted] failed");
  }
}
