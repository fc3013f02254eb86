package io.companyos.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's named parameters become placeholders; colons that are not parameters are left as written. */
class NamedParametersTest {
  @Test
  void fromAndToBecomePlaceholdersInOrder() {
    NamedParameters p = NamedParameters.parse("SELECT * FROM t WHERE a >= :from AND a < :to AND b < :to");
    assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE a >= ? AND a < ? AND b < ?");
    assertThat(p.names()).containsExactly("from", "to", "to");
  }

  @Test
  void colonsInTextCommentsCastsAndDollarQuotesAreNotParameters() {
    String q = "SELECT ':from', \"a:to\", x::text, $$ :to $$, $tag$ it's :from $tag$, a[1:2] -- :to\n"
        + "/* :from */ FROM t WHERE 'it''s :to' <> '' AND a >= :from";
    NamedParameters p = NamedParameters.parse(q);
    assertThat(p.names()).containsExactly("from");
    assertThat(p.sql()).isEqualTo(q.substring(0, q.length() - ":from".length()) + "?");
  }

  @Test
  void anUnknownNameOrAnOpenQuoteIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> NamedParameters.parse("SELECT 1 WHERE a > :start")).isInstanceOf(NamedParameters.Invalid.class)
        .hasMessage("':start' is not a parameter (at character 20); the window's are :from and :to");
    assertThatThrownBy(() -> NamedParameters.parse("SELECT 'open")).hasMessage("a ' quote is not closed (at character 8)");
    assertThatThrownBy(() -> NamedParameters.parse("SELECT 1 /* open")).hasMessage("a /* comment is not closed (at character 10)");
    assertThatThrownBy(() -> NamedParameters.parse("SELECT $x$ open")).hasMessage("a $x$ quoted string is not closed (at character 8)");
  }

  @Test
  void aQueryWithoutParametersIsUnchanged() {
    for (String q : List.of("SELECT 1", "SELECT a::int FROM t", "SELECT '::' || $$x$$")) {
      assertThat(NamedParameters.parse(q)).isEqualTo(new NamedParameters(q, List.of()));
    }
  }

  /** Pieces of SQL, quoted and not, with and without colons. */
  static final List<String> PIECES = List.of("SELECT ", "a", " >= ", ":from", ":to", "::int", "'x:to'", "'it''s'", "\"c:d\"",
      "-- :from\n", "/* :to */", "$$ :x $$", "$t$ :from $t$", "[1:2]", ",", "'", "/*", "$q$", ":", " :9", "\n");

  @Test
  void anyMixOfPiecesParsesOrIsRefusedAndEveryParameterBecomesOnePlaceholder() {
    qt().forAll(lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 12)).checkAssert(picks -> {
      StringBuilder q = new StringBuilder();
      picks.forEach(i -> q.append(PIECES.get(i)));
      NamedParameters p;
      try {
        p = NamedParameters.parse(q.toString());
      } catch (NamedParameters.Invalid e) {
        assertThat(e.getMessage()).contains("(at character ");
        return;
      }
      // Each parameter (5 or 3 characters) became one '?', and nothing else changed length.
      int removed = p.names().stream().mapToInt(n -> n.length()).sum();
      assertThat(p.sql()).hasSize(q.length() - removed);
      assertThat(p.names()).allMatch(NamedParameters.ALLOWED::contains);
    });
  }
}
