package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of a file's columns kept between runs is read only for the content it was made from: a second reader of
 * the same file takes the copy instead of scanning, and answers as the scan does; a file changed since (even to the same
 * size and modification time), a damaged or truncated copy, or a copy of another file is not read, and the file is
 * scanned again; a cache folder that cannot be written costs nothing but the copy.
 */
class ColumnCacheTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path tmp;
  Path data;
  Path cache;

  @BeforeEach
  void folders() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    cache = tmp.resolve("cache");
  }

  /** metrics.csv with the given value of "m" on 1 January 2026, and "n" a day later. */
  Path metrics(String value) throws IOException {
    Path file = data.resolve("metrics.csv");
    Files.writeString(file, "timestamp,metric,labels,value\n"
        + "2026-01-01T00:00:00Z,m,team=a," + value + "\n"
        + "2026-01-02T00:00:00Z,n,,2\n");
    return file;
  }

  /** The columns of {@code file} through a cache in {@link #cache}, counting the scans. */
  Optional<MetricColumns> read(Path file, AtomicInteger scans) throws IOException {
    return read(cache, file, scans, new AtomicInteger());
  }

  /** The columns of {@code file} through a cache in {@code dir}, counting the scans of the whole file and of its new rows. */
  static Optional<MetricColumns> read(Path dir, Path file, AtomicInteger scans, AtomicInteger appends) throws IOException {
    return new ColumnCache(dir, 0).columns(file, "metrics", () -> {
      scans.incrementAndGet();
      return MetricColumns.scan(file);
    }, m -> m::write, MetricColumns::read, (base, from) -> {
      appends.incrementAndGet();
      return MetricColumns.scanAfter(base, file, from);
    });
  }

  static double valueOf(MetricColumns c, String metric) {
    List<Series> s = c.range(io.companyos.sources.builtin.internal.MetricSelector.parse("files", metric),
        new TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
    return s.get(0).points().get(0).value();
  }

  @Test
  void aSecondReaderTakesTheCopyAndReadsWhatTheScanRead() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    MetricColumns first = read(file, scans).orElseThrow();
    MetricColumns second = read(file, scans).orElseThrow();
    assertThat(scans).hasValue(1);
    assertThat(second.metrics()).containsExactly("m", "n");
    assertThat(valueOf(second, "m")).isEqualTo(41.5);
    assertThat(valueOf(second, "n")).isEqualTo(2.0);
    assertThat(second.range(io.companyos.sources.builtin.internal.MetricSelector.parse("files", "m{team=\"a\"}"),
        new TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))))
        .singleElement().satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("team", "a")));
    assertThat(second.coverage("m")).isEqualTo(first.coverage("m"));
  }

  @Test
  void aFileChangedToTheSameSizeAndTimeIsScannedAgain() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    read(file, scans);
    FileTime time = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    metrics("97.5"); // the same length
    Files.setLastModifiedTime(file, time);
    assertThat(Files.size(file)).isEqualTo(size);
    MetricColumns again = read(file, scans).orElseThrow();
    assertThat(scans).hasValue(2);
    assertThat(valueOf(again, "m")).isEqualTo(97.5);
    // and the new copy serves the next reader
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(97.5);
    assertThat(scans).hasValue(2);
  }

  @Test
  void aTouchedFileIsScannedAgain() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    read(file, scans);
    Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(1)));
    read(file, scans);
    assertThat(scans).hasValue(2);
  }

  @Test
  void aDamagedOrTruncatedCopyIsNotRead() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    read(file, scans);
    Path copy = new ColumnCache(cache, 0).copyOf(file, "metrics");
    byte[] bytes = Files.readAllBytes(copy);
    // 41.5 made 42.5 in the copy: a well-formed copy whose payload's CRC32C no longer matches.
    byte[] was = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(41.5).array();
    byte[] now = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(42.5).array();
    int at = indexOf(bytes, was);
    assertThat(at).isPositive();
    System.arraycopy(now, 0, bytes, at, 8);
    Files.write(copy, bytes);
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(41.5);
    assertThat(scans).hasValue(2);
    bytes = Files.readAllBytes(copy);
    Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(41.5);
    assertThat(scans).hasValue(3);
    Files.write(copy, "not a copy".getBytes(StandardCharsets.US_ASCII));
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(41.5);
    assertThat(scans).hasValue(4);
  }

  static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aCopyOfAnotherKindIsNotRead() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    read(file, scans);
    ColumnCache c = new ColumnCache(cache, 0);
    // The metrics copy put where product events' copy of the same file would be.
    Files.copy(c.copyOf(file, "metrics"), c.copyOf(file, "product_events"));
    AtomicInteger eventScans = new AtomicInteger();
    Optional<EventColumns> events = c.columns(file, "product_events", () -> {
      eventScans.incrementAndGet();
      return EventColumns.scan(file);
    }, e -> e::write, EventColumns::read, (base, from) -> EventColumns.scanAfter(base, file, from));
    assertThat(eventScans).hasValue(1);
    assertThat(events).isEmpty(); // metrics.csv has no product-event columns
  }

  @Test
  void aFileThatIsNotPlainKeepsNoCopy() throws IOException {
    Path file = data.resolve("metrics.csv");
    Files.writeString(file, "timestamp,metric,labels,value\n2026-01-01T00:00:00Z,m,,not-a-number\n");
    AtomicInteger scans = new AtomicInteger();
    assertThat(read(file, scans)).isEmpty();
    assertThat(cache).doesNotExist();
  }

  @Test
  void aCacheFolderThatCannotBeWrittenCostsOnlyTheCopy() throws IOException {
    Path file = metrics("41.5");
    Files.writeString(cache, "a file where the folder should be");
    AtomicInteger scans = new AtomicInteger();
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(41.5);
    assertThat(valueOf(read(file, scans).orElseThrow(), "m")).isEqualTo(41.5);
    assertThat(scans).hasValue(2);
  }

  @Test
  void smallFilesAreNotCopied() throws IOException {
    Path file = metrics("41.5");
    AtomicInteger scans = new AtomicInteger();
    new ColumnCache(cache, Files.size(file) + 1).columns(file, "metrics", () -> {
      scans.incrementAndGet();
      return MetricColumns.scan(file);
    }, m -> m::write, MetricColumns::read, (base, from) -> MetricColumns.scanAfter(base, file, from));
    assertThat(cache).doesNotExist();
  }

  /** The sample company's files through a source with a cache answer as a source without one, copy or no copy. */
  @Test
  void theSampleCompanyReadsTheSameThroughItsCopies() throws IOException {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), data));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(120)), data);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FilesSource plain = new FilesSource("files", data, true, clock);
    FilesSource writing = new FilesSource("files", data, true, clock).withColumnCache(cache, 0);
    FilesSource reading = new FilesSource("files", data, true, clock).withColumnCache(cache, 0);
    List<String> metrics = plain.describe().metrics();
    assertThat(metrics).isNotEmpty();
    assertThat(writing.describe().metrics()).isEqualTo(plain.describe().metrics());
    assertThat(Files.list(cache).map(p -> p.getFileName().toString().replaceAll("-.*", "")).toList())
        .contains("metrics");
    int checked = 0;
    for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400))) {
      TimeWindow w = TimeWindow.ending(NOW, d);
      Dataset<?> expected = plain.records(RecordKind.PRODUCT_EVENTS, w);
      assertThat(writing.records(RecordKind.PRODUCT_EVENTS, w).rows()).isEqualTo(expected.rows());
      Dataset<?> copied = reading.records(RecordKind.PRODUCT_EVENTS, w);
      assertThat(copied.rows()).isEqualTo(expected.rows());
      assertThat(copied.provenance()).isEqualTo(expected.provenance());
      checked += expected.rows().size();
      for (String m : metrics) {
        assertThat(reading.range(m, w, Duration.ofDays(1)).rows()).isEqualTo(plain.range(m, w, Duration.ofDays(1)).rows());
        assertThat(reading.instant(m, NOW).rows()).isEqualTo(plain.instant(m, NOW).rows());
      }
    }
    assertThat(checked).isGreaterThan(10_000);
    assertThat(Files.list(cache).map(p -> p.getFileName().toString().replaceAll("-.*", "")).sorted().toList())
        .containsExactly("metrics", "product_events");
  }

  static final String HEADER = "timestamp,metric,labels,value\n";
  static final String FIRST_ROWS = "2026-01-01T00:00:00Z,m,team=a,1\n"
      + "2026-01-03T00:00:00Z,m,team=b,2\n"
      + "2026-01-02T00:00:00Z,n,,3\n";
  /** A point before m's latest, one tying with it, a new label set and a new metric. */
  static final String NEW_ROWS = "2026-01-02T00:00:00Z,m,team=c,4\n"
      + "2026-01-03T00:00:00Z,m,team=a,5\n"
      + "2026-01-04T00:00:00Z,o,,6\n";

  static Map<Map<String, String>, List<String>> pointsOf(MetricColumns c, String metric) {
    Map<Map<String, String>, List<String>> out = new java.util.LinkedHashMap<>();
    for (Series s : c.range(io.companyos.sources.builtin.internal.MetricSelector.parse("files", metric),
        new TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))) {
      out.put(s.labels(), s.points().stream().map(pt -> pt.timestamp().toString().substring(0, 10) + "=" + pt.value()).toList());
    }
    return out;
  }

  /** The scans of whole files and of appended rows through the cache so far. */
  record Counts(AtomicInteger scans, AtomicInteger appends) {}

  /** {@code file} written with {@code text} and its columns' copy made (one scan counted). */
  Counts copied(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Counts counts = new Counts(new AtomicInteger(), new AtomicInteger());
    read(cache, file, counts.scans(), counts.appends());
    return counts;
  }

  @Test
  void onlyTheRowsAppendedSinceTheCopyAreScannedAndTheColumnsAreThoseOfAWholeScan() throws IOException {
    Path file = data.resolve("metrics.csv");
    Counts counts = copied(file, HEADER + FIRST_ROWS);
    AtomicInteger scans = counts.scans();
    AtomicInteger appends = counts.appends();
    Files.writeString(file, NEW_ROWS, java.nio.file.StandardOpenOption.APPEND);
    MetricColumns grown = read(cache, file, scans, appends).orElseThrow();
    assertThat(scans).hasValue(1);
    assertThat(appends).hasValue(1);
    assertThat(grown.metrics()).containsExactly("m", "n", "o");
    assertThat(pointsOf(grown, "m")).containsExactly(
        Map.entry(Map.of("team", "a"), List.of("2026-01-01=1.0", "2026-01-03=5.0")),
        Map.entry(Map.of("team", "b"), List.of("2026-01-03=2.0")),
        Map.entry(Map.of("team", "c"), List.of("2026-01-02=4.0")));
    assertThat(pointsOf(grown, "o")).containsExactly(Map.entry(Map.of(), List.of("2026-01-04=6.0")));
    // m's latest at 3 January: team=a's 5 and team=b's 2 (the tie kept in file order inside the columns)
    assertThat(grown.instant(io.companyos.sources.builtin.internal.MetricSelector.parse("files", "m"),
        Instant.parse("2026-01-03T00:00:00Z"), Duration.ofDays(1)).stream().map(x -> x.points().get(0).value()).toList())
        .containsExactly(5.0, 2.0, 4.0);
    // The copy written after the append is, byte for byte, the copy a whole scan of the grown file writes.
    Path whole = tmp.resolve("whole");
    AtomicInteger wholeScans = new AtomicInteger();
    read(whole, file, wholeScans, new AtomicInteger());
    assertThat(wholeScans).hasValue(1);
    ColumnCache c = new ColumnCache(cache, 0);
    assertThat(Files.readAllBytes(c.copyOf(file, "metrics")))
        .isEqualTo(Files.readAllBytes(new ColumnCache(whole, 0).copyOf(file, "metrics")));
    // and the next reader takes that copy as it is
    assertThat(pointsOf(read(cache, file, scans, appends).orElseThrow(), "m")).isEqualTo(pointsOf(grown, "m"));
    assertThat(scans).hasValue(1);
    assertThat(appends).hasValue(1);
  }

  @Test
  void aFileWhoseFirstBytesChangedAsItGrewIsScannedWhole() throws IOException {
    Path file = data.resolve("metrics.csv");
    Counts counts = copied(file, HEADER + FIRST_ROWS);
    AtomicInteger scans = counts.scans();
    AtomicInteger appends = counts.appends();
    Files.writeString(file, HEADER + FIRST_ROWS.replace(",1\n", ",7\n") + NEW_ROWS);
    MetricColumns c = read(cache, file, scans, appends).orElseThrow();
    assertThat(scans).hasValue(2);
    assertThat(appends).hasValue(0);
    assertThat(pointsOf(c, "m").get(Map.of("team", "a"))).containsExactly("2026-01-01=7.0", "2026-01-03=5.0");
  }

  @Test
  void aFileWhoseLastLineHadNoLineFeedIsScannedWholeWhenItGrows() throws IOException {
    Path file = data.resolve("metrics.csv");
    String rows = FIRST_ROWS.substring(0, FIRST_ROWS.length() - 1); // its last line without a line feed
    Counts counts = copied(file, HEADER + rows);
    AtomicInteger scans = counts.scans();
    AtomicInteger appends = counts.appends();
    // The last value 3 becomes 35: the copy's first bytes are still the file's, but its last row has changed.
    Files.writeString(file, "5\n" + NEW_ROWS, java.nio.file.StandardOpenOption.APPEND);
    MetricColumns c = read(cache, file, scans, appends).orElseThrow();
    assertThat(scans).hasValue(2);
    assertThat(appends).hasValue(0);
    assertThat(pointsOf(c, "n")).containsExactly(Map.entry(Map.of(), List.of("2026-01-02=35.0")));
  }

  @Test
  void aFileThatShrankIsScannedWhole() throws IOException {
    Path file = data.resolve("metrics.csv");
    Counts counts = copied(file, HEADER + FIRST_ROWS + NEW_ROWS);
    AtomicInteger scans = counts.scans();
    AtomicInteger appends = counts.appends();
    Files.writeString(file, HEADER + FIRST_ROWS);
    assertThat(read(cache, file, scans, appends).orElseThrow().metrics()).containsExactly("m", "n");
    assertThat(scans).hasValue(2);
    assertThat(appends).hasValue(0);
  }

  @Test
  void appendedRowsThatAreNotPlainLeaveTheWholeFileToTheRecordPath() throws IOException {
    Path file = data.resolve("metrics.csv");
    Counts counts = copied(file, HEADER + FIRST_ROWS);
    AtomicInteger scans = counts.scans();
    AtomicInteger appends = counts.appends();
    Files.writeString(file, "2026-01-05T00:00:00Z,m,,not-a-number\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(read(cache, file, scans, appends)).isEmpty();
    assertThat(appends).hasValue(1);
    assertThat(scans).hasValue(2);
  }

  /**
   * The sample company's metrics and product events cut at a line past 60% of each file, their copies made, then the
   * rest of each file appended: a source with the cache answers as one without it, and its copies are byte for byte
   * those made by scanning the whole files.
   */
  @Test
  void theSampleCompanysFilesGrownSinceTheirCopiesReadTheSame() throws IOException {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), data));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(120)), data);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Map<Path, byte[]> whole = new java.util.HashMap<>();
    for (String name : List.of("metrics.csv", "product_events.csv")) {
      Path file = data.resolve(name);
      byte[] all = Files.readAllBytes(file);
      int cut = all.length * 3 / 5;
      while (all[cut - 1] != '\n') {
        cut++;
      }
      whole.put(file, all);
      Files.write(file, java.util.Arrays.copyOf(all, cut));
    }
    TimeWindow all = TimeWindow.ending(NOW, Duration.ofDays(400));
    FilesSource first = new FilesSource("files", data, true, clock).withColumnCache(cache, 0);
    assertThat(first.describe().metrics()).isNotEmpty();
    assertThat(first.records(RecordKind.PRODUCT_EVENTS, all).rows()).isNotEmpty();
    for (Map.Entry<Path, byte[]> e : whole.entrySet()) {
      Files.write(e.getKey(), e.getValue());
    }
    FilesSource plain = new FilesSource("files", data, true, clock);
    FilesSource grown = new FilesSource("files", data, true, clock).withColumnCache(cache, 0);
    List<String> metrics = plain.describe().metrics();
    assertThat(grown.describe().metrics()).isEqualTo(metrics);
    int checked = 0;
    for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400))) {
      TimeWindow w = TimeWindow.ending(NOW, d);
      Dataset<?> expected = plain.records(RecordKind.PRODUCT_EVENTS, w);
      Dataset<?> read = grown.records(RecordKind.PRODUCT_EVENTS, w);
      assertThat(read.rows()).isEqualTo(expected.rows());
      assertThat(read.provenance()).isEqualTo(expected.provenance());
      checked += expected.rows().size();
      for (String m : metrics) {
        assertThat(grown.range(m, w, Duration.ofDays(1)).rows()).isEqualTo(plain.range(m, w, Duration.ofDays(1)).rows());
        assertThat(grown.instant(m, NOW).rows()).isEqualTo(plain.instant(m, NOW).rows());
      }
    }
    assertThat(checked).isGreaterThan(10_000);
    Path fresh = tmp.resolve("fresh");
    FilesSource scanned = new FilesSource("files", data, true, clock).withColumnCache(fresh, 0);
    assertThat(scanned.describe().metrics()).isEqualTo(metrics);
    assertThat(scanned.records(RecordKind.PRODUCT_EVENTS, all).rows()).isNotEmpty();
    for (Path file : whole.keySet()) {
      String kind = file.getFileName().toString().replace(".csv", "");
      assertThat(Files.readAllBytes(new ColumnCache(cache, 0).copyOf(file, kind)))
          .as(kind).isEqualTo(Files.readAllBytes(new ColumnCache(fresh, 0).copyOf(file, kind)));
    }
  }
}
