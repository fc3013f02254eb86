package io.companyos.schedule.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round (the health checks, the digest when due) every {@code every}, at a fixed rate from the first round
 * (a round that overruns is followed by the next at once, missed ones are not caught up), until {@link #stop()}.
 * Stopping is graceful: a round in progress finishes — its deliveries and its state save — and no new one starts;
 * a wait between rounds ends at once. {@link #stopOnShutdown(Duration)} does that on SIGTERM / Ctrl-C.
 */
public final class CheckLoop {
  private static final Logger LOG = LoggerFactory.getLogger(CheckLoop.class);

  private final Duration every;
  private final Clock clock;
  private final Consumer<Instant> round;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile int rounds;

  public CheckLoop(Duration every, Clock clock, Consumer<Instant> round) {
    if (every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("the interval must be positive, got " + every);
    }
    this.every = every;
    this.clock = clock;
    this.round = round;
  }

  /** Runs rounds until stopped; a round that throws is logged and the loop goes on. Returns after {@link #stop()}. */
  public void run() {
    try {
      long next = System.nanoTime();
      while (stopRequested.getCount() > 0) {
        try {
          round.accept(clock.instant());
        } catch (RuntimeException e) {
          LOG.error("health-check round failed: {}", e.toString());
        }
        rounds++;
        next += every.toNanos();
        long now = System.nanoTime();
        if (next - now < 0) {
          next = now;
          continue;
        }
        try {
          if (stopRequested.await(next - now, TimeUnit.NANOSECONDS)) {
            break;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  /** Asks the loop to stop after the round in progress; returns at once. */
  public void stop() {
    stopRequested.countDown();
  }

  /** Waits until {@link #run()} has returned; false when {@code timeout} passed first. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** How many rounds have run. */
  public int rounds() {
    return rounds;
  }

  /**
   * On JVM shutdown (SIGTERM, SIGINT), stops the loop and waits up to {@code grace} for the round in progress to
   * finish, so a service manager's stop never cuts a delivery or a state write in half.
   */
  public Thread stopOnShutdown(Duration grace) {
    Thread hook = new Thread(() -> {
      stop();
      try {
        if (!awaitStopped(grace)) {
          LOG.warn("the health-check round did not finish within {} s of the shutdown request", grace.toSeconds());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "companyos-check-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }
}
