package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whatever bytes a data file holds, reading it as records gives records or a {@link BadDataException} located in that
 * file ({@code COS-SRC-003}); never another exception. The first byte picks the record kind (and whether the file is
 * read whole or by window), the rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/sources/files/FilesRecordsFuzzTestInputs/}; run it with {@code JAZZER_FUZZ=1}
 * to fuzz (see docs/testing.md).
 */
class FilesRecordsFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), NOW);

  @FuzzTest(maxDuration = "3m")
  void anyFileGivesRecordsOrALocatedError(FuzzedDataProvider data) throws IOException {
    // Jazzer's consumeInt(0, Integer.MAX_VALUE) can return a negative number; the mask keeps every other pick as it was.
    int pick = data.consumeInt(0, Integer.MAX_VALUE) & Integer.MAX_VALUE;
    List<FileFormat<?>> formats = FileFormats.all();
    FileFormat<?> format = formats.get(pick % formats.size());
    boolean windowed = (pick / formats.size()) % 2 == 1;
    boolean strict = (pick / formats.size() / 2) % 2 == 1;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(format.fileName()), bytes);
      FilesSource source = new FilesSource("fuzz", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC), windowed ? 0 : Long.MAX_VALUE);
      try {
        inWindow(source, format);
        assertThat(source.skipped()).allSatisfy(s -> assertThat(s.file()).isEqualTo(format.fileName()));
      } catch (BadDataException e) {
        assertThat(e.code()).isEqualTo("COS-SRC-003");
        assertThat(e.location()).as(e.oneLine()).startsWith(format.fileName());
      }
    } finally {
      delete(dir);
    }
  }

  /** Every record read lies in the window. */
  private static <T> void inWindow(FilesSource source, FileFormat<T> format) {
    Dataset<T> rows = source.records(format.kind(), WINDOW);
    assertThat(rows.rows()).allSatisfy(r -> assertThat(WINDOW.contains(format.kind().timeOf(r))).isTrue());
  }

  private static void delete(Path dir) throws IOException {
    {
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
