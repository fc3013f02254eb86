package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.RecordKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random incidents with awkward text (quotes, commas, semicolons, line breaks, non-ASCII, optional values) written as CSV,
 * a JSON array or NDJSON, with or without a byte-order mark, with LF or CRLF line ends, plain or gzipped, read back as
 * exactly the incidents written (in time order, as the source serves rows).
 */
class RecordFilesRoundTripTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final TimeWindow ALL = new TimeWindow(Instant.parse("2000-01-01T00:00:00Z"), NOW);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TEXT = {"api", "a \"quoted\" word", "comma, inside", "line\nbreak", "ünïcødé ✓", "semi;colon",
      "tab\there", "'single'", "\"", "x,\"y\"\nz", "日本語"};
  private static final String[] COLUMNS = {"incident_id", "time_created", "time_resolved", "severity", "service", "title",
      "root_cause_deploy"};

  @TempDir Path dir;

  /** An incident made from {@code seed}, the {@code n}-th of its file (ids are unique). */
  static Incident incident(int n, int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Instant created = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * r.nextInt(3_000_000)).plusMillis(r.nextInt(3) == 0 ? r.nextInt(1000) : 0);
    Instant resolved = r.nextBoolean() ? created.plusSeconds(r.nextInt(500_000)) : null;
    return new Incident("i-" + n + "-" + TEXT[r.nextInt(TEXT.length)], created, resolved, "P" + (1 + r.nextInt(4)),
        TEXT[r.nextInt(TEXT.length)], TEXT[r.nextInt(TEXT.length)], r.nextBoolean() ? "d-" + TEXT[r.nextInt(TEXT.length)] : null);
  }

  static List<String> cells(Incident i) {
    return List.of(i.incidentId(), i.timeCreated().toString(), i.timeResolved() == null ? "" : i.timeResolved().toString(),
        i.severity(), i.service(), i.title(), i.rootCauseDeploy() == null ? "" : i.rootCauseDeploy());
  }

  static String csv(List<Incident> incidents) throws IOException {
    StringWriter w = new StringWriter();
    CsvWriter csv = new CsvWriter(w);
    csv.row(List.of(COLUMNS));
    for (Incident i : incidents) {
      csv.row(cells(i));
    }
    return w.toString();
  }

  static ObjectNode object(Incident i) {
    ObjectNode o = JSON.createObjectNode();
    List<String> c = cells(i);
    for (int k = 0; k < COLUMNS.length; k++) {
      if (c.get(k).isEmpty()) {
        o.putNull(COLUMNS[k]);
      } else {
        o.put(COLUMNS[k], c.get(k));
      }
    }
    return o;
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void incidentsReadBackAsWrittenInEveryFormatEncodingAndLineEnd() {
    qt().withExamples(150).forAll(lists().of(integers().all()).ofSizeBetween(0, 25), integers().between(0, 23)).checkAssert((seeds, style) -> {
      try {
        List<Incident> written = new ArrayList<>();
        for (int n = 0; n < seeds.size(); n++) {
          written.add(incident(n, seeds.get(n)));
        }
        int format = style % 3; // 0 CSV, 1 JSON array, 2 NDJSON
        boolean crlf = (style / 3 & 1) == 1;
        boolean bom = (style / 6 & 1) == 1;
        boolean gzipped = style / 12 == 1;
        String text;
        String name;
        if (format == 0) {
          text = csv(written);
          name = "incidents.csv";
        } else if (format == 1) {
          text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written.stream().map(RecordFilesRoundTripTest::object).toList());
          name = "incidents.json";
        } else {
          StringBuilder lines = new StringBuilder();
          for (Incident i : written) {
            lines.append(JSON.writeValueAsString(object(i))).append('\n');
          }
          text = lines.toString();
          name = "incidents.ndjson";
        }
        text = text.replace("\r\n", "\n");
        if (crlf) {
          text = text.replace("\n", "\r\n");
        }
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        Path folder = Files.createTempDirectory(dir, "f");
        if (gzipped) {
          Files.write(folder.resolve(name + ".gz"), gzip(bytes));
        } else {
          Files.write(folder.resolve(name), bytes);
        }
        FilesSource source = new FilesSource("files", folder, true, Clock.fixed(NOW, ZoneOffset.UTC));
        if (format == 2 && written.isEmpty()) {
          // An NDJSON file of no lines is an empty file: no data, said so, never zero rows.
          assertThatThrownBy(() -> source.records(RecordKind.INCIDENTS, ALL)).isInstanceOf(BadDataException.class)
              .hasMessageContaining("the file is empty");
          return;
        }
        // The source serves rows in time order.
        assertThat(source.records(RecordKind.INCIDENTS, ALL).rows()).as("%s crlf=%s bom=%s gzip=%s", name, crlf, bom, gzipped)
            .containsExactlyInAnyOrderElementsOf(written).isSortedAccordingTo(java.util.Comparator.comparing(Incident::timeCreated));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
