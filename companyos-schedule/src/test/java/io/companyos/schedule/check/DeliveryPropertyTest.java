package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Never lose a page, never lose a resolve, never page twice inside the cool-down: any sequence of runs — the check
 * firing, passing, failing or without data, the receiver answering 202, 500 or 503 — followed by two runs against a
 * healthy receiver leaves the receiver agreeing with the check (an incident open exactly when it fires), and in
 * between the state never claims more than the receiver has.
 */
class DeliveryPropertyTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final Duration STEP = Duration.ofMinutes(5);
  static final Duration COOLDOWN = Duration.ofMinutes(60);
  static final String KEY = "companyos-burn";

  final Receiver receiver = new Receiver();
  /** What the scripted source answers in the current run: 0 firing, 1 passing, 2 error, 3 no data. */
  int condition;

  DeliveryPropertyTest() throws IOException {}

  @AfterEach
  void stop() {
    receiver.close();
  }

  MetricSource source() {
    return ScriptedGauge.of((query, at) -> {
      if (condition == 2) {
        throw new SourceUnavailableException("scripted", "down", null);
      }
      return condition == 3 ? List.of() : ScriptedGauge.point(query, Map.of(), at, condition == 0 ? 10 : 1);
    });
  }

  @Test
  void theReceiverEndsUpAgreeingWithTheCheckAndIsNeverPagedTwiceInsideTheCooldown() {
    HealthCheckRunner runner = new HealthCheckRunner(List.of(new HealthCheck("Burn", "m", Threshold.parse("> 6"), "page_oncall")),
        List.of(source()), ActionRegistry.discover(),
        new ActionContext(receiver.env()::get, HttpClient.newHttpClient(), Duration.ofSeconds(5)),
        HealthCheckRunner.Settings.of(COOLDOWN).withRetry(new HealthCheckRunner.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
    int[] replies = {202, 500, 503};
    // Each step: condition (0..3) * 3 + reply index (0..2).
    qt().withExamples(60).forAll(lists().of(integers().between(0, 11)).ofSizeBetween(1, 24)).checkAssert(steps -> {
      Path dir = tempDir();
      receiver.reset();
      Instant at = T0;
      int lastDefinite = -1;
      for (int step : steps) {
        condition = step / 3;
        receiver.then(replies[step % 3]);
        CheckResult r = run(runner, dir, at);
        drainScript();
        if (condition <= 1) {
          lastDefinite = condition;
        }
        // The state never claims more than the receiver has.
        if (r.delivery().state() == AlertState.FIRING_NOTIFIED) {
          assertThat(receiver.openIncidents()).as("notified ⇒ open at the receiver, after %s", steps).contains(KEY);
        }
        if (r.delivery().state() == AlertState.OK) {
          assertThat(receiver.openIncidents()).as("ok ⇒ nothing open at the receiver, after %s", steps).isEmpty();
        }
        at = at.plus(STEP);
      }
      // Two runs against a healthy receiver with the last definite condition (or passing, if there was none).
      condition = lastDefinite < 0 ? 1 : lastDefinite;
      run(runner, dir, at);
      run(runner, dir, at.plus(STEP));
      if (condition == 0) {
        assertThat(receiver.openIncidents()).as("page delivered after %s", steps).containsExactly(KEY);
      } else {
        assertThat(receiver.openIncidents()).as("resolve delivered after %s", steps).isEmpty();
      }
      // Delivered triggers while the incident was already open are reminders: at least the cool-down apart.
      Instant lastTrigger = null;
      boolean open = false;
      for (Receiver.Post p : receiver.at("/pd")) {
        if (p.answered() / 100 != 2) {
          continue;
        }
        if (p.eventAction().equals("trigger")) {
          Instant when = Instant.parse(p.body().at("/payload/timestamp").asText());
          if (open) {
            assertThat(Duration.between(lastTrigger, when)).as("reminder after %s", steps).isGreaterThanOrEqualTo(COOLDOWN);
          }
          lastTrigger = when;
          open = true;
        } else {
          open = false;
        }
      }
      deleteAll(dir);
    });
  }

  CheckResult run(HealthCheckRunner runner, Path dir, Instant at) {
    try (CheckStateStore state = CheckStateStore.open(dir.resolve("state.json"))) {
      return runner.runOnce(at, state).get(0);
    }
  }

  /** Replies not consumed in a run (nothing was sent) must not leak into the next one. */
  void drainScript() {
    receiver.clearScript();
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("companyos-state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteAll(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
