package io.companyos.model.base;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * The one way CompanyOS sends HTTP requests (delivery channels, health-check actions, the Notion and
 * Confluence clients, the Prometheus source).
 *
 * <p>{@link #client()} builds the client with the project's rules: a connect timeout, redirects never
 * followed (a bearer token, a basic credential or a webhook's secret path must never reach another origin;
 * a caller that wants to follow a redirect does it itself, as the Prometheus source does for its own
 * origin), HTTP/2 where the server offers it and HTTP/1.1 otherwise.
 *
 * <p>{@link #send} applies the per-request timeout (unless the request has its own) and the shared
 * {@link RetryPolicy}: HTTP 429 and 5xx answers are tried again after the policy's wait, or after the
 * server's {@code Retry-After}; a failure to connect (nothing was sent) is tried again too. A failure after
 * the request was sent (a timeout, a dropped connection) is tried again only for the safe methods
 * {@code GET}, {@code HEAD} and {@code OPTIONS}: a {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE} may have arrived and is not repeated. Every other answer is final; redirects are answers.
 *
 * <p>Nothing this class writes (exception messages, the attempts listed in an {@link Answer}) carries more of
 * the URL than its host: no user-info, query or path, which may hold secrets.
 */
public final class HttpSender {
  /** How long connecting may take: 10 seconds. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long an answer may take when neither the sender nor the request says: 30 seconds. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final HttpClient http;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final RetryPolicy.Sleeper sleeper;
  private final @Nullable RandomGenerator random;

  /**
   * A sender.
   *
   * @param http the client, usually {@link #client()}; tests pass their own
   * @param retry how often and how patiently to try again ({@link RetryPolicy#NONE} for one attempt)
   * @param timeout how long an answer may take, for requests without their own timeout
   * @param sleeper waits between attempts
   * @param random the jitter of the waits, or null for the policy's exact steps (a reproducible run)
   */
  public HttpSender(HttpClient http, RetryPolicy retry, Duration timeout, RetryPolicy.Sleeper sleeper,
      @Nullable RandomGenerator random) {
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = random;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /**
   * A sender over the shared {@link #client()} that sleeps the current thread between attempts and waits
   * the policy's exact steps.
   *
   * @param retry how often and how patiently to try again
   * @param timeout how long an answer may take
   * @return the sender
   */
  public static HttpSender of(RetryPolicy retry, Duration timeout) {
    return new HttpSender(client(), retry, timeout, RetryPolicy.Sleeper.real(), null);
  }

  /**
   * The shared client with the project's rules and a {@linkplain #CONNECT_TIMEOUT 10-second} connect timeout.
   *
   * @return the same client on every call
   */
  public static HttpClient client() {
    return Shared.CLIENT;
  }

  /**
   * A new client with the project's rules: {@code connectTimeout}, redirects never followed, HTTP/2 with
   * HTTP/1.1 as fallback.
   *
   * @param connectTimeout how long connecting may take
   * @return the client
   */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_2).build();
  }

  private static final class Shared {
    static final HttpClient CLIENT = client(CONNECT_TIMEOUT);
  }

  /**
   * The last answer of {@link #send}, successful or not.
   *
   * @param response the answer
   * @param attempts how many requests were sent, at least 1
   * @param earlier what each earlier attempt got ({@code "HTTP 503 from api.example.com"}), oldest first
   * @param retryAfterTooLong true when the answer was to be retried but the server asked to wait longer than
   *     {@link RetryPolicy#MAX_RETRY_AFTER}
   */
  public record Answer(HttpResponse<String> response, int attempts, List<String> earlier, boolean retryAfterTooLong) {
    /** Checks and copies. */
    public Answer {
      Objects.requireNonNull(response, "response");
      earlier = List.copyOf(earlier);
    }

    /**
     * The status code.
     *
     * @return the answer's status
     */
    public int status() {
      return response.statusCode();
    }

    /**
     * The answer in the words of {@link #earlier}.
     *
     * @return e.g. {@code "HTTP 200 from api.example.com"}
     */
    public String line() {
      return statusLine(response.statusCode(), response.request().uri().getHost());
    }
  }

  /**
   * Sends {@code request} and tries again as the class describes; the body is read as UTF-8.
   *
   * @param request the request; its own timeout, when set, wins over the sender's
   * @return the last answer, whatever its status
   * @throws HttpSendException when the last attempt got no answer; its message names only the host
   * @throws InterruptedException when the thread is interrupted while sending or waiting
   */
  public Answer send(HttpRequest request) throws HttpSendException, InterruptedException {
    HttpRequest req = request.timeout().isPresent() ? request
        : HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    Duration limit = req.timeout().orElse(timeout);
    String host = String.valueOf(req.uri().getHost());
    boolean repeatable = SAFE_METHODS.contains(req.method());
    List<String> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        boolean nothingSent = e instanceof HttpConnectTimeoutException || e instanceof ConnectException
            || e instanceof SSLHandshakeException;
        String what = describe(e, nothingSent, host, limit);
        if ((!nothingSent && !repeatable) || attempt >= retry.maxAttempts()) {
          throw new HttpSendException(what, e, attempt, earlier, !nothingSent);
        }
        earlier.add(what);
        pause(attempt, null);
        continue;
      }
      int status = response.statusCode();
      if ((status != 429 && status / 100 != 5) || attempt >= retry.maxAttempts()) {
        return new Answer(response, attempt, earlier, false);
      }
      @Nullable Duration retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
      if (!pause(attempt, retryAfter)) {
        return new Answer(response, attempt, earlier, true);
      }
      earlier.add(statusLine(status, host));
    }
  }

  /** Waits before attempt {@code attempt + 1}; false when the server asked for too long a wait. */
  private boolean pause(int attempt, @Nullable Duration retryAfter) throws InterruptedException {
    Duration wait = random == null ? retry.delayBefore(attempt + 1, retryAfter)
        : retry.delayBefore(attempt + 1, retryAfter, random);
    if (wait == null) {
      return false;
    }
    sleeper.sleep(wait);
    return true;
  }

  private static String statusLine(int status, @Nullable String host) {
    return "HTTP " + status + " from " + host;
  }

  private static String describe(IOException e, boolean nothingSent, String host, Duration limit) {
    if (nothingSent) {
      return e.getClass().getSimpleName() + " connecting to " + host + " (nothing was sent)";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer from " + host + " within " + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s"
          : limit.toMillis() + " ms") + " after the request was sent";
    }
    return e.getClass().getSimpleName() + " from " + host + " after the request was sent";
  }
}
