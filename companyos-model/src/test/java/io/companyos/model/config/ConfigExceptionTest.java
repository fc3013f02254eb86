package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.base.CompanyOsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

  @Test
  void problemsAreSortedAndTheFirstBecomesTheExceptionsOwnCodeAndLocation() {
    ConfigProblem late = new ConfigProblem(ProblemCode.INVALID_CRON, "p.yaml", 9, 3, "bad cron", null);
    ConfigProblem early = new ConfigProblem(ProblemCode.UNKNOWN_KEY, "p.yaml", 2, 1, "unknown key 'x'", "did you mean 'y'?");
    ConfigException e = new ConfigException(List.of(late, early));

    assertThat(e).isInstanceOf(CompanyOsException.class);
    assertThat(e.problems()).containsExactly(early, late);
    assertThat(e.code()).isEqualTo("COS-YAML-002");
    assertThat(e.location()).isEqualTo("p.yaml:2:1");
    assertThat(e.getMessage()).isEqualTo("unknown key 'x' (and 1 more problems)");
    assertThat(early.oneLine()).isEqualTo("p.yaml:2:1: COS-YAML-002 unknown key 'x' (did you mean 'y'?)");
  }

  @Test
  void aWholeFileProblemHasNoPosition() {
    ConfigProblem p = new ConfigProblem(ProblemCode.TOO_LARGE, "big.yaml", 0, 0, "too large", null);
    assertThat(p.oneLine()).isEqualTo("big.yaml: COS-YAML-017 too large");
  }

  @Test
  void anExceptionNeedsAProblem() {
    assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesAreUniqueAndNumberedInOrder() {
    // Each family (COS-YAML for definition files, COS-SLO for SLO specs) is numbered from 001 without gaps, in order.
    java.util.Map<String, Integer> next = new java.util.HashMap<>();
    for (ProblemCode c : ProblemCode.values()) {
      String family = c.code().substring(0, c.code().lastIndexOf('-'));
      int n = next.merge(family, 1, Integer::sum);
      assertThat(c.code()).isEqualTo(String.format("%s-%03d", family, n));
    }
    assertThat(next).containsOnlyKeys("COS-YAML", "COS-SLO");
  }

  @Test
  void kindsAreDetectedByKeyThenFileNameThenDirectory() {
    assertThat(DefinitionKind.detect("x.yaml", "", List.of("health_checks"))).contains(DefinitionKind.HEALTH_CHECKS);
    assertThat(DefinitionKind.detect("x.yaml", "", List.of("name", "sections"))).contains(DefinitionKind.PACK);
    assertThat(DefinitionKind.detect("raci.yml", "", List.of("foo"))).contains(DefinitionKind.RACI);
    assertThat(DefinitionKind.detect("x.yaml", "meeting-packs", List.of("foo"))).contains(DefinitionKind.PACK);
    assertThat(DefinitionKind.detect("x.yaml", "", List.of("foo"))).isEmpty();
  }
}
