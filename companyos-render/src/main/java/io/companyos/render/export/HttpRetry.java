package io.companyos.render.export;

import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a publishing client (Notion, Confluence) tries a request again, by the project's one {@link RetryPolicy}
 * (without jitter, so a run is reproducible): on HTTP 429 after the
 * {@code Retry-After} the server asked for, and on HTTP 5xx (and 429 without {@code Retry-After}) after an
 * exponential backoff of {@code initialBackoff}, doubled each attempt and capped at {@code maxBackoff}. At
 * most {@code maxAttempts} attempts in all; then the client reports the last answer as its typed error.
 * The backoff has no random jitter, so a run is reproducible. The {@link Sleeper} does the waiting and
 * can be replaced in tests.
 *
 * <p>The sending itself is the project's one {@link HttpSender} ({@link #sender}): this record only
 * carries the publishing clients' settings to it.
 */
public record HttpRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

  /** Waits for a duration; {@link Thread#sleep(long)} by default. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public HttpRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(sleeper, "sleeper");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** Five attempts, backoff 1 s, 2 s, 4 s, 8 s (capped at 30 s), sleeping the current thread. */
  public static HttpRetry defaults() {
    return new HttpRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
  }

  /** This policy with another sleeper. */
  public HttpRetry withSleeper(Sleeper s) {
    return new HttpRetry(maxAttempts, initialBackoff, maxBackoff, s);
  }

  /** The {@link RetryPolicy} this client policy is. */
  public RetryPolicy policy() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}: {@code retryAfter} when given (null when it is longer
   * than {@link RetryPolicy#MAX_RETRY_AFTER}: the client then gives up), else the backoff step without jitter.
   */
  public @Nullable Duration delay(int failedAttempt, @Nullable Duration retryAfter) {
    return policy().delayBefore(failedAttempt + 1, retryAfter);
  }

  /** A {@code Retry-After} header in seconds ("2", "1.5"); null when absent, negative or an HTTP date. */
  public static @Nullable Duration parseRetryAfter(@Nullable String header) {
    return RetryPolicy.parseRetryAfter(header);
  }

  /**
   * The shared sender with this policy over {@code http}: the policy's exact steps (no jitter), this
   * record's sleeper, and {@code timeout} for requests that carry none.
   */
  public HttpSender sender(HttpClient http, Duration timeout) {
    return new HttpSender(http, policy(), timeout, sleeper::sleep, null);
  }

  /** The last answer of {@link #send} and how many attempts it took. */
  public record Answer(java.net.http.HttpResponse<String> response, int attempts) {}

  /**
   * Sends {@code request} with {@link #sender}: again after the policy's wait while the answer is 429 or
   * 5xx, or connecting failed, and attempts remain; returns the last answer, successful or not. When no
   * answer came, an {@link io.companyos.model.base.HttpSendException} (an {@code IOException} whose message
   * names only the host) is thrown for the caller to report in its own terms, as is interruption.
   */
  public Answer send(HttpClient http, java.net.http.HttpRequest request)
      throws java.io.IOException, InterruptedException {
    HttpSender.Answer a = sender(http, HttpSender.REQUEST_TIMEOUT).send(request);
    return new Answer(a.response(), a.attempts());
  }
}
