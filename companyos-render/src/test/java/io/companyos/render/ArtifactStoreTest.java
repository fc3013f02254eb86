package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifact store: the seed's layout, atomic writes, no silent overwrite, safe concurrent runs. */
class ArtifactStoreTest {

  @Test
  void fileNamesFollowTheSeedLayout() {
    LocalDate d = LocalDate.of(2026, 11, 23);
    assertThat(ArtifactStore.fileStem(Period.containing(PeriodKind.WEEK, d), d)).isEqualTo("2026-11-23");
    assertThat(ArtifactStore.fileStem(Period.containing(PeriodKind.MONTH, d), d)).isEqualTo("2026-11");
    assertThat(ArtifactStore.fileStem(Period.containing(PeriodKind.QUARTER, d), d)).isEqualTo("2026-Q4");
    assertThat(ArtifactStore.kindDirectory("ops-review")).isEqualTo("ops-reviews");
    assertThat(ArtifactStore.kindDirectory("qbr")).isEqualTo("qbrs");
    assertThat(ArtifactStore.kindDirectory("product-metrics")).isEqualTo("product-metrics");
  }

  @Test
  void neverOverwritesSilently(@TempDir Path root) throws Exception {
    ArtifactStore store = new ArtifactStore(root);
    ArtifactStore.Stored a = store.write("ops-reviews", "2026-11-23", "md", "first\n", false);
    assertThat(a.outcome()).isEqualTo(ArtifactStore.Outcome.WRITTEN);
    assertThat(a.path()).isEqualTo(root.resolve("ops-reviews/2026-11-23.md"));
    // Same content again: nothing new is written.
    assertThat(store.write("ops-reviews", "2026-11-23", "md", "first\n", false).outcome()).isEqualTo(ArtifactStore.Outcome.UNCHANGED);
    // Different content: a versioned sibling, the original untouched.
    ArtifactStore.Stored b = store.write("ops-reviews", "2026-11-23", "md", "second\n", false);
    assertThat(b.outcome()).isEqualTo(ArtifactStore.Outcome.VERSIONED);
    assertThat(b.path().getFileName().toString()).isEqualTo("2026-11-23.v2.md");
    assertThat(Files.readString(a.path())).isEqualTo("first\n");
    // Forced: the original is replaced.
    assertThat(store.write("ops-reviews", "2026-11-23", "md", "third\n", true).outcome()).isEqualTo(ArtifactStore.Outcome.OVERWRITTEN);
    assertThat(Files.readString(a.path())).isEqualTo("third\n");
    try (Stream<Path> files = Files.list(root.resolve("ops-reviews"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("2026-11-23.md", "2026-11-23.v2.md");
    }
  }

  @Test
  void concurrentWritersEachGetTheirOwnFileAndNothingIsLost(@TempDir Path root) throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ArtifactStore.Stored>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String content = "pack " + i + "\n".repeat(1000);
      // Separate store instances, as separate runs would have.
      ArtifactStore store = new ArtifactStore(root);
      results.add(pool.submit(() -> {
        go.await();
        return store.write("qbrs", "2026-Q4", "md", content, false);
      }));
    }
    go.countDown();
    Set<Path> paths = new HashSet<>();
    Set<String> contents = new HashSet<>();
    for (Future<ArtifactStore.Stored> f : results) {
      Path p = f.get().path();
      paths.add(p);
      contents.add(Files.readString(p));
    }
    pool.shutdown();
    assertThat(paths).hasSize(writers);
    assertThat(contents).hasSize(writers);
    try (Stream<Path> files = Files.list(root.resolve("qbrs"))) {
      // 2026-Q4.md, .v2 ... .v8 and the lock file; no temporary file is left behind.
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void generationLogFeedsPackGenerationSuccess(@TempDir Path root) {
    GenerationLog log = new GenerationLog(root.resolve("generation-log.csv"));
    assertThat(log.successRatePercent()).isNull();
    Instant t = Instant.parse("2026-11-23T08:00:00Z");
    log.append(new GenerationLog.Entry(t, "ops-review", "md", "success", Duration.ofMillis(120), 5, 5, "a.md", ""));
    log.append(new GenerationLog.Entry(t, "qbr", "md", "partial", Duration.ofMillis(300), 7, 8, "b.md", ""));
    log.append(new GenerationLog.Entry(t, "board-pack", "md", "failure", Duration.ofMillis(5), 0, 6, "", "disk full, retry"));
    log.append(new GenerationLog.Entry(t, "exec-review", "md", "success", Duration.ofMillis(90), 6, 6, "c.md", ""));
    // 3 of 4 generations produced a pack: 75%.
    assertThat(log.successRatePercent()).isEqualTo(75.0);
  }

  @Test
  void kindsAndStemsThatLeaveTheRootAreRefused(@TempDir Path base) throws Exception {
    Path root = base.resolve("packs");
    ArtifactStore store = new ArtifactStore(root);
    String[][] bad = {{"../outside", "2026-11-23"}, {"ops-reviews", "../../escape"}, {"..", "x"}, {"a/b", "x"},
        {"ops-reviews", "sub\\x"}, {base.toAbsolutePath().toString(), "x"}, {"", "x"}, {"ops-reviews", "."},
        {"ops-reviews", "C:x"}, {"ops-reviews", "x\u001b[2J"}};
    for (String[] b : bad) {
      assertThatThrownBy(() -> store.write(b[0], b[1], "md", "x", false))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("is not a plain file name")
          .satisfies(e -> assertThat(((RenderException) e).code()).isEqualTo("COS-RND-003"));
    }
    assertThatThrownBy(() -> store.write("ops-reviews", "x", "../md", "x", false)).isInstanceOf(RenderException.class);
    // Nothing was written anywhere: not in the root, not next to it.
    try (Stream<Path> files = Files.walk(base)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
    // A plain kind and stem still work.
    assertThat(store.write("ops-reviews", "2026-11-23", "md", "x", false).path()).isEqualTo(root.resolve("ops-reviews/2026-11-23.md"));
  }
}
