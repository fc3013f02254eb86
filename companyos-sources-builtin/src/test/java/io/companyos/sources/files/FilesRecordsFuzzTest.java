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
 * file ({@code COS-SRC-003}); never another exception. The last four bytes of an input are a number that picks the
 * record kind, whether the file is read whole or by window, strict or lenient, its name ({@code <kind>.csv},
 * {@code .ndjson}, {@code .jsonl} or {@code .json}, each also gzipped), and for a {@code .gz} name whether the test
 * gzips the rest of the input or writes it as it is; the rest is the file. So the JSON reader ({@link JsonRows}) and
 * the gzip layer are fuzzed as the CSV reader is. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/sources/files/FilesRecordsFuzzTestInputs/}; run it with {@code JAZZER_FUZZ=1}
 * to fuzz (see docs/testing.md).
 */
class FilesRecordsFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), NOW);
  /** The names the files source reads, in the order of the pick (".csv" first, so older seeds keep their meaning). */
  private static final List<String> EXTENSIONS = List.of(".csv", ".csv.gz", ".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz",
      ".json", ".json.gz");

  @FuzzTest(maxDuration = "3m")
  void anyFileGivesRecordsOrALocatedError(FuzzedDataProvider data) throws IOException {
    // Jazzer's consumeInt(0, Integer.MAX_VALUE) can return a negative number; the mask keeps every other pick as it was.
    // The pick, in mixed radix: kind (23 kinds), whole or windowed (2), lenient or strict (2), name (8), gzipped by
    // the test or written as it is (2): e.g. 232 = 2 + 23 x 0 + 46 x 1 + 92 x 2 is incidents, whole, strict, .ndjson.
    int pick = data.consumeInt(0, Integer.MAX_VALUE) & Integer.MAX_VALUE;
    List<FileFormat<?>> formats = FileFormats.all();
    int n = formats.size();
    FileFormat<?> format = formats.get(pick % n);
    boolean windowed = (pick / n) % 2 == 1;
    boolean strict = (pick / n / 2) % 2 == 1;
    String extension = EXTENSIONS.get((pick / n / 4) % EXTENSIONS.size());
    boolean asItIs = (pick / n / 4 / EXTENSIONS.size()) % 2 == 1;
    String name = format.fileName().replaceFirst("\\.csv$", "") + extension;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), extension.endsWith(".gz") && !asItIs ? gzip(bytes) : bytes);
      FilesSource source = new FilesSource("fuzz", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC), windowed ? 0 : Long.MAX_VALUE);
      try {
        inWindow(source, format);
        assertThat(source.skipped()).allSatisfy(s -> assertThat(s.file()).isEqualTo(name));
      } catch (BadDataException e) {
        assertThat(e.code()).isEqualTo("COS-SRC-003");
        assertThat(e.location()).as(e.oneLine()).startsWith(name);
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

  static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  static void delete(Path dir) throws IOException {
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
