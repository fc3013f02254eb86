package io.companyos.model.base;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The one retry policy of CompanyOS: how often and how patiently delivery channels, the Notion and Confluence
 * clients and sources try again. At most {@code maxAttempts} attempts; before attempt {@code n} (n ≥ 2) the
 * capped exponential step is {@code min(maxDelay, initialDelay × 2^(n-2))}. With a random generator the wait
 * is a random time between half and all of the step (exponential backoff with jitter, so many runs that failed
 * together do not retry together); without one it is the step itself, for callers that want a reproducible
 * run. A server's {@code Retry-After} replaces the computed wait, up to {@link #MAX_RETRY_AFTER}.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialDelay the step before the second attempt
 * @param maxDelay the largest step
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  /** 5 attempts, waits of about 1, 2, 4 and 8 seconds. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  /** The longest {@code Retry-After} honoured; a server asking for more gets the attempt marked failed. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /**
   * Checks the policy.
   *
   * @param maxAttempts attempts in all, at least 1
   * @param initialDelay the step before the second attempt, not negative
   * @param maxDelay the largest step, not negative
   * @throws IllegalArgumentException when a value is out of range
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param d how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration d) throws InterruptedException;

    /**
     * {@link Thread#sleep}.
     *
     * @return a sleeper that blocks the current thread
     */
    static Sleeper real() {
      return d -> Thread.sleep(d.toMillis());
    }
  }

  /**
   * The wait before attempt {@code attempt} (2 for the first retry), with jitter.
   *
   * @param attempt the attempt about to be made, at least 2
   * @param retryAfter the server's {@code Retry-After}, or null
   * @param random where the jitter comes from
   * @return the wait, or null when the server asked for longer than {@link #MAX_RETRY_AFTER}
   */
  public @Nullable Duration delayBefore(int attempt, @Nullable Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? null : retryAfter;
    }
    long exp = step(attempt);
    long half = exp / 2;
    return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
  }

  /**
   * The wait before attempt {@code attempt} (2 for the first retry), without jitter: the capped exponential
   * step itself.
   *
   * @param attempt the attempt about to be made, at least 2
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return the wait, or null when the server asked for longer than {@link #MAX_RETRY_AFTER}
   */
  public @Nullable Duration delayBefore(int attempt, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? null : retryAfter;
    }
    return Duration.ofMillis(step(attempt));
  }

  private long step(int attempt) {
    long base = initialDelay.toMillis();
    long cap = maxDelay.toMillis();
    int doublings = Math.max(0, attempt - 2);
    if (base == 0) {
      return 0;
    }
    return doublings >= 62 || Long.numberOfLeadingZeros(base) <= Math.min(doublings, 62) ? cap
        : Math.min(cap, base << doublings);
  }

  /**
   * A {@code Retry-After} header (RFC 9110 section 10.2.3), read at the current time: see
   * {@link #parseRetryAfter(String, java.time.Instant)}.
   *
   * @param header the header's value, or null
   * @return the wait, or null when absent or unreadable (then the computed backoff applies)
   */
  public static @Nullable Duration parseRetryAfter(@Nullable String header) {
    return parseRetryAfter(header, java.time.Instant.now());
  }

  /**
   * A {@code Retry-After} header (RFC 9110 section 10.2.3): seconds ({@code "2"}, also {@code "1.5"}), or an
   * HTTP date, then the time from {@code now} until it (zero when it has passed).
   *
   * @param header the header's value, or null
   * @param now the time the answer came
   * @return the wait, or null when absent, negative, longer than a day or unreadable (then the computed
   *     backoff applies)
   */
  public static @Nullable Duration parseRetryAfter(@Nullable String header, java.time.Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    Duration d;
    try {
      double s = Double.parseDouble(v);
      if (!(s >= 0)) {
        return null;
      }
      d = Duration.ofMillis(Math.round(Math.min(s, 1e12) * 1000));
    } catch (NumberFormatException e) {
      try {
        d = Duration.between(now, java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant());
        d = d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
    return d.compareTo(Duration.ofDays(1)) > 0 ? null : d;
  }
}
