package io.companyos.sources.builtin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@link ParquetRows} that need no Parquet file: the glob escape and the sweep of left-behind files. */
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

  private Path touch(String name, Instant modified) throws Exception {
    Path f = Files.writeString(dir.resolve(name), "x");
    Files.setLastModifiedTime(f, FileTime.from(modified));
    return f;
  }
}
