package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.schedule.check.CheckStateStore.Owed;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a run: a child JVM runs {@code check --once} for a firing check and is killed while its
 * page is in flight (the receiver has it but has not answered). The state left behind — and the lock the dead
 * process held — let the next run complete correctly.
 */
class KillDuringRunTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  final Receiver receiver = new Receiver();

  KillDuringRunTest() throws Exception {}

  @AfterEach
  void stop() {
    receiver.close();
  }

  /** Starts the child, waits until the receiver holds its trigger, and kills it (SIGKILL). */
  void killMidPage(Path state) throws Exception {
    // The receiver takes the trigger (an incident opens) and answers only after 60 s: the child dies first.
    receiver.then(new Receiver.Reply(202, null, 60_000));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath(), KillTarget.class.getName(), state.toString(), receiver.url("/pd"),
        T0.toString()));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (receiver.posts.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(receiver.posts).as("the child's trigger reached the receiver; child log:\n%s",
        java.nio.file.Files.exists(dir.resolve("child.log")) ? java.nio.file.Files.readString(dir.resolve("child.log")) : "").hasSize(1);
    child.destroyForcibly();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
  }

  /** The test class path (test classes first), as plain class path for the child. */
  static String classPath() throws Exception {
    List<String> parts = new ArrayList<>();
    parts.add(Path.of(KillTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    parts.add(System.getProperty("java.class.path"));
    String modules = System.getProperty("jdk.module.path");
    if (modules != null && !modules.isBlank()) {
      parts.add(modules);
    }
    return String.join(File.pathSeparator, parts);
  }

  @Test
  void killedWhilePagingThenRecoveredTheNextRunResolves() throws Exception {
    Path state = dir.resolve("state.json");
    killMidPage(state);
    // The dead run wrote, before sending, that a trigger may be open. The check has recovered meanwhile: the next
    // run (in this process; the dead one's lock is gone) owes and sends the resolve.
    try (CheckStateStore s = CheckStateStore.open(state, Duration.ofSeconds(2))) {
      assertThat(s.recovery()).isEmpty();
      CheckStateStore.State left = s.get("Burn").orElseThrow();
      assertThat(left.open()).isTrue();
      assertThat(left.owed()).isEqualTo(Owed.TRIGGER);
      CheckResult r = KillTarget.runner(receiver.url("/pd"), 1).runOnce(T0.plus(Duration.ofMinutes(5)), s).get(0);
      assertThat(r.delivery().state()).isEqualTo(AlertState.OK);
    }
    assertThat(receiver.at("/pd")).extracting(Receiver.Post::eventAction).containsExactly("trigger", "resolve");
    assertThat(receiver.openIncidents()).isEmpty();
  }

  @Test
  void killedWhilePagingAndStillFiringTheNextRunPagesUnderTheSameKey() throws Exception {
    Path state = dir.resolve("state.json");
    killMidPage(state);
    try (CheckStateStore s = CheckStateStore.open(state, Duration.ofSeconds(2))) {
      CheckResult r = KillTarget.runner(receiver.url("/pd"), 10).runOnce(T0.plus(Duration.ofMinutes(5)), s).get(0);
      assertThat(r.delivery().state()).isEqualTo(AlertState.FIRING_NOTIFIED);
    }
    // At least once: the trigger went out twice under one key, which the receiver keeps as one incident.
    assertThat(receiver.at("/pd")).extracting(p -> p.eventAction() + " " + p.body().get("dedup_key").asText())
        .containsExactly("trigger companyos-burn", "trigger companyos-burn");
    assertThat(receiver.openIncidents()).containsExactly("companyos-burn");
    // Delivered now: the following run, inside the cool-down, sends nothing.
    try (CheckStateStore s = CheckStateStore.open(state, Duration.ofSeconds(2))) {
      KillTarget.runner(receiver.url("/pd"), 10).runOnce(T0.plus(Duration.ofMinutes(10)), s);
    }
    assertThat(receiver.posts).hasSize(2);
  }
}
