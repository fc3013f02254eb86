package io.companyos.model.slo.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.model.config.ConfigException;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.slo.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whatever bytes an SLO spec file holds (OpenSLO v1, Sloth {@code prometheus/v1}, Pyrra, or none of them), reading it
 * gives SLOs (names unique, objectives inside (0, 1), each located in the file) and located warnings, or a
 * {@link ConfigException} whose problems are all located in that file with a {@code COS-SLO} code (or the
 * {@code COS-YAML} code of a YAML problem found before any SLO could be read); never another exception. In
 * {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/model/slo/specs/SloSpecsFuzzTestInputs/} (the OpenSLO, Sloth and Pyrra
 * fixtures and hostile cases); run it with {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class SloSpecsFuzzTest {
  @FuzzTest(maxDuration = "3m")
  void anySpecFileGivesSpecsOrLocatedProblems(FuzzedDataProvider data) throws IOException {
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("slo-fuzz");
    Path file = dir.resolve("slos.yaml");
    try {
      Files.write(file, bytes);
      SloSpecs specs = SloSpecs.read(List.of(file));
      Set<String> names = new HashSet<>();
      for (SloSpec s : specs.slos()) {
        assertThat(names.add(s.name())).as("name %s unique", s.name()).isTrue();
        assertThat(s.objective()).isStrictlyBetween(0.0, 1.0);
        assertThat(s.origin()).startsWith(file.toString());
      }
      assertThat(specs.warnings()).allSatisfy(w -> assertThat(w).startsWith(file + ":").contains("COS-SLO-004"));
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
      for (ConfigProblem p : e.problems()) {
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.line()).isNotNegative();
        assertThat(p.column()).isNotNegative();
        assertThat(p.message()).isNotBlank();
        assertThat(p.code().code()).as(p.oneLine()).matches("COS-(SLO|YAML)-\\d{3}");
      }
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }
}
