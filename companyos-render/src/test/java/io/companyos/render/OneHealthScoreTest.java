package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.health.HealthScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The health score is computed once per (window, as-of) and every place that shows it for that window shows the
 * same number, with the window named: the exec review, the board pack, the badge and {@code score health} show
 * the month to date; the QBR and the planning pack show the quarter to date.
 */
class OneHealthScoreTest {
  static final TimeWindow NOV_1_22 = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
  static final TimeWindow Q4_TO_NOV_22 = new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

  static MetricValue field(PackDocument doc, String type, String key) {
    return Stream.concat(doc.sections().stream(), doc.supporting().stream()).filter(s -> s.type().equals(type))
        .flatMap(s -> s.fields().stream()).filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void theMonthToDateScoreIsOneNumberInEveryPackAndEndpoint() {
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(SampleCompany.SOURCE));
    HealthScore headline = assembler.healthScore(SampleCompany.AS_OF, SampleCompany.UTC);
    double score = headline.score().getAsDouble();
    List<Double> shown = new ArrayList<>();
    for (String pack : List.of("exec-review", "board-pack")) {
      PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack(pack).orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
      MetricValue v = field(doc, "executive_summary", "health_score");
      assertThat(v.provenance().window()).as(pack).isEqualTo(NOV_1_22);
      shown.add(v.value());
      // The headline names the window it was computed over and is the value as computed (tenths), not rounded again.
      assertThat(doc.summary().headline()).as(pack)
          .startsWith("Health score " + Unit.SCORE.format(score) + "/100").contains("for 2026-11-01 to 2026-11-22");
    }
    assertThat(shown).containsOnly(score);
    assertThat(HealthBadge.svg(headline)).contains(">" + Unit.SCORE.format(score) + "/100<");
  }

  @Test
  void quarterlyPacksShowTheQuarterToDateAndSayWhichWindow() {
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(SampleCompany.SOURCE));
    PackDocument qbr = assembler.assemble(SampleCompany.COMPANY.pack("qbr").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    PackDocument planning = assembler.assemble(SampleCompany.COMPANY.pack("quarterly-planning").orElseThrow(),
        SampleCompany.AS_OF, SampleCompany.UTC);
    MetricValue now = field(qbr, "quarter_summary", "q_end_score");
    assertThat(now.provenance().window()).isEqualTo(Q4_TO_NOV_22);
    // Compared like for like: the same 53 days of Q3.
    MetricValue start = field(qbr, "quarter_summary", "q_start_score");
    assertThat(start.provenance().window())
        .isEqualTo(new TimeWindow(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-08-23T00:00:00Z")));
    String text = Unit.SCORE.format(now.value()) + "/100";
    // The QBR's summary repeats the quarter's score (not the exec review's month), and so does the planning pack.
    assertThat(qbr.summary().headline()).startsWith("Health score " + text).contains("for 2026-10-01 to 2026-11-22");
    assertThat(field(planning, "executive_summary", "health_score").value()).isEqualTo(now.value());
    PackSection agenda = planning.section("planning_agenda").orElseThrow();
    assertThat(agenda.tables().get(0).rows().stream().flatMap(List::stream).map(MetricValue::text))
        .anyMatch(t -> t.startsWith("health score " + text + " for 2026-10-01 to 2026-11-22"));
  }
}
