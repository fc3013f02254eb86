package io.companyos.model.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"0 8 * * 1", "0 8 * * 1-5", "*/5 * * * *", "0 6,12,18 * * *", "0 9 1 JAN,jul MON",
      "30 23 31 12 7", "0 0-23/2 * * SUN-SAT", "  0 8 * * 1  "})
  void acceptsStandardFiveFieldExpressions(String cron) {
    assertThat(CronSyntax.problem(cron)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "0 8 * *|has 4 fields",
    "0 0 8 * * 1|has 6 fields",
    "61 8 * * 1|outside 0-59",
    "0 24 * * 1|outside 0-23",
    "0 8 0 * *|outside 1-31",
    "0 8 * 13 *|outside 1-12",
    "0 8 * * 8|outside 0-7",
    "0 8 * * 5-1|runs backwards",
    "*/0 8 * * *|step",
    "0 8 * * MONDAY|not a number",
    "0 8 * * 1-2-3|not a number",
    "0 8 * * L|not a number",
    "0 8 * * 1#1|not a number",
  })
  void reportsWhatIsWrong(String cron, String problem) {
    assertThat(CronSyntax.problem(cron)).get().asString().contains(problem);
  }
}
