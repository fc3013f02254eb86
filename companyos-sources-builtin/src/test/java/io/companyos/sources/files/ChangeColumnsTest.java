package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.Change;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.ComputedRows;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * changes.csv read in columns gives the records its record path gives (the sample company's changes over many windows,
 * random files out of time order, read whole and in two parts); a repeated id or an id that is not plain leaves the file
 * to the record path, which reports the row as before.
 */
class ChangeColumnsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @TempDir Path tmp;

  static MetricSource files(Path dir) {
    return EventColumnsTest.files(dir);
  }

  /** The text as changes.csv in a folder of its own, and as changes.csv.gz in another (read by the record path). */
  Path[] folders(String text, String name) throws IOException {
    Path columns = Files.createDirectories(tmp.resolve(name));
    Files.writeString(columns.resolve("changes.csv"), text);
    Path records = EventColumnsTest.gzipped(Files.createDirectories(tmp.resolve(name + "-gz")), "changes.csv",
        text.getBytes(StandardCharsets.UTF_8));
    return new Path[] {columns, records};
  }

  @Test
  void theSampleCompanysChangesAreTheRecordPaths() throws IOException {
    Path dir = EventColumnsTest.sampleExport(tmp.resolve("sample"));
    Path[] f = folders(Files.readString(dir.resolve("changes.csv")), "sample-changes");
    assertThat(ChangeColumns.scan(f[0].resolve("changes.csv"))).isPresent();
    int checked = 0;
    for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400))) {
      for (Instant end : List.of(NOW, NOW.minus(Duration.ofDays(10)).plusMillis(1))) {
        TimeWindow w = TimeWindow.ending(end, d);
        Dataset<Change> a = files(f[0]).records(RecordKind.CHANGES, w);
        Dataset<Change> b = files(f[1]).records(RecordKind.CHANGES, w);
        assertThat(a.rows()).as(w.toString()).isInstanceOf(ComputedRows.class).isEqualTo(b.rows());
        assertThat(a.provenance().covers()).isEqualTo(b.provenance().covers());
        checked += a.rows().size();
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void aRepeatedOrNonAsciiIdIsLeftToTheRecordPath() throws IOException {
    String header = "change_id,time_created\n";
    Path[] repeated = folders(header + "c1,2026-11-20T10:00:00Z\nc2,2026-11-20T11:00:00Z\nc1,2026-11-21T10:00:00Z\n", "repeat");
    assertThat(ChangeColumns.scan(repeated[0].resolve("changes.csv"))).isEmpty();
    assertThatThrownBy(() -> files(repeated[0]).records(RecordKind.CHANGES, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.column()).isEqualTo("change_id");
        }).hasMessageContaining("repeats the row on line 2");
    Path[] accented = folders(header + "cé,2026-11-20T10:00:00Z\n", "accented");
    assertThat(ChangeColumns.scan(accented[0].resolve("changes.csv"))).isEmpty();
    assertThat(files(accented[0]).records(RecordKind.CHANGES, ALL).rows()).extracting(Change::changeId).containsExactly("cé");
    Path[] empty = folders(header + ",2026-11-20T10:00:00Z\n", "empty");
    assertThat(ChangeColumns.scan(empty[0].resolve("changes.csv"))).isEmpty();
  }

  @Test
  void randomFilesReadAsTheirRecords() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 150)).checkAssert((seed, rows) -> {
      try {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder("time_created,extra,change_id\r\n");
        for (int i = 0; i < rows; i++) {
          Instant t = NOW.minusSeconds(r.nextInt(3) == 0 ? 60L * r.nextInt(3) : r.nextInt(900 * 86_400));
          text.append(r.nextInt(4) == 0 ? t.atOffset(ZoneOffset.ofHours(-5)) : t).append(",x,")
              .append(r.nextBoolean() ? "\"" + Long.toHexString(r.nextLong()) + i + "\"" : " sha" + i + " ").append("\r\n");
        }
        Path[] f = folders(text.toString(), "random-" + Long.toHexString(seed) + "-" + rows);
        List<Change> expected = files(f[1]).records(RecordKind.CHANGES, ALL).rows();
        Path file = f[0].resolve("changes.csv");
        assertThat(ChangeColumns.scan(file, Long.MAX_VALUE).orElseThrow().rows(ALL)).isEqualTo(expected);
        assertThat(ChangeColumns.scan(file, 1 + r.nextInt((int) Files.size(file))).orElseThrow().rows(ALL)).isEqualTo(expected);
        TimeWindow month = TimeWindow.ending(NOW, Duration.ofDays(30));
        assertThat(files(f[0]).records(RecordKind.CHANGES, month).rows())
            .isEqualTo(expected.stream().filter(c -> month.contains(c.timeCreated())).toList());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
