package io.companyos.scoring.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.scoring.health.Kpi;
import io.companyos.scoring.health.StandardHealthModel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The catalog names real functions, covers the health model, and docs/kpis.md is generated from it. */
class KpiCatalogTest {
  @Test
  void everyKpiNamesAPublicStaticScoringFunctionOrAReading() throws ClassNotFoundException {
    for (KpiDefinition k : KpiCatalog.all()) {
      if (k.function().startsWith(KpiCatalog.READING)) {
        assertThat(k.function().substring(KpiCatalog.READING.length())).as(k.id()).startsWith("companyos:");
        continue;
      }
      int dot = k.function().lastIndexOf('.');
      Class<?> type = Class.forName("io.companyos.scoring." + k.function().substring(0, dot));
      String method = k.function().substring(dot + 1);
      assertThat(Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method))
          .map(Method::getModifiers)).as(k.id() + " -> " + k.function()).anyMatch(Modifier::isStatic);
    }
  }

  @Test
  void everyKpiOfTheStandardHealthModelIsInTheCatalogWithTheSameGoodDirection() {
    for (Kpi k : StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel()).kpis()) {
      assertThat(KpiCatalog.find(k.id())).as(k.id()).hasValueSatisfying(d -> assertThat(d.good()).isEqualTo(k.good()));
    }
  }

  @Test
  void docsKpisMdIsGeneratedFromTheCatalog() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "kpis.md"));
    assertThat(doc).as("docs/kpis.md is stale: regenerate the table with `companyos kpis --catalog`")
        .contains(KpiCatalog.markdown());
  }

  @Test
  void aQualifiedIdFindsItsKpiButAnUnknownBaseDoesNot() {
    assertThat(KpiCatalog.find("dimension_score:reliability")).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("dimension_score"));
    assertThat(KpiCatalog.find("vulnerabilities_open:critical/high")).isPresent();
    assertThat(KpiCatalog.find("no_such_kpi:x")).isEmpty();
    assertThat(KpiCatalog.find(":x")).isEmpty();
  }
}
