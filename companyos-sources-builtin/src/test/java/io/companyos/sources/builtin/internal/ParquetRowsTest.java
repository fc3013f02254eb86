package io.companyos.sources.builtin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of {@link ParquetRows} that need no Parquet file: the glob escape, the sweep of left-behind files and the
 * lifecycle of a read's temporary file.
 */
class ParquetRowsTest {
  @TempDir Path dir;

  @Test
  void aPathIsEscapedSoThatItMatchesOnlyItself() {
    assertThat(ParquetRows.globLiteral("/data/costs.parquet")).isEqualTo("/data/costs.parquet");
    assertThat(ParquetRows.globLiteral("/data[1]/d?x*y/a]b.parquet")).isEqualTo("/data[[]1]/d[?]x[*]y/a]b.parquet");
  }

  @Test
  void filesLeftBehindForADayAreSweptAndNoOthers() throws Exception {
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    Path stale = touch(ParquetRows.TEMPORARY_PREFIX + "costs-1.csv", now.minus(Duration.ofHours(25)));
    Path recent = touch(ParquetRows.TEMPORARY_PREFIX + "costs-2.csv", now.minus(Duration.ofHours(23)));
    Path other = touch("companyos-other-3.csv", now.minus(Duration.ofDays(30)));
    Path folder = Files.createDirectories(dir.resolve(ParquetRows.TEMPORARY_PREFIX + "folder"));
    Files.setLastModifiedTime(folder, FileTime.from(now.minus(Duration.ofDays(30))));

    assertThat(ParquetRows.sweep(dir, now.minus(ParquetRows.STALE))).isEqualTo(1);
    assertThat(stale).doesNotExist();
    assertThat(recent).exists();
    assertThat(other).exists();
    assertThat(folder).isDirectory();
    // A folder that is not there: nothing to do, no error.
    assertThat(ParquetRows.sweep(dir.resolve("missing"), now)).isZero();
  }

  @Test
  void aTemporaryFileIsNamedForTheSweep() throws Exception {
    Path file = ParquetRows.temporaryFile("costs", ".csv");
    try {
      assertThat(file.getFileName().toString()).startsWith(ParquetRows.TEMPORARY_PREFIX + "costs-").endsWith(".csv");
      assertThat(file).isEmptyFile();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aReadsTemporaryFileIsGoneAfterItWhetherItReturnedOrThrew() throws Exception {
    Path[] seen = new Path[1];
    String read = ParquetRows.withTemporaryFile("costs", ".csv", file -> {
      seen[0] = file;
      Files.writeString(file, "a,b\n1,2\n");
      return Files.readAllLines(file).get(1);
    });
    assertThat(read).isEqualTo("1,2");
    assertThat(seen[0].getFileName().toString()).startsWith(ParquetRows.TEMPORARY_PREFIX + "costs-");
    assertThat(seen[0]).doesNotExist();

    IllegalStateException bad = new IllegalStateException("row 3: no date");
    assertThatThrownBy(() -> ParquetRows.withTemporaryFile("costs", ".csv", file -> {
      seen[0] = file;
      throw bad;
    })).isSameAs(bad);
    assertThat(seen[0]).doesNotExist();
  }

  @Test
  void aTemporaryFileThatCannotBeDeletedHidesNeitherTheReadsResultNorItsError() throws Exception {
    // The read puts a folder with a file in it where its temporary file was: deleting that fails.
    Path[] seen = new Path[1];
    try {
      int read = ParquetRows.withTemporaryFile("events", ".jsonl", file -> {
        seen[0] = file;
        block(file);
        return 7;
      });
      assertThat(read).isEqualTo(7);
      assertThat(seen[0]).isDirectory();
      clear(seen[0]);

      IllegalStateException bad = new IllegalStateException("line 2: not JSON");
      assertThatThrownBy(() -> ParquetRows.withTemporaryFile("events", ".jsonl", file -> {
        seen[0] = file;
        block(file);
        throw bad;
      })).isSameAs(bad);
      assertThat(seen[0]).isDirectory();
    } finally {
      clear(seen[0]);
    }
  }

  private static void block(Path file) throws java.io.IOException {
    Files.delete(file);
    Files.writeString(Files.createDirectory(file).resolve("inside"), "x");
  }

  private static void clear(Path folder) throws java.io.IOException {
    if (folder != null && Files.isDirectory(folder)) {
      Files.deleteIfExists(folder.resolve("inside"));
      Files.deleteIfExists(folder);
    }
  }

  private Path touch(String name, Instant modified) throws Exception {
    Path f = Files.writeString(dir.resolve(name), "x");
    Files.setLastModifiedTime(f, FileTime.from(modified));
    return f;
  }
}
