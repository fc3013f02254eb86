package io.companyos.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** The Markdown escaper's laws, for any text. */
class MarkdownEscaperTest {

  @Test
  void escapedTextHasNoLineBreakNoUnescapedPipeAndNoTagStart() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> {
      String e = MarkdownEscaper.escape(s);
      assertThat(e).doesNotContain("\n").doesNotContain("\r").doesNotContain("<");
      // Every pipe, backtick, star and bracket is preceded by an odd number of backslashes.
      for (int i = 0; i < e.length(); i++) {
        char c = e.charAt(i);
        if (c == '|' || c == '`' || c == '*' || c == '[') {
          int slashes = 0;
          for (int j = i - 1; j >= 0 && e.charAt(j) == '\\'; j--) {
            slashes++;
          }
          assertThat(slashes % 2).as("backslashes before %s in %s", c, e).isEqualTo(1);
        }
      }
    });
  }

  @Test
  void examples() {
    assertThat(MarkdownEscaper.escape("a|b")).isEqualTo("a\\|b");
    assertThat(MarkdownEscaper.escape("line1\nline2")).isEqualTo("line1 line2");
    assertThat(MarkdownEscaper.escape("<script>")).isEqualTo("&lt;script>");
    assertThat(MarkdownEscaper.escape("snake_case _em_")).isEqualTo("snake_case \\_em\\_");
    assertThat(MarkdownEscaper.escape("R&D &amp;")).isEqualTo("R&D &amp;amp;");
    assertThat(MarkdownEscaper.escape("Misses & Learnings")).isEqualTo("Misses & Learnings");
  }
}
