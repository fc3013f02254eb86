package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data that looks like Markdown or HTML stays text: it cannot break a table, add a line or inject markup. */
class EscapingTest {
  static final String HOSTILE = "a|b *bold* _em_ `code` <script>alert(1)</script> [link](http://x) ![img](y) # h\nsecond line\r\n| x |";

  static PackDocument documentWith(String text) {
    Instant t = Instant.parse("2026-11-23T09:00:00Z");
    Provenance p = new Provenance("src|<b>", "q `x` |", new TimeWindow(t.minusSeconds(3600), t), t, 1);
    SectionTable table = new SectionTable("", List.of("Name", "Value"),
        List.of(List.of(MetricValue.label(text), MetricValue.text(text, p)), List.of(MetricValue.label("ok"), MetricValue.of(1, Unit.COUNT, p))), "");
    PackSection s = new PackSection("custom", "Custom " + text, new TimeWindow(t.minusSeconds(3600), t), null,
        List.of(new Field("k", "Label " + text, MetricValue.text(text, p))), List.of(table), List.of(MetricValue.text(text, p)), "", text, null);
    Period week = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 11, 16));
    return new PackDocument("custom-pack", "Pack " + text, null, t, ZoneOffset.UTC, week, week.previous(), List.of(s), List.of(), null);
  }

  @Test
  void markdownTableKeepsItsShapeAndNoMarkupGetsThrough() {
    String md = new PackRenderer().render(documentWith(HOSTILE), PackFormat.MD);
    List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
    // Header plus two data rows, each with exactly three unescaped pipes (two columns).
    assertThat(rows).hasSize(3);
    for (String row : rows) {
      assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(3);
    }
    assertThat(md).doesNotContain("<script>").doesNotContain("second line\n")
        .doesNotContainPattern("(?<!\\\\)\\]\\(http").doesNotContainPattern("(?<!\\\\)\\*bold").doesNotContainPattern("(?<!\\\\)`code");
    assertThat(md).contains("&lt;script&gt;alert(1)&lt;/script&gt;".replace("&gt;", ">"), "\\*bold\\*", "\\`code\\`", "\\[link\\]");
    // The hostile text never starts a line, so it cannot become a heading, list item or quote.
    assertThat(md.lines()).noneMatch(l -> l.startsWith("second") || l.startsWith("# h"));
  }

  @Test
  void htmlIsEscaped() {
    String html = new PackRenderer().render(documentWith(HOSTILE), PackFormat.HTML);
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<b>");
  }

  @Test
  void jsonCarriesTheTextUnchanged() {
    String json = new PackRenderer().render(documentWith(HOSTILE), PackFormat.JSON);
    assertThat(json).contains("a|b *bold* _em_ `code` <script>alert(1)</script>").contains("\\nsecond line\\r\\n");
  }

  @Test
  void hostileRowsFromASourceRenderAsText() {
    Instant t = Instant.parse("2026-11-23T03:00:00Z");
    Deployment evil = new Deployment("dep|<img src=x onerror=alert(1)>\n## owned", t, List.of("c1"), DeployStatus.SUCCESS);
    ScriptedSource src = new ScriptedSource("ci", ScriptedSource.Mode.ANSWER, Map.of(RecordKind.DEPLOYMENTS, List.of(evil)));
    PackDocument doc = new PackAssembler(SampleCompany.COMPANY, List.of(src))
        .assemble(SampleCompany.COMPANY.pack("daily-standup").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("- dep\\|&lt;img src=x onerror=alert(1)> \\#\\# owned at 2026-11-23 03:00: success (1 changes)[^1]");
    assertThat(md.lines()).noneMatch(l -> l.startsWith("## owned"));
    assertThat(new PackRenderer().render(doc, PackFormat.HTML)).doesNotContain("<img");
  }
}
