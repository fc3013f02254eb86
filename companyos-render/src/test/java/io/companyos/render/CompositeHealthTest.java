package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.scoring.health.HealthScore;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CompositeHealthTest {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void theScoreIsTheExecReviewsHeadlineWithAnExplanationThatAddsUp() {
    CompanyDefinition company = BuiltinDefinitions.load();
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.fixed(AS_OF, ZoneOffset.UTC))) {
      HealthScore score = CompositeHealth.evaluate(company, sources.all(), AS_OF, ZoneId.of("UTC"));
      assertThat(score.score()).isPresent();
      double s = score.score().getAsDouble();
      assertThat(s).isBetween(0.0, 100.0);
      // The printed KPI points add up exactly to the score (tenths).
      assertThat(Math.round(score.kpis().stream().mapToDouble(HealthScore.KpiContribution::points).sum() * 10)).isEqualTo(Math.round(s * 10));
      // The exec review's headline shows the same number, rounded.
      PackDocument exec = new PackAssembler(company, sources.all()).assemble(
          company.packs().stream().filter(p -> p.id().equals("exec-review")).findFirst().orElseThrow(), AS_OF, ZoneId.of("UTC"));
      assertThat(exec.summary().headline()).startsWith("Health score " + Math.round(s) + "/100");
    }
  }
}
