package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.DefinitionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A company's health-model.yaml sets the weights and bands every pack's health score uses. */
class HealthModelFromYamlTest {
  @TempDir Path dir;

  @Test
  void aReliabilityOnlyModelScoresTheCompositeAsTheReliabilityDimension() throws IOException {
    Files.writeString(dir.resolve("health-model.yaml"), """
        health_model:
          bands: {healthy: 99, watch: 98}
          dimensions:
            - id: reliability
              weight: 1
              kpis: {slo_budget_consumed: 2, p1p2_incidents: 1, mttr_hours: 1}
        """);
    CompanyDefinition company = new DefinitionLoader().load(List.of(dir));
    PackDocument doc = new PackAssembler(company, List.of(SampleCompany.SOURCE))
        .assemble(company.pack("exec-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    PackSection dims = doc.section("dimension_scores").orElseThrow();
    // One row: the only dimension the company weights.
    assertThat(dims.tables().get(0).rows()).hasSize(1);
    MetricValue reliability = dims.tables().get(0).rows().get(0).get(1);
    MetricValue overall = doc.section("executive_summary").orElseThrow().fields().get(0).value();
    // With one dimension the composite is that dimension's score.
    assertThat(overall.value()).isEqualTo(reliability.value());
    // Below the company's watch band of 98: at risk.
    assertThat(doc.section("executive_summary").orElseThrow().fields().get(1).value().text()).isEqualTo("At risk");

    PackDocument standard = SampleCompany.assemble("exec-review");
    assertThat(standard.section("dimension_scores").orElseThrow().tables().get(0).rows()).hasSize(5);
  }
}
