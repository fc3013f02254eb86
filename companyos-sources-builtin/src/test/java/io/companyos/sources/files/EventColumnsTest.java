package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * product_events.csv read in columns gives the records its record path gives: the sample company's events over many
 * windows, files with the CSV the scan must read as the record path does (byte-order mark, CRLF, quotes, blanks around
 * cells, an empty or absent feature, offsets and fractions of seconds, ties out of order), read whole and in two parts
 * at every place of the middle; a file that is not plain is left to the record path, which reports its bad row as before.
 */
class EventColumnsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @TempDir Path tmp;

  /** The files source over {@code dir}. */
  static MetricSource files(Path dir) {
    return new FilesSourceProvider().create(SourceContext.of("files", Map.of("dir", dir.toString()),
        Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  /** {@code dir} (made if missing) with the sample company's 120 days up to {@link #NOW} exported into it as files. */
  static Path sampleExport(Path dir) throws IOException {
    Files.createDirectories(dir);
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.systemUTC(), dir));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(120)), dir);
    return dir;
  }

  /** Asserts that reading {@code kind} from the files source over {@code dir} fails on {@code file}'s line {@code line}. */
  static void refusedOnLine(Path dir, RecordKind<?> kind, String file, long line) {
    assertThatThrownBy(() -> files(dir).records(kind, ALL)).as(dir.getFileName().toString())
        .isInstanceOfSatisfying(BadDataException.class, x -> {
          assertThat(x.file()).isEqualTo(file);
          assertThat(x.line()).isEqualTo(line);
        });
  }

  /** The same text as product_events.csv.gz alone in a folder of its own: read by the record path. */
  Path recordPathCopy(String text, String name) throws IOException {
    return gzipped(Files.createDirectories(tmp.resolve(name + "-gz")), "product_events.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code bytes} gzipped as {@code name}.gz in {@code dir}, a name the files source reads by the record path only. */
  static Path gzipped(Path dir, String name, byte[] bytes) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".gz")))) {
      out.write(bytes);
    }
    return dir;
  }

  Path columnsFolder(String text, String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("product_events.csv"), text);
    return dir;
  }

  @Test
  void theSampleCompanysEventsAreTheRecordPaths() throws IOException {
    Path dir = sampleExport(tmp.resolve("sample"));
    String text = Files.readString(dir.resolve("product_events.csv"));
    MetricSource columns = files(dir);
    MetricSource records = files(recordPathCopy(text, "sample"));
    int checked = 0;
    for (Duration d : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400))) {
      for (Instant end : List.of(NOW, NOW.minus(Duration.ofDays(3)).plusSeconds(1), NOW.minus(Duration.ofDays(45)))) {
        TimeWindow w = TimeWindow.ending(end, d);
        Dataset<ProductEvent> a = columns.records(RecordKind.PRODUCT_EVENTS, w);
        Dataset<ProductEvent> b = records.records(RecordKind.PRODUCT_EVENTS, w);
        assertThat(a.rows()).as(w.toString()).isEqualTo(b.rows());
        assertThat(a.provenance().covers()).isEqualTo(b.provenance().covers());
        checked += a.rows().size();
      }
    }
    assertThat(checked).isGreaterThan(10_000);
    assertThat(EventColumns.scan(dir.resolve("product_events.csv"))).isPresent();
  }

  @Test
  void plainCsvOfEveryShapeReadsAsTheRecordPathReadsIt() throws IOException {
    String text = "\uFEFFtimestamp,user_id,account_id,session_id,event,feature,extra\r\n"
        + "2026-11-20T10:00:00Z,u1,a1,s1,session_start,,x\r\n"
        + "2026-11-20T09:00:00.250+01:00, u2 ,\"a2\",s2,feature_used,reports,y\r\n"
        + "\r\n"
        + "2026-11-19T10:00:00Z,u1,a1,s3,feature_used,\"export\",z\r\n"
        + "2026-11-20T08:00:00.250Z,u3,a1,s4,signup,,\r\n" // the same instant as row 2: file order kept
        + "2026-11-21T00:00:00Z,u2,a2,s5,session_start\r\n"; // no feature cell at all
    Path columns = columnsFolder(text, "shapes");
    List<ProductEvent> expected = files(recordPathCopy(text, "shapes")).records(RecordKind.PRODUCT_EVENTS, ALL).rows();
    assertThat(files(columns).records(RecordKind.PRODUCT_EVENTS, ALL).rows()).isEqualTo(expected);
    // Hand-checked: five events by time, the tie in file order, blanks stripped, quotes removed, empty feature null.
    assertThat(expected).extracting(ProductEvent::sessionId).containsExactly("s3", "s2", "s4", "s1", "s5");
    assertThat(expected.get(1).userId()).isEqualTo("u2");
    assertThat(expected.get(1).accountId()).isEqualTo("a2");
    assertThat(expected.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-20T08:00:00.250Z"));
    assertThat(expected.get(3).feature()).isNull();
    assertThat(expected.get(0).feature()).isEqualTo("export");
    // And the scan itself, in two parts with the middle at every byte: the same rows.
    Path file = columns.resolve("product_events.csv");
    for (long parallel = 1; parallel <= Files.size(file); parallel += 7) {
      EventColumns c = EventColumns.scan(file, parallel).orElseThrow();
      assertThat(c.rows(ALL)).isEqualTo(expected);
    }
  }

  @Test
  void aFileThatIsNotPlainIsLeftToTheRecordPath() throws IOException {
    String header = "timestamp,user_id,account_id,session_id,event,feature\n";
    String ok = "2026-11-20T10:00:00Z,u1,a1,s1,session_start,\n";
    for (String bad : List.of("2026-11-20T10:00:00Z,,a1,s1,session_start,\n", // a user is required
        "2026-11-20T10:00:00Z,u1,a1,,session_start,\n", // so is a session
        "2026-11-20T10:00:00Z,ü1,a1,s1,session_start,\n", // not ASCII
        "2026-11-20T10:00:00Z,u1,a1,s1,\"session\nstart\",\n", // a line break in quotes
        "20-11-2026,u1,a1,s1,session_start,\n")) { // a time the record path refuses
      Path dir = columnsFolder(header + ok + bad, "bad-" + Integer.toHexString(bad.hashCode()));
      assertThat(EventColumns.scan(dir.resolve("product_events.csv"))).as(bad).isEmpty();
    }
    // The record path still reports the bad row, with its line and column.
    Path dir = columnsFolder(header + ok + "2026-11-20T10:00:00Z,,a1,s1,session_start,\n", "required");
    assertThatThrownBy(() -> files(dir).records(RecordKind.PRODUCT_EVENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.file()).isEqualTo("product_events.csv");
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo("user_id");
        }).hasMessageContaining("a value is required");
  }

  /** Random plain files, times out of order with ties, read whole and in two parts: the record path's records. */
  @Test
  void randomFilesReadAsTheirRecords() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 120)).checkAssert((seed, rows) -> {
      try {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder(r.nextBoolean() ? "timestamp,user_id,account_id,session_id,event,feature\n"
            : "feature,event,session_id,account_id,user_id,timestamp\n");
        boolean reversed = text.charAt(0) == 'f';
        List<String> events = List.of("session_start", "feature_used", "signup");
        for (int i = 0; i < rows; i++) {
          Instant t = NOW.minusSeconds(r.nextInt(3) == 0 ? 3600L * r.nextInt(4) : r.nextInt(90 * 86_400));
          String time = r.nextInt(5) == 0 ? t.atOffset(ZoneOffset.ofHours(2)).toString() : t.toString();
          List<String> cells = new ArrayList<>(List.of(time, "u" + r.nextInt(20), "a" + r.nextInt(5), "s-" + r.nextInt(500),
              events.get(r.nextInt(3)), r.nextBoolean() ? "" : "f" + r.nextInt(4)));
          if (reversed) {
            java.util.Collections.reverse(cells);
          }
          text.append(String.join(",", cells)).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        String name = "random-" + Long.toHexString(seed) + "-" + rows;
        Path dir = columnsFolder(text.toString(), name);
        List<ProductEvent> expected = files(recordPathCopy(text.toString(), name)).records(RecordKind.PRODUCT_EVENTS, ALL).rows();
        Path file = dir.resolve("product_events.csv");
        assertThat(EventColumns.scan(file, Long.MAX_VALUE).orElseThrow().rows(ALL)).isEqualTo(expected);
        assertThat(EventColumns.scan(file, 1 + r.nextInt((int) Files.size(file))).orElseThrow().rows(ALL)).isEqualTo(expected);
        TimeWindow week = TimeWindow.ending(NOW, Duration.ofDays(7));
        assertThat(files(dir).records(RecordKind.PRODUCT_EVENTS, week).rows())
            .isEqualTo(expected.stream().filter(e -> week.contains(e.timestamp())).toList());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
