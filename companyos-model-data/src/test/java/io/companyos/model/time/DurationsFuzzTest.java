package io.companyos.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Whatever text a duration holds, {@link Durations#parse} either refuses it with an {@link IllegalArgumentException}
 * that quotes it, or reads exactly one whole number and one unit letter, to that many seconds; {@link Durations#isValid}
 * agrees, and the duration prints back to itself. In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/io/companyos/model/time/DurationsFuzzTestInputs/}; run it with {@code JAZZER_FUZZ=1} to
 * fuzz (see docs/testing.md).
 */
class DurationsFuzzTest {
  @FuzzTest(maxDuration = "1m")
  void durationsAreReadExactlyOrRefused(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    boolean valid = Durations.isValid(text);
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(valid).as(text).isFalse();
      assertThat(e.getMessage()).startsWith("'" + text + "' is not a duration");
      return;
    }
    assertThat(valid).as(text).isTrue();
    String s = text.strip();
    assertThat(s).matches("[0-9]{1,9}[smhdw]");
    long n = Long.parseLong(s.substring(0, s.length() - 1));
    long unit = switch (s.charAt(s.length() - 1)) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3_600;
      case 'd' -> 86_400;
      default -> 7 * 86_400;
    };
    assertThat(d).isEqualTo(Duration.ofSeconds(n * unit));
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }
}
