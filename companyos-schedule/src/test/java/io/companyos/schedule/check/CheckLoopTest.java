package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code check --every} loop: a round per interval, a graceful stop that lets the round in progress finish. */
class CheckLoopTest {
  @Test
  void runsARoundEveryIntervalUntilStoppedAndStopsAtOnceBetweenRounds() throws Exception {
    List<Long> starts = new CopyOnWriteArrayList<>();
    CheckLoop loop = new CheckLoop(Duration.ofMillis(300), Clock.systemUTC(), at -> starts.add(System.nanoTime()));
    Thread t = new Thread(loop::run);
    t.start();
    while (starts.size() < 3) {
      Thread.sleep(5);
    }
    long stopAt = System.nanoTime();
    loop.stop();
    assertThat(loop.awaitStopped(Duration.ofSeconds(1))).isTrue();
    // Stopping during the wait ends it at once, not at the next tick.
    assertThat((System.nanoTime() - stopAt) / 1_000_000).isLessThan(250);
    // Fixed rate: the third round starts 600 ms after the first (give or take scheduling on a busy machine).
    assertThat((starts.get(2) - starts.get(0)) / 1_000_000).isBetween(590L, 900L);
    t.join(1000);
    assertThat(t.isAlive()).isFalse();
  }

  @Test
  void aStopDuringARoundLetsItFinishAndStartsNoOther() throws Exception {
    CountDownLatch inRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> done = new CopyOnWriteArrayList<>();
    CheckLoop loop = new CheckLoop(Duration.ofMillis(10), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), at -> {
      inRound.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.add("round at " + at);
    });
    Thread t = new Thread(loop::run);
    t.start();
    inRound.await();
    loop.stop();
    // The round is still running: the loop has not stopped yet.
    assertThat(loop.awaitStopped(Duration.ofMillis(100))).isFalse();
    release.countDown();
    assertThat(loop.awaitStopped(Duration.ofSeconds(1))).isTrue();
    assertThat(done).containsExactly("round at 2026-11-23T10:00:00Z");
    assertThat(loop.rounds()).isEqualTo(1);
  }

  @Test
  void aRoundThatThrowsDoesNotEndTheLoop() throws Exception {
    List<Instant> rounds = new CopyOnWriteArrayList<>();
    CheckLoop loop = new CheckLoop(Duration.ofMillis(20), Clock.systemUTC(), at -> {
      rounds.add(at);
      if (rounds.size() == 1) {
        throw new IllegalStateException("source down");
      }
    });
    Thread t = new Thread(loop::run);
    t.start();
    while (rounds.size() < 2) {
      Thread.sleep(5);
    }
    loop.stop();
    assertThat(loop.awaitStopped(Duration.ofSeconds(1))).isTrue();
  }
}
