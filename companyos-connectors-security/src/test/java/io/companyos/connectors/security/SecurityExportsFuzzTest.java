package io.companyos.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.data.Vulnerability;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whatever bytes a scanner's export holds (the JSON of SARIF, CycloneDX, OSV, Trivy or Dependabot), reading it gives
 * findings, or a {@link SecurityExportException} located in that file with a {@code COS-VULN} code (strict), or the file
 * listed as skipped with its location (lenient); never another exception. The last byte picks the file name and the
 * mode, the rest is the file. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/connectors/security/SecurityExportsFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class SecurityExportsFuzzTest {
  private static final String[] NAMES = {"report.json", "scan.sarif", "alerts.json", "bom.cdx.json", "osv.json"};

  @FuzzTest(maxDuration = "3m")
  void anyExportGivesFindingsOrALocatedError(FuzzedDataProvider data) throws IOException {
    int pick = data.consumeInt(0, 2 * NAMES.length - 1);
    String name = NAMES[pick % NAMES.length];
    boolean strict = pick >= NAMES.length;
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.write(dir.resolve(name), bytes);
      SecurityExportsSource source = Fixtures.source(dir, strict ? "strict" : "lenient");
      try {
        List<Vulnerability> rows = source.records(RecordKind.VULNERABILITIES, Fixtures.ALL).rows();
        assertThat(rows).doesNotContainNull();
        assertThat(source.skipped()).allSatisfy(s -> {
          assertThat(s.file()).isEqualTo(name);
          assertThat(s.code()).startsWith("COS-VULN-");
          assertThat(s.line()).isNotNegative();
        });
      } catch (SecurityExportException e) {
        assertThat(strict).as(e.oneLine()).isTrue();
        assertThat(e.code()).startsWith("COS-VULN-");
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
