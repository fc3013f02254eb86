package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Whatever bytes product_events.csv or changes.csv holds, reading it in columns ({@link EventColumns},
 * {@link ChangeColumns}, or the record path when the file is not plain) gives what the record path gives for the same
 * bytes as a {@code .csv.gz} (which is never read in columns): the same records in the same order, the same rows
 * skipped, or the same error at the same line and column. The last four bytes of an input pick the kind and strict or
 * lenient; the rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/sources/files/ColumnsEquivalenceFuzzTestInputs/}; {@code .ci/fuzz} fuzzes it.
 */
class ColumnsEquivalenceFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  /** A read's outcome with the file's name left out: its records and skipped rows, or its error's place and text. */
  private record Outcome(List<?> rows, List<String> skipped, String error) {}

  @FuzzTest(maxDuration = "3m")
  void columnsReadAsTheRecordPathReads(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, Integer.MAX_VALUE) & Integer.MAX_VALUE;
    RecordKind<?> kind = pick % 2 == 0 ? RecordKind.PRODUCT_EVENTS : RecordKind.CHANGES;
    boolean strict = (pick / 2) % 2 == 1;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz-columns");
    try {
      Path plain = Files.createDirectories(dir.resolve("plain"));
      Path gzipped = Files.createDirectories(dir.resolve("gzipped"));
      Files.write(plain.resolve(kind.name() + ".csv"), bytes);
      Files.write(gzipped.resolve(kind.name() + ".csv.gz"), FilesRecordsFuzzTest.gzip(bytes));
      assertThat(read(plain, kind, strict)).isEqualTo(read(gzipped, kind, strict));
    } finally {
      FilesRecordsFuzzTest.delete(dir);
    }
  }

  private static Outcome read(Path dir, RecordKind<?> kind, boolean strict) {
    FilesSource source = new FilesSource("fuzz", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC));
    try {
      List<?> rows = List.copyOf(source.records(kind, ALL).rows());
      return new Outcome(rows, source.skipped().stream().map(s -> s.line() + ":" + s.column() + ": " + s.reason()).toList(), "");
    } catch (BadDataException e) {
      return new Outcome(List.of(), List.of(), e.line() + ":" + e.column() + ": " + e.getMessage());
    }
  }
}
