package io.companyos.model.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdTest {

  @ParameterizedTest(name = "{0} against {1} is {2}")
  @CsvSource({
    "'> 6', 6.5, true",
    "'> 6', 6, false",
    "'>= 0.5', 0.5, true",
    "'< 99.9', 99.89, true",
    "'<= 1', 1.01, false",
    "'== 0', 0, true",
    "'!= 0', 0, false",
    "'>0', 1, true",
  })
  void theSeedExpressionsCompareAsWritten(String expr, double observed, boolean fires) {
    assertThat(Threshold.parse(expr).test(observed)).isEqualTo(fires);
  }

  @Test
  void noDataNeverFires() {
    assertThat(Threshold.parse("!= 0").test(Double.NaN)).isFalse();
    assertThat(Threshold.parse("< 1").test(Double.NaN)).isFalse();
  }

  @Test
  void badExpressionsNameTheAcceptedForms() {
    assertThatThrownBy(() -> Threshold.parse("about 6")).hasMessageContaining(">, >=, <, <=, ==, !=");
    assertThatThrownBy(() -> Threshold.parse("> six")).hasMessageContaining("needs a number");
  }

  @Test
  void printsBackInCanonicalForm() {
    assertThat(Threshold.parse(">6")).hasToString("> 6");
    assertThat(Threshold.parse("< 99.9")).hasToString("< 99.9");
  }
}
