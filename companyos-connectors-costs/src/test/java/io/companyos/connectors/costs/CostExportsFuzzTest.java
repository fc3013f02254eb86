package io.companyos.connectors.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.CostRow;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whatever bytes a cost export holds (a FOCUS CSV, plain or gzip, an AWS or Azure manifest), reading it gives cost rows,
 * or a {@link CostExportException} located in that file with a {@code COS-COST} code (strict), or the file listed as
 * skipped with its location (lenient); never another exception. The first byte picks the file name and the mode, the
 * rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/costs/CostExportsFuzzTestInputs/}; run it with {@code JAZZER_FUZZ=1}
 * to fuzz (see docs/testing.md).
 */
class CostExportsFuzzTest {
  private static final String[] NAMES = {"focus.csv", "part-00001.csv.gz", "x/metadata/BILLING_PERIOD=2026-10/x-Manifest.json",
      "e/20261001-20261031/run/manifest.json"};

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesCostRowsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      CostExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient");
      try {
        List<CostRow> rows = source.records(RecordKind.COSTS, Fixtures.ALL).rows();
        assertThat(rows).doesNotContainNull();
        assertThat(rows).allSatisfy(r -> assertThat(r.chargePeriodEnd()).isAfterOrEqualTo(r.chargePeriodStart()));
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-COST-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (CostExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-COST-");
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
