package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a definition file holds, the loader either returns a value or throws a
 * {@link ConfigException} with at least one located problem; any other exception or error is a
 * bug. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/model/config/DefinitionLoaderFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class DefinitionLoaderFuzzTest {
  /** The last byte of an input picks the name (its value modulo the count; new names go at the end, so seeds keep theirs). */
  private static final String[] NAMES = {"meeting-packs/ops-review.yaml", "health-checks.yaml", "rhythm.yaml",
      "roles.yaml", "raci.yaml", "dashboards.yaml", "kpis.yaml", "other.yaml", "sources.yaml", "recommendations.yaml",
      "health-model.yaml"};

  private final DefinitionLoader loader = new DefinitionLoader();

  @FuzzTest(maxDuration = "3m")
  void loaderFailsOnlyWithLocatedConfigProblems(FuzzedDataProvider data) {
    String name = data.pickValue(NAMES);
    String yaml = data.consumeRemainingAsString();
    try {
      Object value = loader.parse(name, yaml);
      assertThat(value).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
      for (ConfigProblem p : e.problems()) {
        assertThat(p.line()).isNotNegative();
        assertThat(p.column()).isNotNegative();
        assertThat(p.message()).isNotBlank();
      }
    }
  }
}
