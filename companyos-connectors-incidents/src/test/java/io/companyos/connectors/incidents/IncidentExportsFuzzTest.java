package io.companyos.connectors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.Incident;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whatever bytes an incident export holds (PagerDuty JSON, another tool's CSV or JSON), reading it gives incidents, or
 * an {@link IncidentExportException} located in that file with a {@code COS-INC} code (strict), or the file listed as
 * skipped with its location (lenient); never another exception. The last byte picks the file name and the mode, the
 * rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/incidents/IncidentExportsFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class IncidentExportsFuzzTest {
  private static final String[] NAMES = {"incidents.json", "log-entries.json", "export.csv"};

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesIncidentsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      IncidentExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient", Map.of("time_zone", "UTC"));
      try {
        List<Incident> rows = source.records(RecordKind.INCIDENTS, Fixtures.ALL).rows();
        assertThat(rows).doesNotContainNull();
        assertThat(rows).allSatisfy(i -> assertThat(i.timeResolved() == null || !i.timeResolved().isBefore(i.timeCreated())).isTrue());
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-INC-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (IncidentExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-INC-");
        assertThat(e.location()).as(e.oneLine()).startsWith(name);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
