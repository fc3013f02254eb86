package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import org.junit.jupiter.api.Test;

/** Law: writing any valid definition as YAML and loading it back gives an equal value. */
class RoundTripTest {
  private final DefinitionLoader loader = new DefinitionLoader();
  private final DefinitionWriter writer = new DefinitionWriter();

  @Test
  void anyGeneratedPackRoundTripsThroughYaml() {
    qt().withExamples(300).forAll(DefinitionGenerators.packs()).checkAssert(pack ->
        assertThat(loader.parsePack(pack.id() + ".yaml", pack.id(), writer.write(pack))).isEqualTo(pack));
  }

  @Test
  void anyGeneratedHealthCheckListRoundTripsThroughYaml() {
    qt().withExamples(200).forAll(DefinitionGenerators.healthChecks()).checkAssert(checks ->
        assertThat(loader.parseHealthChecks("health-checks.yaml", writer.write(checks))).isEqualTo(checks));
  }

  @Test
  void anyGeneratedRhythmRoundTripsThroughYaml() {
    qt().withExamples(200).forAll(DefinitionGenerators.rhythms()).checkAssert(rhythm ->
        assertThat(loader.parseRhythm("rhythm.yaml", writer.write(rhythm))).isEqualTo(rhythm));
  }

  @Test
  void theBuiltinDefinitionsRoundTripFileByFile() {
    CompanyDefinition def = BuiltinDefinitions.load();
    for (PackDefinition p : def.packs()) {
      assertThat(loader.parsePack(p.id() + ".yaml", p.id(), writer.write(p))).isEqualTo(p);
    }
    assertThat(loader.parse("roles.yaml", writer.write(def.roles()))).isEqualTo(def.roles());
    assertThat(loader.parse("raci.yaml", writer.write(def.raci()))).isEqualTo(def.raci());
    assertThat(loader.parse("dashboards.yaml", writer.writeDashboards(def.dashboards()))).isEqualTo(def.dashboards());
    assertThat(loader.parse("kpis.yaml", writer.writeKpis(def.kpis()))).isEqualTo(def.kpis());
    assertThat(loader.parseRhythm("rhythm.yaml", writer.write(def.rhythm()))).isEqualTo(def.rhythm());
    assertThat(loader.parseHealthChecks("h.yaml", writer.write(def.healthChecks()))).isEqualTo(def.healthChecks());
  }
}
