package io.companyos.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

  @Test
  void mentionsLinksAndFormattingInDataAreDefused() {
    String hostile = "<!channel> @here @channel <!here|x> <https://evil.example|click> *bold* _it_ ~s~ `code` & done";
    String escaped = SlackMessage.escape(hostile);
    assertThat(escaped).doesNotContain("<").doesNotContain(">").doesNotContain("@here").doesNotContain("@channel")
        .doesNotContain("*bold*").doesNotContain("`code`");
    assertThat(escaped).contains("&lt;!channel&gt;").contains("&amp; done");
    assertThat(unescape(escaped)).isEqualTo(hostile);
  }

  @Test
  void escapingNeverLosesTextAndNeverLeavesAControlSequence() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 60)).checkAssert(s -> {
      String e = SlackMessage.escape(s);
      assertThat(e).doesNotContain("<").doesNotContain(">");
      assertThat(e.toLowerCase(java.util.Locale.ROOT)).doesNotContain("@channel").doesNotContain("@here").doesNotContain("@everyone");
      assertThat(unescape(e)).isEqualTo(s);
    });
  }

  @Test
  void longTextIsSplitAtLineBreaksWithinTheLimitAndNothingIsLost() {
    qt().forAll(integers().between(1, 400), integers().between(0, 120)).checkAssert((lines, width) -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines; i++) {
        sb.append(i).append(' ').append("x".repeat(width)).append(i + 1 < lines ? "\n" : "");
      }
      String text = sb.toString();
      List<String> parts = SlackMessage.split(text, SlackMessage.MAX_SECTION_TEXT);
      assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(SlackMessage.MAX_SECTION_TEXT));
      assertThat(String.join("\n", parts)).isEqualTo(text);
    });
  }

  @Test
  void aLineLongerThanTheLimitIsCutBetweenCharactersNeverInsideASurrogatePair() {
    String emoji = "\uD83D\uDE80"; // one code point, two chars
    String text = "a" + emoji.repeat(3000);
    List<String> parts = SlackMessage.split(text, SlackMessage.MAX_SECTION_TEXT);
    assertThat(String.join("", parts)).isEqualTo(text);
    assertThat(parts).allSatisfy(p -> {
      assertThat(p.length()).isLessThanOrEqualTo(SlackMessage.MAX_SECTION_TEXT);
      assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
    });
  }

  @Test
  void aPackWithManySectionsStaysWithinFiftyBlocksAndSaysWhatWasLeftOut() {
    PackDocument base = Packs.document("ops-review");
    List<PackSection> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(new PackSection("s" + i, "Section " + i, null, null,
          List.of(new Field("k", "Value " + i, MetricValue.of(i, Unit.NUMBER, null))), List.of(), List.of(), "", "", null));
    }
    PackDocument doc = new PackDocument(base.packId(), "T".repeat(400), base.meeting(), base.asOf(), base.zone(),
        base.period(), base.previousPeriod(), many, List.of(), null, List.of());
    JsonNode msg = SlackMessage.of(doc, "https://dash.example/ops");
    JsonNode blocks = msg.get("blocks");
    assertThat(blocks.size()).isEqualTo(SlackMessage.MAX_BLOCKS);
    assertThat(blocks.get(0).get("text").get("text").asText()).hasSize(SlackMessage.MAX_HEADER).endsWith("…");
    assertThat(blocks.get(SlackMessage.MAX_BLOCKS - 2).toString()).contains("more blocks did not fit");
    assertThat(blocks.get(SlackMessage.MAX_BLOCKS - 1).toString()).contains("https://dash.example/ops");
  }

  @Test
  void tablesBecomeAlignedCodeBlocksAndUnavailableSectionsSayWhy() {
    SectionTable t = new SectionTable("Incidents", List.of("Severity", "Count"),
        List.of(List.of(MetricValue.label("P1"), MetricValue.of(2, Unit.NUMBER, null)),
            List.of(MetricValue.label("P2 ```x```"), MetricValue.of(11, Unit.NUMBER, null))), "No incidents");
    PackSection s = new PackSection("incident_summary", "Incident Summary", null, null, List.of(), List.of(t), List.of(), "", "", null);
    String text = SlackMessage.sectionText(s);
    assertThat(text).contains("```\nSeverity    Count\nP1          2\n");
    assertThat(text).doesNotContain("```x```");
    assertThat(SlackMessage.sectionText(PackSection.unavailable("x", "Security", "source 'github' timed out")))
        .contains("n/a (source 'github' timed out)");
  }

  static String unescape(String s) {
    return s.replace("\u200B", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
