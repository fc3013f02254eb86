package io.companyos.model.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

  private static java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFileAsAWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("a/b/pack.md");
    assertThat(OutputFiles.replace(target, "first\n")).as("a local file system moves atomically").isTrue();
    assertThat(OutputFiles.replace(target, "zweite Fassung äö\n")).isTrue();
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("zweite Fassung äö\n");
    assertThat(names(target.getParent())).containsExactly("pack.md");
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("state.json");
    OutputFiles.replaceDurably(target, "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> OutputFiles.replace(target, out -> {
      out.write("{\"v\":".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("{\"v\":1}");
    assertThat(names(dir)).containsExactly("state.json");
  }

  @Test
  void streamsLargeContentThroughTheBuffer(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("big.csv");
    OutputFiles.replace(target, out -> {
      for (int i = 0; i < 100_000; i++) {
        out.write(("row" + i + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    });
    // 10 rows of 5 bytes, 90 of 6, 900 of 7, 9,000 of 8, 90,000 of 9 bytes.
    assertThat(Files.size(target)).isEqualTo(10 * 5 + 90 * 6 + 900 * 7 + 9_000 * 8 + 90_000 * 9);
  }
}
