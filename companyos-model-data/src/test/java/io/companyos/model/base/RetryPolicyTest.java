package io.companyos.model.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void waitsStayBetweenHalfAndAllOfTheCappedExponentialStep() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    qt().forAll(integers().between(2, 80), longs().all()).checkAssert((attempt, seed) -> {
      Duration d = p.delayBefore(attempt, null, new SplittableRandom(seed));
      long step = Math.min(p.maxDelay().toMillis(), p.initialDelay().toMillis() << Math.min(attempt - 2, 30));
      assertThat(d.toMillis()).isBetween(step / 2, step);
    });
  }

  @Test
  void retryAfterReplacesTheComputedWaitUpToTheLimit() {
    assertThat(RetryPolicy.DEFAULT.delayBefore(2, Duration.ofSeconds(42), new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(42));
    assertThat(RetryPolicy.DEFAULT.delayBefore(2, RetryPolicy.MAX_RETRY_AFTER.plusSeconds(1), new SplittableRandom(1))).isNull();
  }

  @Test
  void jitterSpreadsRunsThatFailedTogether() {
    long distinct = new SplittableRandom(3).longs(50).map(seed -> RetryPolicy.DEFAULT.delayBefore(4, null,
        new SplittableRandom(seed)).toMillis()).distinct().count();
    assertThat(distinct).isGreaterThan(40);
  }

  @Test
  void withoutJitterTheWaitIsTheCappedStep() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));
    // 100 ms before attempt 2, doubled each attempt: 200, 400, then capped at 500.
    assertThat(p.delayBefore(2, null)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delayBefore(3, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.delayBefore(4, null)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.delayBefore(5, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delayBefore(200, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delayBefore(2, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterIsReadInSecondsOrAsAnHttpDate() {
    java.time.Instant now = java.time.Instant.parse("2015-10-21T07:27:00Z");
    assertThat(RetryPolicy.parseRetryAfter("2", now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryPolicy.parseRetryAfter(" 1.5 ", now)).isEqualTo(Duration.ofMillis(1500));
    // One minute after "now"; a date already past means "now".
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:26:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Thu, 22 Oct 2015 07:28:00 GMT", now)).as("more than a day").isNull();
    assertThat(RetryPolicy.parseRetryAfter("soon", now)).isNull();
    assertThat(RetryPolicy.parseRetryAfter("-1")).isNull();
    assertThat(RetryPolicy.parseRetryAfter("86401")).isNull();
    assertThat(RetryPolicy.parseRetryAfter(null)).isNull();
  }
}
