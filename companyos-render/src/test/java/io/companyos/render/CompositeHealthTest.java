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
      // The exec review's headline shows the same number over the same window, not rounded a second time.
      PackDocument exec = new PackAssembler(company, sources.all()).assemble(
          company.packs().stream().filter(p -> p.id().equals("exec-review")).findFirst().orElseThrow(), AS_OF, ZoneId.of("UTC"));
      assertThat(exec.summary().headline()).startsWith("Health score " + Unit.SCORE.format(s) + "/100")
          .contains(" for 2026-11-01 to 2026-11-22,");
      assertThat(new PackAssembler(company, sources.all()).healthWindow(AS_OF, ZoneId.of("UTC")))
          .isEqualTo(new io.companyos.model.time.TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
    }
  }
}
