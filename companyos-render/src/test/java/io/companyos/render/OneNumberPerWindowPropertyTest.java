package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.companyos.model.pack.PackDefinition;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.health.HealthScore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Over every built-in pack at many as-ofs: a health score shown for one window has one value, wherever it
 * appears (any section, any pack, the supporting sections behind a summary, and the headline score of the
 * badge and {@code score health}); and its footnote's window is the window it was computed over.
 */
class OneNumberPerWindowPropertyTest {
  static final List<String> HEALTH_FIELDS = List.of("health_score", "q_start_score", "q_end_score");

  @Test
  void theHealthScoreOfAWindowIsOneNumberAcrossEveryPack() {
    // As-ofs from 2026-04-01 to the sample's as-of, at any hour.
    qt().withExamples(6).forAll(integers().between(0, 236 * 24)).checkAssert(hours -> {
      Instant asOf = Instant.parse("2026-04-01T00:00:00Z").plus(Duration.ofHours(hours));
      PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(SampleCompany.SOURCE));
      Map<TimeWindow, Double> seen = new HashMap<>();
      for (PackDefinition pack : SampleCompany.COMPANY.packs()) {
        PackDocument doc = assembler.assemble(pack, asOf, SampleCompany.UTC);
        Stream.concat(doc.sections().stream(), doc.supporting().stream()).flatMap(s -> s.fields().stream())
            .filter(f -> HEALTH_FIELDS.contains(f.key()) && f.value().value() != null).forEach(f -> {
              MetricValue v = f.value();
              TimeWindow w = v.provenance().window();
              Double before = seen.putIfAbsent(w, v.value());
              assertThat(v.value()).as(pack.id() + " " + f.key() + " over " + w + " at " + asOf).isEqualTo(before == null ? v.value() : before);
            });
      }
      // Dimension scores: one value per (dimension, window) in every table that shows one.
      Map<String, Double> dims = new HashMap<>();
      for (PackDefinition pack : SampleCompany.COMPANY.packs()) {
        PackDocument doc = assembler.assemble(pack, asOf, SampleCompany.UTC);
        doc.sections().stream().filter(x -> x.type().equals("dimension_scores") || x.type().equals("dimension_comparison"))
            .flatMap(x -> x.tables().stream()).flatMap(t -> t.rows().stream()).forEach(row -> {
              for (MetricValue v : row.subList(1, row.size())) {
                if (v.unit() == Unit.SCORE && v.value() != null) {
                  String key = row.get(0).text() + " over " + v.provenance().window();
                  Double before = dims.putIfAbsent(key, v.value());
                  assertThat(v.value()).as(pack.id() + " " + key + " at " + asOf).isEqualTo(before == null ? v.value() : before);
                }
              }
            });
      }
      // The headline (badge, Actuator, score health) is the value of its window wherever a pack shows that window.
      HealthScore headline = assembler.healthScore(asOf, SampleCompany.UTC);
      Double shown = seen.get(assembler.healthWindow(asOf, SampleCompany.UTC));
      if (shown != null && headline.score().isPresent()) {
        assertThat(headline.score().getAsDouble()).as("headline at " + asOf).isEqualTo(shown);
      }
    });
  }

  @Test
  void everyHealthScoreIsComputedOverTheWindowItsFootnoteNames() {
    PackDocument exec = SampleCompany.assemble("exec-review");
    PackSection summary = exec.section("executive_summary").orElseThrow();
    MetricValue score = summary.fields().get(0).value();
    // The section reports November 1-22 and the score's footnote names exactly that window.
    assertThat(score.provenance().window()).isEqualTo(summary.window());
    assertThat(score.provenance().window())
        .isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
  }

  /** Every value of a pack: fields, table cells and list items, shown and supporting sections alike. */
  static Stream<MetricValue> values(PackDocument doc) {
    return Stream.concat(doc.sections().stream(), doc.supporting().stream()).flatMap(s -> Stream.of(
        s.fields().stream().map(Field::value),
        s.tables().stream().flatMap(t -> t.rows().stream()).flatMap(List::stream),
        s.items().stream()).flatMap(x -> x));
  }

  @Test
  void everyKpiOverOneWindowHasOneValueAcrossEveryPackAndIsInTheCatalog() {
    qt().withExamples(5).forAll(integers().between(0, 236 * 24)).checkAssert(hours -> {
      Instant asOf = Instant.parse("2026-04-01T00:00:00Z").plus(Duration.ofHours(hours));
      PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(SampleCompany.SOURCE));
      Map<String, Double> seen = new HashMap<>();
      java.util.Set<String> kpis = new java.util.TreeSet<>();
      for (PackDefinition pack : SampleCompany.COMPANY.packs()) {
        values(assembler.assemble(pack, asOf, SampleCompany.UTC)).filter(v -> v.kpi() != null && v.value() != null).forEach(v -> {
          kpis.add(v.kpi());
          String key = v.kpi() + " over " + v.provenance().window();
          Double before = seen.putIfAbsent(key, v.value());
          assertThat(v.value()).as(pack.id() + " " + key + " at " + asOf).isEqualTo(before == null ? v.value() : before);
        });
      }
      assertThat(kpis).allMatch(id -> io.companyos.scoring.catalog.KpiCatalog.find(id).isPresent());
      // The packs tag the health score, the DORA keys, FinOps, product, revenue and compliance KPIs.
      assertThat(kpis).contains("health_score", "change_failure_rate", "cost_per_mau", "cloud_spend", "dau", "nrr",
          "gross_margin", "nps", "compliance_controls");
    });
  }
}
