package io.companyos.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final DeliveryKey KEY = new DeliveryKey("ops-review", "2026-W47 (2026-11-16..2026-11-22)", "slack", "#ops-review");

  @TempDir
  Path dir;

  @Test
  void theKeyDependsOnAllFourPartsAndOnNothingElse() {
    assertThat(KEY.value()).matches("[0-9a-f]{24}").isEqualTo(new DeliveryKey(KEY.pack(), KEY.period(), KEY.channel(), KEY.destination()).value());
    assertThat(new DeliveryKey("ops-review", KEY.period(), "slack", "#ops").value()).isNotEqualTo(KEY.value());
    assertThat(new DeliveryKey("ops-review", "2026-W48 (2026-11-23..2026-11-29)", "slack", "#ops-review").value()).isNotEqualTo(KEY.value());
    assertThat(new DeliveryKey("ops-review", KEY.period(), "email", "#ops-review").value()).isNotEqualTo(KEY.value());
    // the separator keeps "a"+"bc" apart from "ab"+"c"
    assertThat(new DeliveryKey("a", "bc", "x", "y").value()).isNotEqualTo(new DeliveryKey("ab", "c", "x", "y").value());
  }

  @Test
  void aSentKeyIsNeverClaimedAgainAFailedOneIsAndAStaleClaimExpires() {
    DeliveryLog log = new DeliveryLog(dir.resolve("log.csv"));
    assertThat(log.claim(KEY, T0)).isTrue();
    assertThat(log.claim(KEY, T0.plusSeconds(60))).as("claimed by a running delivery").isFalse();
    assertThat(log.claim(KEY, T0.plus(DeliveryLog.STALE_CLAIM).plusSeconds(1))).as("that run died").isTrue();
    log.record(KEY, T0.plus(Duration.ofHours(1)), DeliveryLog.Status.FAILED, 5, "HTTP 500 from hooks.slack.com");
    assertThat(log.claim(KEY, T0.plus(Duration.ofHours(2)))).isTrue();
    log.record(KEY, T0.plus(Duration.ofHours(2)), DeliveryLog.Status.SENT, 1, "HTTP 200, \"quoted\"");
    assertThat(log.claim(KEY, T0.plus(Duration.ofDays(30)))).isFalse();
    assertThat(log.latest(KEY).orElseThrow().detail()).isEqualTo("HTTP 200, \"quoted\"");
  }

  @Test
  void theFileIsCsvWithTheDocumentedHeader() throws Exception {
    DeliveryLog log = new DeliveryLog(dir.resolve("deliveries/log.csv"));
    log.claim(KEY, T0);
    log.record(KEY, T0.plusSeconds(2), DeliveryLog.Status.SENT, 2, "ok, after a 429");
    List<String> lines = Files.readAllLines(dir.resolve("deliveries/log.csv"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("key,at,pack,period,channel,destination,status,attempts,detail");
    assertThat(lines.get(2)).isEqualTo(KEY.value()
        + ",2026-11-23T10:00:02Z,ops-review,2026-W47 (2026-11-16..2026-11-22),slack,#ops-review,sent,2,\"ok, after a 429\"");
  }

  @Test
  void concurrentRunsClaimAKeyExactlyOnce() throws Exception {
    Path file = dir.resolve("log.csv");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        tasks.add(() -> new DeliveryLog(file).claim(KEY, T0)); // separate instances: only the file lock protects
      }
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(new DeliveryLog(file).entries()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
