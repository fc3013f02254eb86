package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Spend against budget with one pro-rating rule for every window, worked out by hand. */
class CloudBudgetTest {
  static final Map<YearMonth, Double> BUDGETS = Map.of(YearMonth.of(2026, 10), 31_000.0, YearMonth.of(2026, 11), 30_000.0);

  static OptionalDouble budget(String from, String to) {
    return CloudBudget.proRated(new TimeWindow(Instant.parse(from), Instant.parse(to)), ZoneOffset.UTC,
        m -> BUDGETS.containsKey(m) ? OptionalDouble.of(BUDGETS.get(m)) : OptionalDouble.empty());
  }

  @Test
  void monthToDateGetsTheCoveredShareOfItsMonth() {
    // November 1-22: 22/30 of 30,000 = 22,000 (not 22.375 days' worth, nor 22/30.44 of it).
    assertThat(budget("2026-11-01T00:00:00Z", "2026-11-23T00:00:00Z").getAsDouble()).isCloseTo(22_000, within(1e-9));
    // Spend 21,450 against it: (21,450 - 22,000) / 22,000 = -2.5 %.
    assertThat(CloudBudget.variancePercent(21_450, OptionalDouble.of(22_000)).getAsDouble()).isCloseTo(-2.5, within(1e-12));
  }

  @Test
  void aQuarterToDateSumsEachMonthsShareInsteadOfUsingOneMonthsBudget() {
    // October whole (31,000) plus November 1-22 (22,000) = 53,000.
    assertThat(budget("2026-10-01T00:00:00Z", "2026-11-23T00:00:00Z").getAsDouble()).isCloseTo(53_000, within(1e-9));
  }

  @Test
  void aMonthWithoutABudgetMeansNoBudgetNotZero() {
    assertThat(budget("2026-09-20T00:00:00Z", "2026-10-05T00:00:00Z")).isEmpty();
    assertThat(CloudBudget.variancePercent(100, OptionalDouble.empty())).isEmpty();
  }

  @Test
  void costPerMauUsesOneWindowForSpendAndUsers() {
    TimeWindow nov = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(CloudBudget.mauWindow(nov)).isEqualTo(new TimeWindow(Instant.parse("2026-10-24T00:00:00Z"), nov.end()));
    // 30 days of spend 154,200 over 500 users active in the same 30 days = 308.40.
    assertThat(CloudBudget.costPerMau(154_200, 500).getAsDouble()).isCloseTo(308.4, within(1e-9));
    assertThat(CloudBudget.costPerMau(154_200, 0)).isEmpty();
  }
}
