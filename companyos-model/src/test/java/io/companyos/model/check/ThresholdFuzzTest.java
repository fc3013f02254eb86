package io.companyos.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever text a threshold holds, {@link Threshold#parse} either refuses it with an {@link IllegalArgumentException}
 * that quotes it, or reads exactly an operator and a plain decimal number: nothing after the number ({@code "> 6d"},
 * {@code "> 95%"}) is ever dropped, and the threshold prints back to itself. In {@code mvn verify} this replays the
 * inputs under {@code src/test/resources/io/companyos/model/check/ThresholdFuzzTestInputs/}; run it with
 * {@code JAZZER_FUZZ=1} to fuzz (see docs/testing.md).
 */
class ThresholdFuzzTest {
  @FuzzTest(maxDuration = "1m")
  void thresholdsAreReadWholeOrRefused(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Threshold t;
    try {
      t = Threshold.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("threshold '" + text + "'");
      return;
    }
    String rest = text.strip().substring(t.operator().symbol().length()).strip();
    assertThat(rest).as(text).matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    assertThat(t.value()).isEqualTo(Double.parseDouble(rest)).isFinite();
    assertThat(Threshold.parse(t.toString())).as(t.toString()).isEqualTo(t);
  }
}
