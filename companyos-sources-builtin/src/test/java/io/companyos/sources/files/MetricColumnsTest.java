package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.builtin.internal.MetricPointQueries;
import io.companyos.sources.builtin.internal.MetricSelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics.csv read in columns answers exactly what its records answer: every metric of the sample company over several
 * windows and instants, values read to the same doubles as {@link Double#parseDouble}, and files that are not plain left
 * to the record path.
 */
class MetricColumnsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir static Path dir;
  static MetricColumns columns;
  static List<MetricPoint> records;

  @BeforeAll
  static void sample() throws IOException {
    EventColumnsTest.sampleExport(dir);
    columns = MetricColumns.scan(dir.resolve("metrics.csv")).orElseThrow();
    MetricSource files = new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", dir.toString()),
        Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
    records = files.records(RecordKind.METRICS, new TimeWindow(Instant.EPOCH, NOW.plusSeconds(1))).rows().stream()
        .sorted(Comparator.comparing(MetricPoint::timestamp)).toList();
  }

  @Test
  void aPartsChunksCopyEveryPointOnceInOrderWithItsLabelSetRenumbered() {
    // 20,000 points fill chunks of 64, 128, ..., 8,192 (127 + 8,064 = 16,320 in the first eight) and a second of
    // 8,192 partly: every point lands at its place after the 3 already there, its label set through the part's remap.
    MetricColumns.Chunks chunks = new MetricColumns.Chunks("m");
    for (int i = 0; i < 20_000; i++) {
      chunks.add(i, i * 0.5, i % 3);
    }
    assertThat(chunks.size).isEqualTo(20_000);
    MetricColumns.Points into = new MetricColumns.Points("m", 20_003);
    into.size = 3;
    chunks.copyTo(into, 3, new int[] {5, 6, 7});
    for (int i = 0; i < 20_000; i++) {
      assertThat(into.nanos[3 + i]).isEqualTo(i);
      assertThat(into.values[3 + i]).isEqualTo(i * 0.5);
      assertThat(into.labels[3 + i]).isEqualTo(5 + i % 3);
    }
    assertThat(into.nanos[0]).isZero(); // the places before `from` are left as they were
  }

  @Test
  void everyMetricAnswersAsItsRecordsDo() {
    List<String> metrics = records.stream().map(MetricPoint::metric).distinct().sorted().toList();
    assertThat(columns.metrics()).isEqualTo(metrics).hasSizeGreaterThan(5);
    for (String m : metrics) {
      MetricSelector all = MetricSelector.parse("files", m);
      for (Duration d : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(90))) {
        for (Instant end : List.of(NOW, NOW.minus(Duration.ofDays(3)).plusSeconds(1), NOW.minus(Duration.ofDays(30)))) {
          TimeWindow w = TimeWindow.ending(end, d);
          assertThat(columns.range(all, w)).as(m + " " + w).isEqualTo(MetricPointQueries.range(records, all, w));
          assertThat(columns.instant(all, end, d)).as(m + " at " + end).isEqualTo(MetricPointQueries.instant(records, all, end, d));
        }
      }
      assertThat(columns.coverage(m)).isEqualTo(io.companyos.sources.Provenance.Coverage.of(
          records.stream().filter(p -> p.metric().equals(m)).map(MetricPoint::timestamp).toList()));
    }
  }

  @Test
  void labelMatchersSelectTheSameSeries() {
    MetricPoint labelled = records.stream().filter(p -> !p.labels().isEmpty()).findFirst().orElseThrow();
    Map.Entry<String, String> label = labelled.labels().entrySet().iterator().next();
    MetricSelector s = MetricSelector.parse("files", labelled.metric() + "{" + label.getKey() + "=\"" + label.getValue() + "\"}");
    TimeWindow w = TimeWindow.ending(NOW, Duration.ofDays(60));
    assertThat(columns.range(s, w)).isNotEmpty().isEqualTo(MetricPointQueries.range(records, s, w));
  }

  @Test
  void valuesAreTheSameDoublesAsParseDoubleGives() {
    qt().forAll(longs().between(-999_999_999_999_999L, 999_999_999_999_999L), integers().between(0, 18),
        integers().between(-30, 30)).checkAssert((digits, point, exp) -> {
          String plain = Long.toString(Math.abs(digits));
          String text = (digits < 0 ? "-" : "") + (point >= plain.length() ? "0." + "0".repeat(point - plain.length()) + plain
              : plain.substring(0, plain.length() - point) + (point > 0 ? "." + plain.substring(plain.length() - point) : ""))
              + (exp == 0 ? "" : "e" + exp);
          double expected = Double.parseDouble(text);
          byte[] b = text.getBytes(StandardCharsets.US_ASCII);
          if (Math.abs(expected) <= CsvRow.LIMIT) {
            assertThat(MetricColumns.value(b, 0, b.length, false)).as(text).isEqualTo(expected);
          }
        });
  }

  @Test
  void filesThatAreNotPlainAreLeftToTheRecordPath(@TempDir Path other) throws IOException {
    for (String body : List.of(
        "2026-11-01T00:00:00Z,m,,0x1p3\n",                     // Java-only number syntax
        "2026-11-01T00:00:00Z,m,,1_000\n",
        "yesterday,m,,1\n",                                   // not a time
        "2026-11-01T00:00:00Z,m,\"a=b\nc=d\",1\n",             // a quoted line break
        "2026-11-01T00:00:00Z,m,,2e16\n",                     // beyond 10^15
        "2026-11-01T00:00:00Z,companyos:x:errors:count,,-1\n", // a negative counter
        "2026-11-01T00:00:00Z,mé,,1\n",                       // not ASCII
        "   \n")) {                                            // a line of white space: the record path's error
      Path f = other.resolve("metrics.csv");
      Files.writeString(f, "timestamp,metric,labels,value\n" + body);
      assertThat(MetricColumns.scan(f)).as(body).isEqualTo(Optional.empty());
    }
    // Bytes that are not UTF-8 in a column the scan does not read, or in the header: the record path refuses the file
    // ("not UTF-8 text"), so the scan must leave it; valid UTF-8 there is read.
    Path f = other.resolve("metrics.csv");
    byte[] latin1 = "2026-11-01T00:00:00Z,m,,1,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(f, concat("timestamp,metric,labels,value,note\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), latin1));
    assertThat(MetricColumns.scan(f)).isEqualTo(Optional.empty());
    Files.write(f, concat("timestamp,metric,labels,value,n\u00f8te\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        "2026-11-01T00:00:00Z,m,,1,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(MetricColumns.scan(f)).isEqualTo(Optional.empty());
    Files.writeString(f, "timestamp,metric,labels,value,note\n2026-11-01T00:00:00Z,m,,1,caf\u00e9\n");
    assertThat(MetricColumns.scan(f)).isPresent();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void rowsOutOfTimeOrderAreSortedWithTiesInFileOrder(@TempDir Path other) throws IOException {
    // Two copies of a company one after the other, as scale-sample.py writes them: each in time order, the whole not.
    StringBuilder csv = new StringBuilder("timestamp,metric,labels,value\n");
    for (int copy = 0; copy < 2; copy++) {
      for (int day = 1; day <= 5; day++) {
        csv.append("2026-11-0").append(day).append("T00:00:00Z,m,,").append(copy * 100 + day).append('\n');
        csv.append("2026-11-0").append(day).append("T00:00:00Z,m,copy=").append(copy).append(',').append(day).append('\n');
      }
    }
    Path f = other.resolve("metrics.csv");
    Files.writeString(f, csv.toString());
    MetricColumns c = MetricColumns.scan(f).orElseThrow();
    MetricSource files = new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", other.toString()),
        Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
    List<MetricPoint> points = files.records(RecordKind.METRICS, new TimeWindow(Instant.EPOCH, NOW)).rows().stream()
        .sorted(Comparator.comparing(MetricPoint::timestamp)).toList();
    MetricSelector m = MetricSelector.parse("files", "m");
    TimeWindow w = new TimeWindow(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"));
    assertThat(c.range(m, w)).isEqualTo(MetricPointQueries.range(points, m, w));
    // The unlabelled series has two points a day (copy 0, then copy 1): the latest at an instant is copy 1's.
    assertThat(c.instant(m, Instant.parse("2026-11-03T00:00:00Z"), Duration.ofDays(1)))
        .isEqualTo(MetricPointQueries.instant(points, m, Instant.parse("2026-11-03T00:00:00Z"), Duration.ofDays(1)))
        .filteredOn(x -> x.labels().isEmpty()).singleElement()
        .satisfies(x -> assertThat(x.points().get(0).value()).isEqualTo(103.0));
  }

  @Test
  void labelTextsThatReadAsOneLabelSetAreOneSeries(@TempDir Path other) throws IOException {
    // "a=1;b=2", "b=2;a=1" and "a=1; b=2" are one label set; the series holds the points of all three, in time order,
    // and its latest point is the last of any of them. "a=2;b=2" is another series, and "a=1" does not match b="2".
    String csv = "timestamp,metric,labels,value\n"
        + "2026-11-01T00:00:00Z,m,a=1;b=2,1\n"
        + "2026-11-02T00:00:00Z,m,b=2;a=1,2\n"
        + "2026-11-02T00:00:00Z,m,a=2;b=2,20\n"
        + "2026-11-03T00:00:00Z,m,a=1; b=2,3\n"
        + "2026-11-03T00:00:00Z,m,a=1,30\n"
        + "2026-11-04T00:00:00Z,m,b=2;a=1,4\n"
        + "2026-11-05T00:00:00Z,m,a=2;b=2,50\n";
    Path f = other.resolve("metrics.csv");
    Files.writeString(f, csv);
    MetricColumns c = MetricColumns.scan(f).orElseThrow();
    MetricSource files = new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", other.toString()),
        Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
    List<MetricPoint> points = files.records(RecordKind.METRICS, new TimeWindow(Instant.EPOCH, NOW)).rows();
    MetricSelector b2 = MetricSelector.parse("files", "m{b=\"2\"}");
    TimeWindow w = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"));
    List<io.companyos.sources.Series> range = c.range(b2, w);
    assertThat(range).isEqualTo(MetricPointQueries.range(points, b2, w)).hasSize(2);
    assertThat(range.get(0).labels()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(range.get(0).points()).extracting(io.companyos.sources.Series.Point::value).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(range.get(1).points()).extracting(io.companyos.sources.Series.Point::value).containsExactly(20.0, 50.0);
    Instant at = Instant.parse("2026-11-04T12:00:00Z");
    List<io.companyos.sources.Series> latest = c.instant(b2, at, Duration.ofDays(10));
    assertThat(latest).isEqualTo(MetricPointQueries.instant(points, b2, at, Duration.ofDays(10)));
    assertThat(latest).extracting(x -> x.points().get(0).value()).containsExactly(4.0, 20.0);
  }

  @Test
  void aFileOfSeveralChunksReadsEveryRowOnce(@TempDir Path other) throws IOException {
    // More than two 8 MiB chunks: each part goes on from chunk to chunk in one buffer, read into again.
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    StringBuilder csv = new StringBuilder("timestamp,metric,labels,value\n");
    Map<Map<String, String>, List<io.companyos.sources.Series.Point>> expected = new java.util.HashMap<>();
    int rows = 0;
    while (csv.length() < 2 * ColumnScan.CHUNK + 100_000) {
      Instant t = base.plusSeconds(rows);
      int value = rows % 1000;
      csv.append(t).append(",m").append(rows % 7).append(",k=").append(rows % 13).append(',').append(value).append('\n');
      if (rows % 7 == 3) {
        expected.computeIfAbsent(Map.of("k", Integer.toString(rows % 13)), k -> new java.util.ArrayList<>())
            .add(new io.companyos.sources.Series.Point(t, value));
      }
      rows++;
    }
    Path f = other.resolve("metrics.csv");
    Files.writeString(f, csv);
    TimeWindow all = new TimeWindow(base, base.plusSeconds(rows));
    MetricSelector m3 = MetricSelector.parse("files", "m3");
    for (long parallelBytes : new long[] {Long.MAX_VALUE, 1}) {
      MetricColumns c = MetricColumns.scan(f, parallelBytes).orElseThrow();
      Map<Map<String, String>, List<io.companyos.sources.Series.Point>> read = new java.util.HashMap<>();
      c.range(m3, all).forEach(x -> read.put(x.labels(), x.points()));
      assertThat(read).as("parts from %d bytes", parallelBytes).isEqualTo(expected);
      assertThat(c.metrics()).hasSize(7);
    }
  }

  /** Both columns hold the same metrics with the same points, labels and spans. */
  static void assertSameColumns(MetricColumns actual, MetricColumns expected) {
    assertThat(actual.metrics()).isEqualTo(expected.metrics());
    TimeWindow all = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    for (String m : expected.metrics()) {
      MetricSelector s = MetricSelector.parse("files", m);
      assertThat(actual.range(s, all)).as(m).isEqualTo(expected.range(s, all));
      assertThat(actual.coverage(m)).as(m).isEqualTo(expected.coverage(m));
    }
  }

  @Test
  void twoPartsReadWhatOnePassReads() throws IOException {
    Path f = dir.resolve("metrics.csv");
    // A part boundary from the very start of the file: the sample's rows split in the middle.
    MetricColumns two = MetricColumns.scan(f, 1).orElseThrow();
    assertSameColumns(two, MetricColumns.scan(f, Long.MAX_VALUE).orElseThrow());
    assertSameColumns(two, columns);
  }

  @Test
  void aMiddleInsideAQuotedLineBreakIsReadAgainFromTheRightPlace(@TempDir Path other) throws IOException {
    // A column the scan does not read holds quoted line breaks on every row, so the middle of the file mostly falls
    // inside one: the second part starts inside a record, and is read again from where the first part ended. The
    // first row's note grows one byte at a time, to move the middle through every place of a row.
    for (int pad = 0; pad < 30; pad++) {
      StringBuilder csv = new StringBuilder("timestamp,metric,labels,value,note\r\n");
      csv.append("2026-11-01T00:00:00Z,m0,,0,").append("x".repeat(pad)).append("\r\n");
      for (int i = 0; i < 400; i++) {
        csv.append(String.format(java.util.Locale.ROOT, "2026-11-%02dT%02d:00:00Z,m%d,copy=%d,%d,\"one\ntwo\r\nthree\n\nfour\"\r\n",
            1 + i % 20, i % 24, i % 3, i / 200, i));
        if (i % 50 == 0) {
          csv.append("\r\n"); // an empty line: skipped by both paths
        }
      }
      Path f = other.resolve("metrics.csv");
      Files.writeString(f, csv.toString());
      MetricColumns one = MetricColumns.scan(f, Long.MAX_VALUE).orElseThrow();
      assertSameColumns(MetricColumns.scan(f, 1).orElseThrow(), one);
      if (pad == 0) {
        // And both are what the records say.
        MetricSource files = new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", other.toString()),
            Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
        List<MetricPoint> points = files.records(RecordKind.METRICS, new TimeWindow(Instant.EPOCH, NOW)).rows().stream()
            .sorted(Comparator.comparing(MetricPoint::timestamp)).toList();
        TimeWindow w = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
        for (String m : List.of("m0", "m1", "m2")) {
          MetricSelector s = MetricSelector.parse("files", m);
          assertThat(one.range(s, w)).as(m).isNotEmpty().isEqualTo(MetricPointQueries.range(points, s, w));
        }
      }
    }
  }

  @Test
  void aBadRowInEitherPartLeavesTheFileToTheRecordPath(@TempDir Path other) throws IOException {
    for (int bad : new int[] {3, 97}) {
      StringBuilder csv = new StringBuilder("timestamp,metric,labels,value\n");
      for (int i = 0; i < 100; i++) {
        csv.append("2026-11-01T00:00:00Z,m,,").append(i == bad ? "0x1p3" : Integer.toString(i)).append('\n');
      }
      Path f = other.resolve("metrics.csv");
      Files.writeString(f, csv.toString());
      assertThat(MetricColumns.scan(f, 1)).as("bad row %d", bad).isEqualTo(Optional.empty());
    }
  }
}
