package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceContext;
import io.companyos.sources.UnsupportedQueryException;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.IOException;
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

class FilesSourceTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  @TempDir Path dir;

  MetricSource source(String mode) {
    return new FilesSourceProvider().create(
        SourceContext.of("files", Map.of("dir", dir.toString(), "mode", mode), Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  void file(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsFourKeysTablesWithTheirExactColumns() throws IOException {
    file("changes.csv", "change_id,time_created\nc1,2026-11-20T10:00:00+01:00\nc2,2026-11-20T11:00:00Z\n");
    file("deployments.csv", "deploy_id,time_created,changes,status\nd1,2026-11-21T09:00:00Z,c1;c2,\nd2,2026-11-22T09:00:00Z,c2,failure\n");
    file("incidents.csv", "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-22T10:00:00Z,,P2,api,\"api: 5xx, then timeouts\",d2\n");
    MetricSource s = source("strict");
    assertThat(s.records(RecordKind.CHANGES, ALL).rows())
        .containsExactly(new Change("c1", Instant.parse("2026-11-20T09:00:00Z")), new Change("c2", Instant.parse("2026-11-20T11:00:00Z")));
    assertThat(s.records(RecordKind.DEPLOYMENTS, ALL).rows()).containsExactly(
        new Deployment("d1", Instant.parse("2026-11-21T09:00:00Z"), List.of("c1", "c2"), DeployStatus.SUCCESS),
        new Deployment("d2", Instant.parse("2026-11-22T09:00:00Z"), List.of("c2"), DeployStatus.FAILURE));
    Incident i = s.records(RecordKind.INCIDENTS, ALL).rows().get(0);
    assertThat(i.timeResolved()).isNull();
    assertThat(i.title()).isEqualTo("api: 5xx, then timeouts");
    assertThat(i.rootCauseDeploy()).isEqualTo("d2");
    assertThat(s.describe().recordKinds()).containsExactlyInAnyOrder("changes", "deployments", "incidents");
  }

  @Test
  void aBadRowIsLocatedByFileLineAndColumnEvenAfterAMultiLineField() throws IOException {
    file("incidents.csv", "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-22T10:00:00Z,,P2,api,\"first line\nsecond line\",\n"  // lines 2-3
        + "i2,yesterday,,P3,api,t,\n");                                    // line 4
    assertThatThrownBy(() -> source("strict").records(RecordKind.INCIDENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.location()).isEqualTo("incidents.csv:4");
          assertThat(e.column()).isEqualTo("time_created");
          assertThat(e.oneLine()).startsWith("incidents.csv:4: COS-SRC-003 time_created: 'yesterday' is not an ISO-8601 time");
        });
  }

  @Test
  void lenientModeSkipsBadRowsAndSaysSoInTheProvenance() throws IOException {
    file("nps_responses.csv", "timestamp,account_id,score\n2026-11-22T10:00:00Z,a,9\n2026-11-22T11:00:00Z,b,11\n2026-11-22T12:00:00Z,c,3\n");
    FilesSource s = (FilesSource) source("lenient");
    Dataset<?> ds = s.records(RecordKind.NPS_RESPONSES, ALL);
    assertThat(ds.rows()).hasSize(2);
    assertThat(ds.provenance().query()).isEqualTo("nps_responses.csv, 1 bad rows skipped");
    assertThat(s.skipped()).extracting(Object::toString)
        .containsExactly("nps_responses.csv:3: score: 11 is not an NPS answer from 0 to 10");
    assertThatThrownBy(() -> source("strict").records(RecordKind.NPS_RESPONSES, ALL)).isInstanceOf(BadDataException.class);
  }

  @Test
  void aMissingRequiredColumnAndAMissingFileAreReportedDifferently() throws IOException {
    file("changes.csv", "change_id,created\nc1,2026-11-20T10:00:00Z\n");
    assertThatThrownBy(() -> source("strict").records(RecordKind.CHANGES, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> {
          assertThat(e.location()).isEqualTo("changes.csv:1");
          assertThat(e.getMessage()).contains("time_created").contains("required column");
        });
    assertThatThrownBy(() -> source("strict").records(RecordKind.INCIDENTS, ALL)).isInstanceOf(UnsupportedQueryException.class);
  }

  @Test
  void metricsAnswerSelectorQueries() throws IOException {
    file("metrics.csv", "timestamp,metric,labels,value\n"
        + "2026-11-23T07:00:00Z,up,service=api;env=prod,1\n2026-11-23T08:00:00Z,up,service=api;env=prod,0\n"
        + "2026-11-23T08:00:00Z,up,service=web,1\n");
    Dataset<Series> ds = source("strict").instant("up{service=\"api\"}", NOW);
    assertThat(ds.rows()).hasSize(1);
    assertThat(ds.rows().get(0).points().get(0).value()).isEqualTo(0.0); // the latest point before as-of
    assertThat(ds.provenance().query()).isEqualTo("metrics.csv: up{service=\"api\"}");
  }

  @Test
  void exportedSampleDataReadsBackAsTheSameRecords() {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), dir));
    TimeWindow window = TimeWindow.ending(NOW, Duration.ofDays(60));
    List<Path> files = FilesWriter.export(sample, window, dir);
    assertThat(files).hasSize(RecordKind.builtIn().size());
    MetricSource back = source("strict");
    for (RecordKind<?> kind : RecordKind.builtIn()) {
      assertThat(back.records(kind, window).rows()).as(kind.name()).isEqualTo(sample.records(kind, window).rows());
    }
  }

  @Test
  void aFileReadByWindowGivesTheSameRowsProvenanceAndCoverageAsOneReadWhole() {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), dir));
    FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(60)), dir);
    FilesSource whole = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC));
    FilesSource byWindow = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), 0);
    List<TimeWindow> windows = List.of(TimeWindow.ending(NOW, Duration.ofDays(7)), TimeWindow.ending(NOW.minus(Duration.ofDays(20)),
        Duration.ofDays(14)), TimeWindow.ending(NOW.minus(Duration.ofDays(400)), Duration.ofDays(1)), ALL);
    for (RecordKind<?> kind : RecordKind.builtIn()) {
      for (TimeWindow w : windows) {
        var a = whole.records(kind, w);
        var b = byWindow.records(kind, w);
        assertThat(b.rows()).as(kind.name() + " " + w).isEqualTo(a.rows());
        assertThat(b.provenance()).as(kind.name() + " " + w).isEqualTo(a.provenance());
      }
    }
  }

  @Test
  void aKindKeptInColumnsIsReadWholeUpToThreeTimesTheWindowedReadSizeAndRecordsOnlyUpToIt() throws IOException {
    // A file read whole is read once and kept, one read by window is read again for each new window: a row appended
    // after the first query shows which way each file went.
    String changes = "change_id,time_created\nc1,2026-11-20T10:00:00Z\n";
    String incidents = "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-20T10:00:00Z,,sev2,api,Outage,\n";
    file("changes.csv", changes);
    file("incidents.csv", incidents);
    long size = Files.size(dir.resolve("changes.csv"));
    assertThat(Files.size(dir.resolve("incidents.csv"))).isGreaterThan(size);
    // Both files are bigger than the windowed-read size; changes.csv (in columns) counts for a third of its size, under it.
    FilesSource source = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), size - 1);
    TimeWindow first = TimeWindow.ending(NOW, Duration.ofDays(7));
    TimeWindow second = TimeWindow.ending(NOW, Duration.ofDays(8));
    assertThat(source.records(RecordKind.CHANGES, first).rows()).hasSize(1);
    assertThat(source.records(RecordKind.INCIDENTS, first).rows()).hasSize(1);
    file("changes.csv", changes + "c2,2026-11-21T10:00:00Z\n");
    file("incidents.csv", incidents + "i2,2026-11-21T10:00:00Z,,sev3,api,Slow,\n");
    assertThat(source.records(RecordKind.CHANGES, second).rows()).extracting(Change::changeId).containsExactly("c1");
    assertThat(source.records(RecordKind.INCIDENTS, second).rows()).extracting(Incident::incidentId).containsExactly("i1", "i2");
    // Below a third of its size, the windowed-read size has changes.csv read by window too.
    FilesSource small = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), Files.size(dir.resolve("changes.csv")) / 3 - 1);
    assertThat(small.records(RecordKind.CHANGES, first).rows()).hasSize(2);
    file("changes.csv", changes + "c2,2026-11-21T10:00:00Z\nc3,2026-11-22T10:00:00Z\n");
    assertThat(small.records(RecordKind.CHANGES, second).rows()).extracting(Change::changeId).containsExactly("c1", "c2", "c3");
  }

  @Test
  void deploymentsInColumnsCountForAllOfTheirTextAgainstTheWindowedReadSize() throws IOException {
    // Their columns keep the text of their changes: read whole only up to the windowed-read size, as records are.
    String deployments = "deploy_id,time_created,changes,status\nd1,2026-11-20T10:00:00Z,c1;c2,\n";
    file("deployments.csv", deployments);
    long size = Files.size(dir.resolve("deployments.csv"));
    FilesSource byWindow = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), size - 1);
    FilesSource whole = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), 2 * size);
    TimeWindow first = TimeWindow.ending(NOW, Duration.ofDays(7));
    TimeWindow second = TimeWindow.ending(NOW, Duration.ofDays(8));
    assertThat(byWindow.records(RecordKind.DEPLOYMENTS, first).rows()).hasSize(1);
    assertThat(whole.records(RecordKind.DEPLOYMENTS, first).rows()).hasSize(1);
    file("deployments.csv", deployments + "d2,2026-11-21T10:00:00Z,c3,\n");
    assertThat(byWindow.records(RecordKind.DEPLOYMENTS, second).rows()).extracting(Deployment::deployId).containsExactly("d1", "d2");
    assertThat(whole.records(RecordKind.DEPLOYMENTS, second).rows()).extracting(Deployment::deployId).containsExactly("d1");
  }

  @Test
  void aKindKeptInColumnsWhoseFileIsNotPlainIsReadByWindowAboveTheWindowedReadSize() throws IOException {
    // A time after 2262 does not fit the columns' nanoseconds: the file is not plain, and as records it is read by
    // window once it is bigger than the windowed-read size, as any record file is.
    String changes = "change_id,time_created\nc1,2026-11-20T10:00:00Z\nc9,2300-01-01T00:00:00Z\n";
    file("changes.csv", changes);
    FilesSource source = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), Files.size(dir.resolve("changes.csv")) - 1);
    assertThat(source.records(RecordKind.CHANGES, TimeWindow.ending(NOW, Duration.ofDays(7))).rows()).hasSize(1);
    file("changes.csv", changes + "c2,2026-11-21T10:00:00Z\n");
    assertThat(source.records(RecordKind.CHANGES, TimeWindow.ending(NOW, Duration.ofDays(8))).rows()).extracting(Change::changeId)
        .containsExactly("c1", "c2");
  }

  @Test
  void aFileReadByWindowStillReportsBadTimesOutsideTheWindow() throws IOException {
    file("changes.csv", "change_id,time_created\nc1,2026-11-20T00:00:00Z\nc2,last year\n");
    FilesSource strict = new FilesSource("files", dir, true, Clock.fixed(NOW, ZoneOffset.UTC), 0);
    assertThatThrownBy(() -> strict.records(RecordKind.CHANGES, TimeWindow.ending(NOW, Duration.ofDays(7))))
        .isInstanceOf(BadDataException.class)
        .satisfies(e -> assertThat(((BadDataException) e).line()).isEqualTo(3));
    FilesSource lenient = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC), 0);
    assertThat(lenient.records(RecordKind.CHANGES, TimeWindow.ending(NOW, Duration.ofDays(7))).rows()).hasSize(1);
    assertThat(lenient.skipped()).extracting(SkippedRow::line).containsExactly(3L);
  }

  @Test
  void aParquetFileIsReadOrNamedWithTheWayToReadItInsteadOfMissing(@TempDir Path parquetDir) throws IOException {
    Files.write(parquetDir.resolve("costs.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 'P', 'A', 'R', '1'});
    MetricSource s = new FilesSourceProvider().create(SourceContext.of("exports", Map.of("dir", parquetDir.toString()),
        Clock.fixed(NOW, ZoneOffset.UTC), parquetDir));
    assertThat(s.describe().recordKinds()).containsExactly("costs");
    // A Parquet file with no row group and no schema: DuckDB (a test dependency here) cannot read it, and says so.
    assertThatThrownBy(() -> s.records(RecordKind.COSTS, ALL)).isInstanceOf(io.companyos.sources.BadDataException.class)
        .hasMessageContaining("cannot read it as Parquet");
    // Without DuckDB's driver on the class path, the error says what to add or how else to read it.
    assertThatThrownBy(() -> ((FilesSource) s).withParquetReadable(false).records(RecordKind.COSTS, ALL))
        .isInstanceOf(io.companyos.sources.SourceConfigException.class)
        .hasMessageContaining("costs.parquet is Parquet, which the files source reads through DuckDB's JDBC driver")
        .satisfies(e -> assertThat(((io.companyos.sources.SourceException) e).hint()).contains("jdbc source", "duckdb_jdbc"));
  }
}
