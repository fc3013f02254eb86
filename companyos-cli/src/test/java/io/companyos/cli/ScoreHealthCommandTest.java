package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScoreHealthCommandTest {
  @Test
  void theExplanationAddsUpToTheScore() throws Exception {
    MainTest.Result r = MainTest.run("score", "health", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("as_of").asText()).isEqualTo("2026-11-23T09:00:00Z");
    double sum = 0;
    for (JsonNode k : j.get("kpis")) {
      sum += k.get("points").asDouble();
    }
    assertThat(Math.round(sum * 10)).isEqualTo(Math.round(j.get("score").asDouble() * 10));
    assertThat(j.get("kpis")).hasSize(15);
    assertThat(j.get("status").asText()).isIn("Healthy", "Watch", "At risk");
  }

  @Test
  void theTextTableNamesEveryDimension() {
    MainTest.Result r = MainTest.run("score", "health");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Health score ").contains("reliability", "security", "product", "financials", "efficiency", "total");
  }
}
