package io.companyos.model.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void levenshteinDistanceCountsSingleCharacterEdits() {
    // kitten -> sitten (substitute) -> sittin (substitute) -> sitting (insert): 3 edits.
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void suggestsTheClosestKnownWord() {
    List<String> keys = List.of("lookback", "severity", "compare_to", "limit");
    assertThat(Suggestions.closest("lookbak", keys)).contains("lookback");
    assertThat(Suggestions.closest("Severity", keys)).contains("severity");
    assertThat(Suggestions.hint("compareto", keys)).isEqualTo("did you mean 'compare_to'?");
  }

  @Test
  void farOffWordsGetTheListOfAllowedOnesInstead() {
    List<String> keys = List.of("slack", "email", "dashboard");
    assertThat(Suggestions.closest("teams", keys)).isEmpty();
    assertThat(Suggestions.hint("teams", keys)).isEqualTo("expected one of: dashboard, email, slack");
  }

  @Test
  void equallyCloseWordsGetTheListInsteadOfAnArbitraryPick() {
    List<String> severities = List.of("P1", "P2", "P3", "P4");
    // P9 is one substitution from each of the four.
    assertThat(Suggestions.hint("P9", severities)).isEqualTo("expected one of: P1, P2, P3, P4");
    assertThat(Suggestions.hint("p3", severities)).isEqualTo("did you mean 'P3'?");
  }
}
