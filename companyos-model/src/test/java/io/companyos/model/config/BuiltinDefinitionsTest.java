package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import org.junit.jupiter.api.Test;

class BuiltinDefinitionsTest {

  @Test
  void builtinDefinitionsLoadWithoutProblems() {
    assertThat(new DefinitionLoader().validateBuiltin()).isEmpty();
    CompanyDefinition def = BuiltinDefinitions.load();
    assertThat(def.packIds()).containsExactlyInAnyOrderElementsOf(BuiltinDefinitions.PACK_IDS);
    assertThat(def.rhythm().meetings()).hasSize(11);
  }
}
