package io.companyos.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @ParameterizedTest(name = "{0} is {1} minutes")
  @CsvSource({
    "30m, 30",
    "24h, 1440",   // 24 * 60
    "7d, 10080",   // 7 * 24 * 60
    "2w, 20160",   // 2 * 7 * 24 * 60
    "' 5m ', 5",
  })
  void theSeedsShortFormsParse(String text, long minutes) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @Test
  void secondsParse() {
    assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "d", "-1d", "1.5h", "7 d", "7days", "1h30m", "", "10y"})
  void otherFormsAreRejectedWithTheAcceptedOnesNamed(String text) {
    assertThat(Durations.isValid(text)).isFalse();
    assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("30m, 24h, 7d or 2w");
  }

  @Test
  void nineDigitsIsTheLongestNumberSoNoUnitOverflows() {
    // 999,999,999 weeks = 6,999,999,993 days = 604,799,999,395,200 s, far inside a Duration.
    assertThat(Durations.parse("999999999w")).isEqualTo(Duration.ofSeconds(604_799_999_395_200L));
    assertThatThrownBy(() -> Durations.parse("1000000000s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30m, 24h, 7d or 2w");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30m, 24h, 7d or 2w");
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({"20160, 2w", "1440, 1d", "90, 90m", "60, 1h", "10080, 1w", "2880, 2d"})
  void formatPicksTheLargestExactUnit(long minutes, String text) {
    assertThat(Durations.format(Duration.ofMinutes(minutes))).isEqualTo(text);
  }

  @Test
  void formatHandlesSecondsAndZeroAndRejectsFractions() {
    assertThat(Durations.format(Duration.ofSeconds(61))).isEqualTo("61s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThatThrownBy(() -> Durations.format(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.format(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
