package io.companyos.sources.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceTimeoutException;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.math.BigDecimal;
import io.companyos.model.base.HttpSendException;
import io.companyos.model.base.HttpSender;
import io.companyos.model.base.Redaction;
import io.companyos.model.base.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs PromQL through the Prometheus HTTP API ({@code /api/v1/query} and {@code /api/v1/query_range}),
 * passing the query through unchanged. Vector, matrix and scalar results become {@link Series}; the
 * provenance names the PromQL and the request URL (never the token). NaN and infinite samples are not
 * numbers a pack can show: they are dropped and the count of dropped samples is added to the provenance.
 */
public final class PrometheusSource implements MetricSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Prometheus's default look-back for instant queries, recorded as the window of instant answers. */
  static final Duration LOOKBACK = Duration.ofMinutes(5);

  private final String id;
  private final URI base;
  private final @Nullable String token;
  private final Duration timeout;
  private final Clock clock;
  private final HttpSender http;

  PrometheusSource(String id, URI base, @Nullable String token, Duration timeout, Clock clock) {
    this.id = id;
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.clock = clock;
    // Redirects are followed here, not by the client, so that the token only goes to the configured origin.
    // One attempt: the source framework (ResilientSource) decides about retries.
    this.http = new HttpSender(HttpSender.client(timeout), RetryPolicy.NONE, timeout, RetryPolicy.Sleeper.real(), null);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    return new SourceDescription(PrometheusSourceProvider.ID, Set.of(), List.of("*"));
  }

  @Override
  public Dataset<Series> instant(String query, Instant at) {
    String path = "api/v1/query?query=" + encode(query) + "&time=" + seconds(at);
    Parsed p = get(path, query, null);
    // Prometheus answers an instant query from the latest sample within its look-back (5 minutes by default).
    return dataset(query, path, TimeWindow.ending(at, LOOKBACK), p);
  }

  @Override
  public Dataset<Series> range(String query, TimeWindow window, Duration step) {
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step must be positive");
    }
    String path = "api/v1/query_range?query=" + encode(query) + "&start=" + seconds(window.start()) + "&end="
        + seconds(window.end()) + "&step=" + step.toMillis() / 1000.0;
    return dataset(query, path, window, get(path, query, window));
  }

  @Override
  public String toString() {
    return "PrometheusSource[id=" + id + ", url=" + base + ", token=" + (token == null ? "none" : "from environment") + "]";
  }

  record Parsed(List<Series> series, int dropped) {}

  private Dataset<Series> dataset(String query, String path, TimeWindow window, Parsed p) {
    String text = "PromQL " + query + " @ " + base.resolve(path.substring(0, path.indexOf('?')))
        + (p.dropped() > 0 ? " (" + p.dropped() + " NaN/Inf samples dropped)" : "");
    // Prometheus tells only what the query returned: the span of its points (a series that stopped
    // reporting ends early and shows as stale); no points, no coverage.
    List<java.time.Instant> times = p.series().stream().flatMap(s -> s.points().stream()).map(Series.Point::timestamp).toList();
    return Dataset.of(p.series(), Provenance.of(id, text, window, clock.instant())
        .withCovers(Provenance.Coverage.of(times).orElse(null)));
  }

  /** Redirects followed before giving up. */
  static final int MAX_REDIRECTS = 5;

  /** Same scheme, host and port: the only requests that carry the bearer token. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private HttpResponse<String> send(String path) throws HttpSendException, InterruptedException {
    URI target = base.resolve(path);
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(timeout).header("Accept", "application/json").GET();
      if (token != null && sameOrigin(target, base)) {
        req.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> resp = http.send(req.build()).response();
      int status = resp.statusCode();
      java.util.Optional<String> location = resp.headers().firstValue("Location");
      boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
      if (!redirect || location.isEmpty()) {
        return resp;
      }
      if (hop == MAX_REDIRECTS) {
        throw new SourceUnavailableException(id, "more than " + MAX_REDIRECTS + " redirects from " + Redaction.url(base), null);
      }
      URI next;
      try {
        next = target.resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        throw new SourceUnavailableException(id, "HTTP " + status + " from " + Redaction.url(base) + " redirects to an invalid URL", e);
      }
      if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
        throw new SourceUnavailableException(id, "HTTP " + status + " from " + Redaction.url(base) + " redirects outside http(s)", null);
      }
      target = next;
    }
  }

  private Parsed get(String path, String query, @Nullable TimeWindow window) {
    HttpResponse<String> resp;
    try {
      resp = send(path);
    } catch (HttpSendException e) {
      if (e.timedOut()) {
        throw new SourceTimeoutException(id, timeout, query);
      }
      throw new SourceUnavailableException(id, Redaction.url(base) + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException(id, "interrupted", e);
    }
    return answer(resp.statusCode(), resp.body(), query, window);
  }

  /**
   * What an HTTP answer of the query API says: the series, or a {@link BadDataException} (the query was refused) or a
   * {@link SourceUnavailableException} (not an answer of the API, or an error of the server). Nothing else escapes,
   * whatever the body holds ({@code PrometheusAnswerFuzzTest}).
   */
  Parsed answer(int status, String text, String query, @Nullable TimeWindow window) {
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (IOException e) {
      throw new SourceUnavailableException(id, "HTTP " + status + " from " + Redaction.url(base)
          + " is not a Prometheus API answer", e);
    }
    if (body == null || !body.isObject()) {
      boolean empty = body == null || body.isMissingNode();
      throw new SourceUnavailableException(id, "HTTP " + status + " from " + Redaction.url(base) + " is not a Prometheus API answer ("
          + (empty ? "no body" : "a JSON " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ")", null);
    }
    if (!"success".equals(body.path("status").asText())) {
      String type = body.path("errorType").asText("unknown");
      String error = body.path("error").asText("no message");
      if (status == 400 || status == 422 || type.equals("bad_data") || type.equals("execution")) {
        throw new BadDataException(id, null, 0, null, "Prometheus rejected the query (" + type + "): " + error + " — query: " + query,
            "check the PromQL, e.g. in the Prometheus expression browser");
      }
      throw new SourceUnavailableException(id, "HTTP " + status + " " + type + ": " + error, null);
    }
    return parse(body.path("data"), query, window);
  }

  private Parsed parse(JsonNode data, String query, @Nullable TimeWindow window) {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<Series> out = new ArrayList<>();
    int dropped = 0;
    switch (type) {
      case "scalar" -> {
        Series.Point p = point(result);
        if (p == null) {
          dropped++;
        } else if (window == null || window.contains(p.timestamp())) {
          out.add(new Series(query, Map.of(), List.of(p)));
        }
      }
      case "vector" -> {
        for (JsonNode s : result) {
          Series.Point p = point(s.path("value"));
          if (p == null) {
            dropped++;
          } else if (window == null || window.contains(p.timestamp())) {
            out.add(series(s.path("metric"), query, List.of(p)));
          }
        }
      }
      case "matrix" -> {
        for (JsonNode s : result) {
          List<Series.Point> points = new ArrayList<>();
          for (JsonNode v : s.path("values")) {
            Series.Point p = point(v);
            if (p == null) {
              dropped++;
            } else if (window == null || window.contains(p.timestamp())) {
              points.add(p); // Prometheus includes the end instant; our windows are half-open
            }
          }
          out.add(series(s.path("metric"), query, points));
        }
      }
      default -> throw new BadDataException(id, null, 0, null,
          "the query returned a " + type + ", not numbers — query: " + query, "query a metric, a vector or a scalar");
    }
    out.sort((a, b) -> new TreeMap<>(a.labels()).toString().compareTo(new TreeMap<>(b.labels()).toString()));
    return new Parsed(out, dropped);
  }

  private static Series series(JsonNode metric, String query, List<Series.Point> points) {
    Map<String, String> labels = new TreeMap<>();
    String name = query;
    for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__name__")) {
        name = e.getValue().asText();
      } else {
        labels.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Series(name, labels, points);
  }

  /** The latest time a sample may carry: 9999-12-31T23:59:59.999Z, past anything Prometheus stores. */
  private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253_402_300_800L);

  /**
   * A {@code [unixSeconds, "value"]} pair; null (counted as dropped) for NaN or infinite values and for a time that is
   * not a number of seconds between 1970 and 9999, which would otherwise read as 1970 or as a wrapped-around instant.
   */
  private static Series.@Nullable Point point(JsonNode pair) {
    JsonNode time = pair.path(0);
    if (!time.isNumber() || (time.isFloatingPointNumber() && !Double.isFinite(time.doubleValue()))) {
      return null;
    }
    BigDecimal seconds = time.decimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(LAST_SECOND) >= 0) {
      return null;
    }
    String raw = pair.path(1).asText();
    double v;
    try {
      v = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      return null;
    }
    if (!Double.isFinite(v)) {
      return null;
    }
    long millis = seconds.movePointRight(3).longValue();
    return new Series.Point(Instant.ofEpochMilli(millis), v);
  }

  private static String seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).toPlainString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
