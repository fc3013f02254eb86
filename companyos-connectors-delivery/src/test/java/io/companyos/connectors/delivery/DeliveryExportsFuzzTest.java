package io.companyos.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.Deployment;
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
 * Whatever bytes a GitHub or GitLab export holds, reading it gives records, or a {@link DeliveryExportException} located
 * in that file with a {@code COS-GIT} code (strict), or the file listed as skipped with its location (lenient); never
 * another exception. The last byte picks the file name and the mode, the rest is the file. In {@code mvn verify} this
 * replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/delivery/DeliveryExportsFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class DeliveryExportsFuzzTest {
  private static final String[] NAMES = {"deployments.json", "statuses.json", "pulls.json", "merge_requests.json"};

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesRecordsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      DeliveryExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient", Map.of());
      try {
        List<Deployment> rows = source.records(RecordKind.DEPLOYMENTS, Fixtures.ALL).rows();
        assertThat(rows).doesNotContainNull();
        assertThat(source.records(RecordKind.PULL_REQUESTS, Fixtures.ALL).rows()).allSatisfy(p ->
            assertThat(p.closedAt() == null || !p.closedAt().isBefore(p.openedAt())).isTrue());
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-GIT-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (DeliveryExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-GIT-");
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
