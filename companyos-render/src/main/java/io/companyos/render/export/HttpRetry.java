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
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between attempts
 * @param sleeper does the waiting
 */
public record HttpRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

  /** Waits for a duration; {@link Thread#sleep(long)} by default. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for {@code d}.
     *
     * @param d how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * Checks the settings.
   *
   * @param maxAttempts attempts in all
   * @param initialBackoff the wait before the second attempt
   * @param maxBackoff the longest wait between attempts
   * @param sleeper does the waiting
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1, or unless
   *     {@code 0 <= initialBackoff <= maxBackoff}
   * @throws NullPointerException if a duration or the sleeper is null
   */
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

  /**
   * The publishing clients' default settings.
   *
   * @return five attempts, backoff 1 s, 2 s, 4 s, 8 s (capped at 30 s), sleeping the current thread
   */
  public static HttpRetry defaults() {
    return new HttpRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * This policy with another sleeper.
   *
   * @param s the sleeper, e.g. one that records the waits in a test
   * @return the same settings with {@code s}
   */
  public HttpRetry withSleeper(Sleeper s) {
    return new HttpRetry(maxAttempts, initialBackoff, maxBackoff, s);
  }

  /**
   * The {@link RetryPolicy} this client policy is.
   *
   * @return a policy of the same attempts, initial wait and longest wait
   */
  public RetryPolicy policy() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}: {@code retryAfter} when given (null when it is longer
   * than {@link RetryPolicy#MAX_RETRY_AFTER}: the client then gives up), else the backoff step without jitter.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return the wait, or null when the server asked for too long
   */
  public @Nullable Duration delay(int failedAttempt, @Nullable Duration retryAfter) {
    return policy().delayBefore(failedAttempt + 1, retryAfter);
  }

  /**
   * Reads a {@code Retry-After} header, as {@link RetryPolicy#parseRetryAfter(String)} does: seconds ("2", "1.5"),
   * or an HTTP date, then the time from now until it.
   *
   * @param header the header's value, or null
   * @return the wait, or null when absent, negative, longer than a day or unreadable
   */
  public static @Nullable Duration parseRetryAfter(@Nullable String header) {
    return RetryPolicy.parseRetryAfter(header);
  }

  /**
   * The shared sender with this policy over {@code http}: the policy's exact steps (no jitter), this
   * record's sleeper, and {@code timeout} for requests that carry none.
   *
   * @param http the client
   * @param timeout how long an answer may take, for requests without their own timeout
   * @return the sender
   */
  public HttpSender sender(HttpClient http, Duration timeout) {
    return new HttpSender(http, policy(), timeout, sleeper::sleep, null);
  }

  /**
   * The last answer of {@link #send} and how many attempts it took.
   *
   * @param response the last response, successful or not
   * @param attempts how many attempts were made, at least 1
   */
  public record Answer(java.net.http.HttpResponse<String> response, int attempts) {}

  /**
   * Sends {@code request} with {@link #sender}: again after the policy's wait while the answer is 429 or
   * 5xx, or connecting failed, and attempts remain; returns the last answer, successful or not. When no
   * answer came, an {@link io.companyos.model.base.HttpSendException} (an {@code IOException} whose message
   * names only the host) is thrown for the caller to report in its own terms, as is interruption. Requests without
   * their own timeout get {@link HttpSender#REQUEST_TIMEOUT}.
   *
   * @param http the client
   * @param request the request; its own timeout, when set, wins
   * @return the last answer, whatever its status, and the attempts it took; the body is read as UTF-8
   * @throws java.io.IOException an {@link io.companyos.model.base.HttpSendException} when the last attempt got no
   *     answer
   * @throws InterruptedException if the thread was interrupted while sending or waiting
   */
  public Answer send(HttpClient http, java.net.http.HttpRequest request)
      throws java.io.IOException, InterruptedException {
    HttpSender.Answer a = sender(http, HttpSender.REQUEST_TIMEOUT).send(request);
    return new Answer(a.response(), a.attempts());
  }
}
