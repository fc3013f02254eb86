package io.companyos.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How often and how patiently a channel retries: at most {@code maxAttempts} attempts; before attempt
 * {@code n} (n ≥ 2) it waits a random time between half and all of
 * {@code min(maxDelay, initialDelay × 2^(n-2))} (exponential backoff with jitter, so many runs that
 * failed together do not retry together). A server's {@code Retry-After} replaces the computed wait,
 * up to {@link #MAX_RETRY_AFTER}.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  /** 5 attempts, waits of about 1, 2, 4 and 8 seconds. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  /** The longest {@code Retry-After} honoured; a server asking for more gets the delivery marked failed. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

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
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper real() {
      return d -> Thread.sleep(d.toMillis());
    }
  }

  /**
   * The wait before attempt {@code attempt} (2 for the first retry), or null when the server asked
   * for longer than {@link #MAX_RETRY_AFTER}.
   */
  public @Nullable Duration delayBefore(int attempt, @Nullable Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? null : retryAfter;
    }
    long base = initialDelay.toMillis();
    long cap = maxDelay.toMillis();
    long exp = attempt - 2 >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 2, 30));
    long half = exp / 2;
    return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
  }
}
