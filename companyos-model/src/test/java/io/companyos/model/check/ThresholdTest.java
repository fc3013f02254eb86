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

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
    "> 6d    | threshold '> 6d' has a unit ('d'); a threshold is a plain number in the unit of its query's value",
    "> 95 %  | threshold '> 95 %' has a unit ('%'); a threshold is a plain number in the unit of its query's value",
    "< 2h    | threshold '< 2h' has a unit ('h'); a threshold is a plain number in the unit of its query's value",
    "> 6f    | threshold '> 6f' has a unit ('f'); a threshold is a plain number in the unit of its query's value",
    "> 0x10  | threshold '> 0x10' has a unit ('x10'); a threshold is a plain number in the unit of its query's value",
    "> NaN   | threshold '> NaN' needs a number after '>'",
    "> 1e999 | threshold '> 1e999' is too large",
  })
  void unitsAndJavaNumberSuffixesAreRefused(String expr, String message) {
    assertThatThrownBy(() -> Threshold.parse(expr)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void plainNumbersInEveryDecimalSpellingAreAccepted() {
    assertThat(Threshold.parse("> -1.5").value()).isEqualTo(-1.5);
    assertThat(Threshold.parse("> .5").value()).isEqualTo(0.5);
    assertThat(Threshold.parse("> 6.").value()).isEqualTo(6.0);
    assertThat(Threshold.parse(">= 1e3").value()).isEqualTo(1000.0);
  }

  @Test
  void aThresholdWithAUnitIsALocatedProblem() {
    var loader = new io.companyos.model.config.DefinitionLoader();
    assertThatThrownBy(() -> loader.parseHealthChecks("health-checks.yaml", """
        health_checks:
          - name: "Lead time"
            query: "companyos:lead_time:days"
            threshold: "> 6d"
            action: "notify_slack"
        """))
        .isInstanceOf(io.companyos.model.config.ConfigException.class)
        .satisfies(e -> assertThat(((io.companyos.model.config.ConfigException) e).problems().get(0).oneLine())
            .startsWith("health-checks.yaml:4:16: COS-YAML-009 threshold '> 6d' has a unit ('d')"));
  }
}
