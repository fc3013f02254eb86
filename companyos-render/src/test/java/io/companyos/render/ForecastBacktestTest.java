package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.CostRow;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.finops.CostForecast;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The next-month cost forecast backtested on the sample company's cost history, as docs/performance.md and
 * docs/scoring.md report it: every complete month forecast from the 90 days before it (the FinOps review's look-back).
 */
class ForecastBacktestTest {
  @Test
  void theSampleHistoryIsForecastWithinTwoPercentAndTheIntervalsHoldFourMonthsInFive() {
    List<CostRow> rows = SampleCompany.SOURCE.records(RecordKind.COSTS,
        TimeWindow.ending(SampleCompany.AS_OF, Duration.ofDays(3650))).rows();
    CostForecast.Backtest b = CostForecast.backtest(rows, SampleCompany.UTC, 90).orElseThrow();
    System.out.printf(java.util.Locale.ROOT, "backtest MAPE %.2f%% coverage %.2f over %d months%n", b.mape(), b.coverage(), b.months().size());
    assertThat(b.months()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(b.mape()).isLessThan(2.0);
    assertThat(b.coverage()).isGreaterThanOrEqualTo(0.8);
  }
}
