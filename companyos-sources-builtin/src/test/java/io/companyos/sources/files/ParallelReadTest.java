package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Change;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows turned into records on two threads give what one thread gives: the records, the rows skipped, the first error. */
class ParallelReadTest {
  private static final Instant NOW = FilesSourceTest.NOW;
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path dir;

  private FilesSource oneThread(boolean strict, long windowed) {
    return new FilesSource("files", dir, strict, CLOCK, windowed, Long.MAX_VALUE);
  }

  private FilesSource twoThreads(boolean strict, long windowed) {
    return new FilesSource("files", dir, strict, CLOCK, windowed, 0);
  }

  @Test
  void everyKindOfTheSampleExportReadsTheSameOnTwoThreads() {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), CLOCK, dir));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(400)), dir);
    List<TimeWindow> windows = List.of(TimeWindow.ending(NOW, Duration.ofDays(7)), FilesSourceTest.ALL);
    for (long windowed : new long[] {0, Long.MAX_VALUE}) {
      FilesSource one = oneThread(true, windowed);
      FilesSource two = twoThreads(true, windowed);
      for (RecordKind<?> kind : RecordKind.builtIn()) {
        for (TimeWindow w : windows) {
          var a = one.records(kind, w);
          var b = two.records(kind, w);
          assertThat(b.rows()).as(kind.name() + " " + w + " windowed " + windowed).isEqualTo(a.rows());
          assertThat(b.provenance()).as(kind.name() + " " + w).isEqualTo(a.provenance());
        }
      }
    }
  }

  /** 5,000 changes, one a minute from 2026-11-01; the given lines (2 = the first row) are replaced by bad rows. */
  private void changes(Map<Integer, String> bad) throws Exception {
    StringBuilder b = new StringBuilder("change_id,time_created\n");
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    for (int line = 2; line < 5002; line++) {
      b.append(bad.getOrDefault(line, "c" + line + "," + t.plusSeconds(60L * (line - 2)))).append('\n');
    }
    Files.writeString(dir.resolve("changes.csv"), b.toString());
  }

  @Test
  void lenientReadsSkipTheSameRowsAcrossBatches() throws Exception {
    // Bad rows in the first batch (line 3), on a batch's edge (line 1026 is the 1,025th row) and late (4,999): a bad time,
    // a missing id, and an id that repeats line 10's. 5,000 rows - 3 = 4,997 records, the skipped rows in line order.
    changes(Map.of(3, "c3,yesterday", 1026, ",2026-11-02T00:00:00Z", 4999, "c10,2026-11-04T00:00:00Z"));
    for (long windowed : new long[] {0, Long.MAX_VALUE}) {
      FilesSource two = twoThreads(false, windowed);
      List<Change> rows = two.records(RecordKind.CHANGES, FilesSourceTest.ALL).rows();
      assertThat(rows).hasSize(4_997);
      assertThat(two.skipped()).extracting(SkippedRow::line).containsExactly(3L, 1026L, 4999L);
      assertThat(two.skipped().get(2).reason()).contains("'c10' repeats the row on line 10");
      assertThat(rows).isEqualTo(oneThread(false, windowed).records(RecordKind.CHANGES, FilesSourceTest.ALL).rows());
    }
  }

  @Test
  void strictReadsReportTheFirstBadRowInFileOrderEvenWhenTheTextBreaksLater() throws Exception {
    // Line 2,500 has a bad time; line 4,000 an open quote that the reader only meets later. The first in file order wins.
    changes(Map.of(2500, "c2500,not a time", 4000, "\"c4000,2026-11-03T00:00:00Z"));
    for (long windowed : new long[] {0, Long.MAX_VALUE}) {
      assertThatThrownBy(() -> twoThreads(true, windowed).records(RecordKind.CHANGES, FilesSourceTest.ALL))
          .isInstanceOf(BadDataException.class)
          .satisfies(e -> assertThat(((BadDataException) e).line()).isEqualTo(2500));
    }
    // Without the bad time the open quote is the first problem, reported where its record starts.
    changes(Map.of(4000, "\"c4000,2026-11-03T00:00:00Z"));
    assertThatThrownBy(() -> twoThreads(true, Long.MAX_VALUE).records(RecordKind.CHANGES, FilesSourceTest.ALL))
        .isInstanceOf(BadDataException.class)
        .satisfies(e -> assertThat(((BadDataException) e).line()).isEqualTo(4000));
  }
}
