package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.Threshold;
import io.companyos.model.time.TimeWindow;
import io.companyos.schedule.check.CheckStateStore.Owed;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: atomic with a backup, recovering from corruption safely, refusing foreign files, locked. */
class CheckStateStoreTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  final Receiver receiver = new Receiver();
  /** Per check name, the value the scripted source answers. */
  final Map<String, Double> values = new java.util.concurrent.ConcurrentHashMap<>(Map.of("Burn", 10.0, "Quiet", 1.0));

  CheckStateStoreTest() throws Exception {}

  @AfterEach
  void stop() {
    receiver.close();
  }

  Path file() {
    return dir.resolve("state.json");
  }

  HealthCheckRunner runner() {
    List<HealthCheck> checks = List.of(new HealthCheck("Burn", "Burn", Threshold.parse("> 6"), "page_oncall"),
        new HealthCheck("Quiet", "Quiet", Threshold.parse("> 6"), "page_oncall"));
    MetricSource source = new MetricSource() {
      @Override
      public String id() {
        return "scripted";
      }

      @Override
      public SourceDescription describe() {
        return new SourceDescription("scripted", Set.of(), List.of("*"));
      }

      @Override
      public Dataset<Series> instant(String query, Instant at) {
        List<Series> rows = List.of(new Series(query, Map.of(), List.of(new Series.Point(at, values.get(query)))));
        return new Dataset<>(rows, new Provenance("scripted", query, TimeWindow.ending(at, Duration.ofMinutes(5)), at, 1));
      }
    };
    return new HealthCheckRunner(checks, List.of(source), ActionRegistry.discover(),
        new ActionContext(receiver.env()::get, HttpClient.newHttpClient(), Duration.ofSeconds(5)),
        HealthCheckRunner.Settings.of(HealthCheckRunner.DEFAULT_COOLDOWN));
  }

  List<CheckResult> run(Instant at) {
    try (CheckStateStore state = CheckStateStore.open(file())) {
      return runner().runOnce(at, state);
    }
  }

  List<String> leftovers() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  @Test
  void everySaveWritesTheBackupAndTheFileAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    run(T0);
    String text = Files.readString(file());
    assertThat(text).startsWith("{\n  \"format\" : \"companyos-health-state\",\n  \"version\" : 2,");
    assertThat(Files.readString(dir.resolve("state.json.bak"))).isEqualTo(text);
    assertThat(leftovers()).isEmpty();
    try (CheckStateStore state = CheckStateStore.open(file())) {
      CheckStateStore.State burn = state.get("Burn").orElseThrow();
      assertThat(burn.alert()).isEqualTo(AlertState.FIRING_NOTIFIED);
      assertThat(burn.lastNotified()).isEqualTo(T0);
      assertThat(burn.receipt()).isEqualTo("HTTP 202 at 2026-11-23T10:00:00Z");
      assertThat(state.get("Quiet").orElseThrow().alert()).isEqualTo(AlertState.OK);
      assertThat(state.recovery()).isEmpty();
      assertThat(state.usedFallbackMove()).isFalse();
    }
  }

  @Test
  void aCorruptFileIsMovedAsideAndTheStateRecoveredFromTheBackupWithoutADuplicatePage() throws Exception {
    run(T0);
    // A torn write: the first 60 bytes of the file.
    byte[] whole = Files.readAllBytes(file());
    Files.write(file(), java.util.Arrays.copyOf(whole, 60));
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.recovery()).hasValueSatisfying(r -> assertThat(r)
          .startsWith("COS-CHK-003 the health-check state " + file() + " is corrupt (not valid JSON at line ")
          .contains("it was moved to state.json.corrupt-")
          .endsWith("the state recovered from the backup state.json.bak (written with the last state)"));
      runner().runOnce(T0.plus(Duration.ofMinutes(5)), state);
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("state.json.corrupt-"))).singleElement()
          .satisfies(n -> assertThat(Files.readAllBytes(dir.resolve(n))).hasSize(60));
    }
    // Still firing inside the cool-down: no second page. Then it passes: the resolve goes out.
    values.put("Burn", 1.0);
    run(T0.plus(Duration.ofMinutes(10)));
    assertThat(receiver.eventActions()).containsExactly("trigger 202", "resolve 202");
    assertThat(receiver.openIncidents()).isEmpty();
  }

  @Test
  void withoutAUsableBackupEveryCheckStartsUnknownAndNothingIsLost() throws Exception {
    run(T0);
    assertThat(receiver.openIncidents()).containsExactly("companyos-burn");
    Files.writeString(file(), "{\"format\": \"companyos-health-state\", \"version\": 2, \"checks\": {\"Burn\": {\"status\": \"SOMETIMES\"}}}");
    Files.writeString(dir.resolve("state.json.bak"), "");
    List<CheckResult> results;
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.recovery()).hasValueSatisfying(r -> assertThat(r)
          .contains("is corrupt ('status' of 'Burn' is 'SOMETIMES')")
          .contains("the backup is unusable too (the file is empty)")
          .endsWith("every check starts as unknown: a firing check is notified again and a passing one resolved once "
              + "(de-duplicated by key), so no page and no resolve is lost"));
      results = runner().runOnce(T0.plus(Duration.ofMinutes(5)), state);
    }
    // Burn fires: triggered again under the same key (still one incident). Quiet passes: resolved once, in case.
    assertThat(results).extracting(r -> r.delivery().state()).containsExactly(AlertState.FIRING_NOTIFIED, AlertState.OK);
    assertThat(receiver.at("/pd")).extracting(p -> p.eventAction() + " " + p.body().get("dedup_key").asText())
        .containsExactly("trigger companyos-burn", "trigger companyos-burn", "resolve companyos-quiet");
    assertThat(receiver.openIncidents()).containsExactly("companyos-burn");
    // Known again: the next run sends nothing.
    run(T0.plus(Duration.ofMinutes(10)));
    assertThat(receiver.posts).hasSize(3);
  }

  @Test
  void emptyAndZeroFilledFilesAreCorruptNotForeign() throws Exception {
    Files.write(file(), new byte[4096]);
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.recovery()).hasValueSatisfying(r -> assertThat(r).contains("(the file holds only blanks or zero bytes)"));
    }
    Files.write(file(), new byte[0]);
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.recovery()).hasValueSatisfying(r -> assertThat(r).contains("(the file is empty)"));
    }
  }

  @Test
  void aForeignFileIsAClearErrorAndLeftUntouched() throws Exception {
    String packageJson = "{\n  \"name\": \"my-app\",\n  \"version\": \"1.0.0\"\n}\n";
    Files.writeString(file(), packageJson);
    assertThatThrownBy(() -> CheckStateStore.open(file())).isInstanceOfSatisfying(CompanyOsException.class, e -> {
      assertThat(e.code()).isEqualTo("COS-CHK-007");
      assertThat(e.getMessage()).contains(file() + " is not a CompanyOS health-check state file (no 'format' field and not the "
          + "layout of an earlier version); it was left untouched");
    });
    assertThat(Files.readString(file())).isEqualTo(packageJson);
    assertThat(dir.resolve("state.json.bak")).doesNotExist();
    Files.writeString(file(), "#!/bin/sh\necho hello\n");
    assertThatThrownBy(() -> CheckStateStore.open(file())).hasMessageContaining("(not JSON)");
    Files.writeString(file(), "{\"format\": \"companyos-health-state\", \"version\": 3, \"checks\": {}}");
    assertThatThrownBy(() -> CheckStateStore.open(file()))
        .hasMessageContaining("(version 3, written by a newer CompanyOS; this one reads up to 2)");
    // The lock was released each time: a normal run works once the file is moved away.
    Files.delete(file());
    assertThat(run(T0)).hasSize(2);
  }

  @Test
  void aVersionOneFileIsUpgradedAndItsFiringCheckNotifiedAgainOnce() throws Exception {
    Files.writeString(file(), """
        {
          "Burn" : {"status" : "FIRING", "since" : "2026-11-23T09:00:00Z", "last_notified" : "2026-11-23T09:30:00Z"},
          "Quiet" : {"status" : "OK", "since" : "2026-11-20T00:00:00Z"}
        }
        """);
    List<CheckResult> results = run(T0);
    // Version 1 recorded failed pages as sent, so the firing check's trigger is owed again (de-duplicated by key).
    assertThat(results).extracting(r -> r.delivery().state()).containsExactly(AlertState.FIRING_NOTIFIED, AlertState.OK);
    assertThat(receiver.eventActions()).containsExactly("trigger 202");
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.get("Burn").orElseThrow().since()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }
    assertThat(Files.readString(file())).contains("\"version\" : 2");
  }

  @Test
  void aMissingFileWithItsBackupLeftIsRecoveredFromTheBackup() throws Exception {
    run(T0);
    Files.delete(file());
    try (CheckStateStore state = CheckStateStore.open(file())) {
      assertThat(state.recovery()).hasValue("the state file " + file() + " was missing; recovered from its backup state.json.bak");
      assertThat(state.get("Burn").orElseThrow().owed()).isEqualTo(Owed.NONE);
      assertThat(state.get("Burn").orElseThrow().notified()).isTrue();
    }
  }

  @Test
  void concurrentRunsAreSerialisedByTheLock() throws Exception {
    CheckStateStore first = CheckStateStore.open(file());
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
      started.countDown();
      long t = System.nanoTime();
      try (CheckStateStore s = CheckStateStore.open(file(), Duration.ofSeconds(10))) {
        return (System.nanoTime() - t) / 1_000_000;
      }
    });
    started.await();
    Thread.sleep(300);
    assertThat(second).isNotDone();
    first.close();
    assertThat(second.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(250);
    // Held for longer than the wait: a clear error naming the holder.
    try (CheckStateStore held = CheckStateStore.open(file())) {
      assertThatThrownBy(() -> CheckStateStore.open(file(), Duration.ofMillis(200))).isInstanceOfSatisfying(CompanyOsException.class, e -> {
        assertThat(e.code()).isEqualTo("COS-CHK-008");
        assertThat(e.getMessage()).contains("another health-check run holds the state lock (process " + ProcessHandle.current().pid()
            + ") for longer than 200 ms");
      });
    }
    assertThat(Files.readString(dir.resolve("state.json.lock"), StandardCharsets.US_ASCII).strip())
        .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
  }
}
