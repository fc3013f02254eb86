package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NDJSON, JSON Lines and JSON-array data files: the same records as the CSV they stand for. */
class JsonFilesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("2000-01-01T00:00:00Z"), NOW);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FilesSource files(Path dir, boolean strict) {
    return new FilesSource("files", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The rows of a CSV text as JSON objects of strings, header names as keys (empty cells left out). */
  private static List<ObjectNode> objects(String csvText) throws Exception {
    List<ObjectNode> out = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new java.io.ByteArrayInputStream(csvText.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      List<String> header = csv.next().fields();
      for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < header.size() && i < r.fields().size(); i++) {
          if (!r.fields().get(i).isEmpty()) {
            o.put(header.get(i), r.fields().get(i));
          }
        }
        out.add(o);
      }
    }
    return out;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void everyKindOfTheSampleExportReadsTheSameAsNdjsonAndAsAJsonArray(@TempDir Path dir) throws Exception {
    MetricSource sample = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), dir));
    Path csv = Files.createDirectories(dir.resolve("csv"));
    Path ndjson = Files.createDirectories(dir.resolve("ndjson"));
    Path array = Files.createDirectories(dir.resolve("array"));
    for (Path f : FilesWriter.export(sample, TimeWindow.ending(NOW, Duration.ofDays(100)), csv)) {
      String kind = f.getFileName().toString().replace(".csv", "");
      List<ObjectNode> rows = objects(Files.readString(f));
      StringBuilder lines = new StringBuilder();
      for (ObjectNode o : rows) {
        lines.append(JSON.writeValueAsString(o)).append('\n');
      }
      // NDJSON gzipped for half the kinds, plain for the others; the array pretty-printed over many lines.
      if (kind.hashCode() % 2 == 0) {
        Files.write(ndjson.resolve(kind + ".ndjson.gz"), gzip(lines.toString().getBytes(StandardCharsets.UTF_8)));
      } else {
        Files.writeString(ndjson.resolve(kind + ".ndjson"), lines);
      }
      Files.writeString(array.resolve(kind + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }
    FilesSource a = files(csv, true);
    long total = 0;
    for (FilesSource b : List.of(files(ndjson, true), files(array, true))) {
      assertThat(b.describe().recordKinds()).isEqualTo(a.describe().recordKinds());
      for (FileFormat<?> format : FileFormats.all()) {
        if (!a.describe().recordKinds().contains(format.kind().name())) {
          continue;
        }
        Dataset<?> expected = a.records(format.kind(), ALL);
        assertThat(b.records(format.kind(), ALL).rows()).as(format.kind().name()).isEqualTo(expected.rows());
        total += expected.rows().size();
      }
    }
    assertThat(total).isGreaterThan(2_000);
  }

  @Test
  void jsonValuesBecomeCellsNumbersListsNullsAndObjects(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("deployments.jsonl"), """
        {"deploy_id": "d-1", "time_created": "2026-11-20T10:00:00Z", "changes": ["c-1", "c-2"], "status": "failure"}

        {"deploy_id": 42, "time_created": "2026-11-21T10:00:00Z", "changes": null}
        """);
    Files.writeString(dir.resolve("incidents.json"), """
        [
          {"incident_id": "i-1", "time_created": "2026-11-20T11:00:00Z", "time_resolved": "2026-11-20T13:30:00Z",
           "severity": "P1", "service": "checkout", "title": "Payments fail", "root_cause_deploy": "d-1",
           "extra": {"ignored": true}}
        ]
        """);
    FilesSource f = files(dir, true);
    List<Deployment> deployments = f.records(RecordKind.DEPLOYMENTS, ALL).rows();
    assertThat(deployments).extracting(Deployment::deployId).containsExactly("d-1", "42");
    assertThat(deployments.get(0).changes()).containsExactly("c-1", "c-2");
    assertThat(deployments.get(1).changes()).isEmpty();
    Incident i = f.records(RecordKind.INCIDENTS, ALL).rows().get(0);
    // Resolved 2 h 30 min after it was created.
    assertThat(Duration.between(i.timeCreated(), i.timeResolved())).isEqualTo(Duration.ofMinutes(150));
    assertThat(i.rootCauseDeploy()).isEqualTo("d-1");
  }

  @Test
  void aBadObjectAndBadJsonAreLocatedAtTheirLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("deployments.ndjson"), """
        {"deploy_id": "d-1", "time_created": "2026-11-20T10:00:00Z"}
        {"deploy_id": "d-2", "time_created": "last tuesday"}
        """);
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.DEPLOYMENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.oneLine())
            .startsWith("deployments.ndjson:2: COS-SRC-003 time_created:"));
    Dataset<Deployment> lenient = files(dir, false).records(RecordKind.DEPLOYMENTS, ALL);
    assertThat(lenient.rows()).extracting(Deployment::deployId).containsExactly("d-1");
    assertThat(lenient.provenance().query()).isEqualTo("deployments.ndjson, 1 bad rows skipped");

    Files.writeString(dir.resolve("deployments.ndjson"), """
        {"deploy_id": "d-1", "time_created": "2026-11-20T10:00:00Z"}
        {"deploy_id": "d-2", "time_created":
        """);
    assertThatThrownBy(() -> files(dir, false).records(RecordKind.DEPLOYMENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.oneLine())
            .startsWith("deployments.ndjson:").contains("COS-SRC-003 not valid JSON"));

    Files.writeString(dir.resolve("deployments.ndjson"), "[\"d-1\"]\n");
    assertThatThrownBy(() -> files(dir, true).records(RecordKind.DEPLOYMENTS, ALL))
        .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.oneLine())
            .startsWith("deployments.ndjson:1: COS-SRC-003 each row must be a JSON object ({\"column\": value, ...}), "
                + "found a string"));
    // What was found instead of an object is named (it read "found null" for every value but null, true and false).
    for (String[] c : new String[][] {{"42\n", "a number"}, {"\"x\"\n", "a string"}, {"[[1]]\n", "an array"},
        {"null\n", "null"}, {"true\n", "true"}}) {
      Files.writeString(dir.resolve("deployments.ndjson"), c[0]);
      assertThatThrownBy(() -> files(dir, true).records(RecordKind.DEPLOYMENTS, ALL))
          .isInstanceOfSatisfying(BadDataException.class, e -> assertThat(e.getMessage()).as(c[0])
              .contains("each row must be a JSON object ({\"column\": value, ...}), found " + c[1]));
    }
  }
}
