package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.sources.Provenance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leadership summary lines and the OKR roll-up line carry footnotes: the same number as the value they quote,
 * so a reader can go from "Health score 69.3/100" in the summary to the section and the source it came from.
 */
class SummaryFootnotesTest {
  @Test
  void theHeadlineQuotesTheHealthScoreAndSharesItsFootnote() {
    PackDocument exec = SampleCompany.assemble("exec-review");
    MetricValue score = exec.section("executive_summary").orElseThrow().fields().stream()
        .filter(f -> f.key().equals("health_score")).findFirst().orElseThrow().value();
    ExecutiveSummary summary = exec.summary();
    assertThat(summary).isNotNull();
    assertThat(summary.headlineSource()).isEqualTo(score.provenance());
    Map<Provenance, Integer> notes = exec.footnotes();
    // The summary is read first, so the score's provenance is footnote 1 and every summary source is numbered.
    assertThat(notes.get(score.provenance())).isEqualTo(1);
    assertThat(summary.sources()).allMatch(notes::containsKey);

    String md = new PackRenderer().render(exec, PackFormat.MD);
    String headline = md.lines().filter(l -> l.startsWith("> - Health score")).findFirst().orElseThrow();
    assertThat(headline).endsWith("[^1]");
    String html = new PackRenderer().render(exec, PackFormat.HTML);
    assertThat(html).containsPattern("<li>Health score [^<]*<sup><a href=\"#fn1\">1</a></sup></li>");
  }

  @Test
  void aSummaryLineThatQuotesNoValueHasNoFootnote() {
    ExecutiveSummary s = new ExecutiveSummary("Health score n/a (no data).", "Biggest risk: n/a.", "Biggest win: n/a.",
        "Decisions needed: none open.");
    assertThat(s.sources()).isEmpty();
  }

  @Test
  void theOkrRollUpIsAValueWithTheKeyResultsAsItsSource() {
    PackDocument qbr = SampleCompany.assemble("qbr");
    PackSection okrs = qbr.sections().stream().filter(s -> s.type().startsWith("okr_")).findFirst().orElseThrow();
    MetricValue rollup = okrs.fields().stream().filter(f -> f.key().equals("okr_rollup")).findFirst().orElseThrow().value();
    assertThat(rollup.text()).matches("\\d+ of \\d+ key results achieved or on track; objectives .*");
    assertThat(rollup.provenance()).isNotNull();
    assertThat(qbr.footnotes()).containsKey(rollup.provenance());
  }
}
