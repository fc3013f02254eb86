package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployments.csv read in columns gives the records its record path gives: the sample company's deployments over many
 * windows, a hand-made file of the shapes the scan must read as the record path does (changes with blanks and empty
 * parts, no changes, statuses in any case or empty, a quoted id, CRLF, offsets, ties out of order), random files whole
 * and in two parts; a file that is not plain is left to the record path, which reports its bad row as before.
 */
class DeploymentColumnsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));

  @TempDir Path tmp;

  Path folder(String name, String text) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("deployments.csv"), text);
    return dir;
  }

  /** The same text as deployments.csv.gz alone in a folder of its own: read by the record path. */
  Path recordPath(String name, String text) throws IOException {
    return EventColumnsTest.gzipped(Files.createDirectories(tmp.resolve(name + "-gz")), "deployments.csv",
        text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSampleCompanysDeploymentsAreTheRecordPaths() throws IOException {
    Path dir = EventColumnsTest.sampleExport(tmp.resolve("sample"));
    String text = Files.readString(dir.resolve("deployments.csv"));
    assertThat(DeploymentColumns.scan(dir.resolve("deployments.csv"))).isPresent();
    MetricSource columns = EventColumnsTest.files(dir);
    MetricSource records = EventColumnsTest.files(recordPath("sample", text));
    int checked = 0;
    for (Duration d : List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(400))) {
      TimeWindow w = TimeWindow.ending(NOW, d);
      Dataset<Deployment> expected = records.records(RecordKind.DEPLOYMENTS, w);
      Dataset<Deployment> read = columns.records(RecordKind.DEPLOYMENTS, w);
      assertThat(read.rows()).isEqualTo(expected.rows());
      assertThat(read.provenance().covers()).isEqualTo(expected.provenance().covers());
      checked += expected.rows().size();
    }
    assertThat(checked).isGreaterThan(100);
  }

  static final String SHAPES = "deploy_id,time_created,changes,status\r\n"
      + "d-3,2026-01-02T00:00:00Z, c1 ; ;c2 ,FAILURE\r\n"
      + "\"d-1\",2026-01-02T01:00:00+01:00,,\r\n"
      + "d-2,2026-01-01T12:00:00.250Z,c3, success \r\n"
      + "d-4,2026-01-02T00:00:00Z,\"c4;c5\",Failure\r\n";

  @Test
  void everyShapeTheScanReadsIsReadAsTheRecordPathReadsIt() throws IOException {
    Path dir = folder("shapes", SHAPES);
    assertThat(DeploymentColumns.scan(dir.resolve("deployments.csv"))).isPresent();
    assertThat(DeploymentColumns.scan(dir.resolve("deployments.csv"), 1)).isPresent();
    List<Deployment> read = EventColumnsTest.files(dir).records(RecordKind.DEPLOYMENTS, ALL).rows();
    assertThat(read).isEqualTo(EventColumnsTest.files(recordPath("shapes", SHAPES)).records(RecordKind.DEPLOYMENTS, ALL).rows());
    // By hand: d-2 at noon on 1 January; d-1 (01:00 at +01:00) at midnight on 2 January ties with d-3 and d-4 and comes
    // second in the file, so the order of the three is the file's.
    assertThat(read).containsExactly(
        new Deployment("d-2", Instant.parse("2026-01-01T12:00:00.250Z"), List.of("c3"), DeployStatus.SUCCESS),
        new Deployment("d-3", Instant.parse("2026-01-02T00:00:00Z"), List.of("c1", "c2"), DeployStatus.FAILURE),
        new Deployment("d-1", Instant.parse("2026-01-02T00:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d-4", Instant.parse("2026-01-02T00:00:00Z"), List.of("c4", "c5"), DeployStatus.FAILURE));
  }

  @Test
  void aFileThatIsNotPlainIsLeftToTheRecordPathWhichReportsItsRow() throws IOException {
    String header = "deploy_id,time_created,changes,status\n";
    String good = "d-1,2026-01-01T00:00:00Z,c1,success\n";
    Map<String, String> refused = Map.of(
        "repeated-id", "d-1,2026-01-02T00:00:00Z,c2,success\n",
        "status", "d-2,2026-01-02T00:00:00Z,c2,rolled-back\n",
        "no-id", ",2026-01-02T00:00:00Z,c2,success\n",
        "no-offset", "d-2,2026-01-02T00:00:00,c2,success\n");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      Path dir = folder(e.getKey(), header + good + e.getValue());
      assertThat(DeploymentColumns.scan(dir.resolve("deployments.csv"))).as(e.getKey()).isEmpty();
      EventColumnsTest.refusedOnLine(dir, RecordKind.DEPLOYMENTS, "deployments.csv", 3);
    }
  }

  /** Random plain files, the columns in either order, read in columns whole and in two parts give the record path's rows. */
  @Test
  void randomPlainFilesReadInColumnsGiveTheRecordPathsRows() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 150)).checkAssert((seed, rows) -> {
      try {
        Random r = new Random(seed);
        boolean reversed = r.nextBoolean();
        StringBuilder text = new StringBuilder(reversed ? "status,changes,time_created,deploy_id\n" : "deploy_id,time_created,changes,status\n");
        for (int i = 0; i < rows; i++) {
          Instant t = NOW.minusSeconds(r.nextInt(3) == 0 ? 3600L * r.nextInt(4) : r.nextInt(90 * 86_400));
          String time = r.nextInt(5) == 0 ? t.atOffset(ZoneOffset.ofHours(2)).toString() : t.toString();
          StringBuilder changes = new StringBuilder();
          for (int c = r.nextInt(4); c > 0; c--) {
            changes.append(changes.length() > 0 ? ";" : "").append("c").append(r.nextInt(1000));
          }
          List<String> cells = new ArrayList<>(List.of("d-" + i, time, changes.toString(),
              List.of("", "success", "failure", "SUCCESS").get(r.nextInt(4))));
          if (reversed) {
            java.util.Collections.reverse(cells);
          }
          text.append(String.join(",", cells)).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        String name = "random-" + Long.toHexString(seed) + "-" + rows;
        Path dir = folder(name, text.toString());
        List<Deployment> expected = EventColumnsTest.files(recordPath(name, text.toString())).records(RecordKind.DEPLOYMENTS, ALL).rows();
        Path file = dir.resolve("deployments.csv");
        assertThat(DeploymentColumns.scan(file, Long.MAX_VALUE).orElseThrow().rows(ALL)).isEqualTo(expected);
        assertThat(DeploymentColumns.scan(file, 1 + r.nextInt((int) Files.size(file))).orElseThrow().rows(ALL)).isEqualTo(expected);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
