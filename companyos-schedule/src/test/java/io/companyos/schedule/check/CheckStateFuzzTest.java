package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.base.CompanyOsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whatever bytes the health-check state file (or its backup) holds, opening the store gives a store, recovered with a
 * stated reason when the file was ours but unreadable, or {@code COS-CHK-007} for a file that is not ours (left
 * untouched); never another error. What a store read, it writes back and reads again as the same states. The last
 * byte picks whether the bytes are the state file, its backup or both; the rest is the file. In {@code mvn verify} this
 * replays the inputs under {@code src/test/resources/io/companyos/schedule/check/CheckStateFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class CheckStateFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void anyStateFileOpensRecoversOrIsRefusedAsForeign(FuzzedDataProvider data) throws IOException {
    int where = data.consumeInt(0, 2);
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz-state");
    try {
      Path file = dir.resolve("state.json");
      if (where != 1) {
        Files.write(file, bytes);
      }
      if (where != 0) {
        Files.write(dir.resolve("state.json.bak"), bytes);
      }
      Map<String, CheckStateStore.State> read = new LinkedHashMap<>();
      Optional<java.time.Instant> digest;
      try (CheckStateStore store = CheckStateStore.open(file)) {
        store.recovery().ifPresent(r -> assertThat(r).isNotBlank());
        for (String check : store.checks()) {
          read.put(check, store.get(check).orElseThrow());
        }
        digest = store.digestPosted();
        store.save();
      } catch (CompanyOsException e) {
        assertThat(e.code()).as(e.getMessage()).isEqualTo("COS-CHK-007");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        return;
      }
      try (CheckStateStore again = CheckStateStore.open(file)) {
        assertThat(again.recovery()).isEmpty();
        for (Map.Entry<String, CheckStateStore.State> e : read.entrySet()) {
          assertThat(again.get(e.getKey())).contains(e.getValue());
        }
        assertThat(again.digestPosted()).isEqualTo(digest);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
