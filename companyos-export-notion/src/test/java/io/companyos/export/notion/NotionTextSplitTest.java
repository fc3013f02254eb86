package io.companyos.export.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Splitting long text into Notion text objects: nothing lost, nothing too long, surrogate pairs whole. */
class NotionTextSplitTest {

  /** Any code point, lone surrogates included, so strings hold pairs, lone halves and BMP text. */
  private static final Gen<String> ANY = strings().allPossible().ofLengthBetween(0, 6000);

  /** Mostly emoji (two UTF-16 units each) after a short ASCII prefix: cut points fall inside pairs often. */
  private static final Gen<String> EMOJI_HEAVY = integers().between(0, 3).zip(integers().between(0, 3000),
      (prefix, count) -> "x".repeat(prefix) + "\uD83D\uDE00".repeat(count) + "\u00E9");

  /** Random mixes of ASCII, BMP and supplementary characters. */
  private static final Gen<String> MIXED = lists().of(integers().between(0, 3)).ofSizeBetween(0, 5000).map(l -> {
    StringBuilder sb = new StringBuilder();
    for (int k : l) {
      sb.append(switch (k) {
        case 0 -> "a";
        case 1 -> "\u00FC";
        case 2 -> "\uD83D\uDCC8";
        default -> "\uD834\uDD1E";
      });
    }
    return sb.toString();
  });

  @Test
  void piecesConcatenateToTheOriginalAndStayWithinTheLimit() {
    qt().withExamples(300).forAll(ANY).checkAssert(s -> check(s, NotionBlocks.MAX_TEXT_LENGTH));
    qt().withExamples(300).forAll(EMOJI_HEAVY).checkAssert(s -> check(s, NotionBlocks.MAX_TEXT_LENGTH));
    qt().withExamples(300).forAll(MIXED).checkAssert(s -> check(s, NotionBlocks.MAX_TEXT_LENGTH));
  }

  @Test
  void smallLimitsToo() {
    qt().withExamples(500).forAll(MIXED, integers().between(2, 50)).checkAssert(NotionTextSplitTest::check);
    qt().withExamples(300).forAll(ANY, integers().between(2, 7)).checkAssert(NotionTextSplitTest::check);
  }

  @Test
  void richTextObjectsCarryThePiecesInOrder() {
    qt().withExamples(200).forAll(MIXED).checkAssert(s -> {
      StringBuilder joined = new StringBuilder();
      for (JsonNode t : NotionBlocks.richText(s)) {
        assertThat(t.path("type").asText()).isEqualTo("text");
        String content = t.path("text").path("content").asText();
        assertThat(content.length()).isBetween(1, 2000);
        joined.append(content);
      }
      assertThat(joined.toString()).isEqualTo(s);
    });
  }

  @Test
  void knownCases() {
    assertThat(NotionBlocks.splitText("", 2000)).isEmpty();
    assertThat(NotionBlocks.splitText("abc", 2000)).containsExactly("abc");
    assertThat(NotionBlocks.splitText("a".repeat(2000), 2000)).hasSize(1);
    assertThat(NotionBlocks.splitText("a".repeat(4001), 2000)).extracting(String::length).containsExactly(2000, 2000, 1);
    // 1999 ASCII letters then an emoji: the pair would straddle 2000, so the first piece stops at 1999.
    String s = "a".repeat(1999) + "\uD83D\uDE00" + "b";
    assertThat(NotionBlocks.splitText(s, 2000)).containsExactly("a".repeat(1999), "\uD83D\uDE00b");
    assertThatThrownBy(() -> NotionBlocks.splitText("abc", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void check(String s, int max) {
    List<String> pieces = NotionBlocks.splitText(s, max);
    assertThat(String.join("", pieces)).isEqualTo(s);
    for (int i = 0; i < pieces.size(); i++) {
      String p = pieces.get(i);
      assertThat(p.length()).isBetween(1, max);
      if (i + 1 < pieces.size()) {
        // never a high surrogate at the end followed by its low surrogate at the start of the next piece
        boolean splitPair = Character.isHighSurrogate(p.charAt(p.length() - 1))
            && Character.isLowSurrogate(pieces.get(i + 1).charAt(0));
        assertThat(splitPair).as("surrogate pair split after piece %d", i).isFalse();
      }
    }
  }
}
