package io.companyos.scoring.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.CostRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast's input series and the two forecasts from cost rows, worked out by hand. */
class CostForecastSeriesTest {
  static CostRow at(String start, double cost) {
    Instant t = Instant.parse(start);
    BigDecimal c = BigDecimal.valueOf(cost);
    return new CostRow(t, t.plusSeconds(86400), c, c, c, "ec2", "Compute", "AWS", "Usage", "Standard", null, Map.of());
  }

  static final List<CostRow> ROWS = List.of(at("2026-11-02T00:00:00Z", 10), at("2026-11-02T12:00:00Z", 5), at("2026-11-04T00:00:00Z", 7));

  @Test
  void dailyTotalsAreEffectiveCostPerDayOfChargePeriodStartInTheZone() {
    // UTC: Nov 2 = 10 + 5, Nov 4 = 7; no entry for Nov 3.
    assertThat(CostForecast.dailyTotals(ROWS, ZoneOffset.UTC))
        .containsExactly(Map.entry(LocalDate.of(2026, 11, 2), 15.0), Map.entry(LocalDate.of(2026, 11, 4), 7.0));
    // New York is UTC−5 in November: 00:00Z is 19:00 the day before, 12:00Z is 07:00 the same day.
    assertThat(CostForecast.dailyTotals(ROWS, ZoneId.of("America/New_York")))
        .containsExactly(Map.entry(LocalDate.of(2026, 11, 1), 10.0), Map.entry(LocalDate.of(2026, 11, 2), 5.0),
            Map.entry(LocalDate.of(2026, 11, 3), 7.0));
  }

  @Test
  void theAverageIsTheMeanOfDaysWithCostTimesTheDaysOfTheMonth() {
    // Days with cost: 15 and 7 → mean 11; December has 31 days → 341.
    CostForecast.Average a = CostForecast.average(ROWS, ZoneOffset.UTC, YearMonth.of(2026, 12)).orElseThrow();
    assertThat(a.total()).isCloseTo(341.0, within(1e-9));
    assertThat(a.dailyMean()).isCloseTo(11.0, within(1e-12));
    assertThat(a.historyDays()).isEqualTo(2);
    assertThat(a.horizonDays()).isEqualTo(31);
    assertThat(CostForecast.average(List.of(), ZoneOffset.UTC, YearMonth.of(2026, 12))).isEmpty();
  }

  @Test
  void theTrendForecastOfAPerfectLineSumsTheLineOverTheMonth() {
    // 100 + 2i on the 28 days from Monday Oct 5 (i = 0) to Nov 1 (i = 27). November is i = 27 … 56:
    // 30 × 100 + 2 × (27 + 56) × 30 / 2 = 3000 + 2490 = 5490, with no residual, so a zero-width interval.
    List<CostRow> rows = new ArrayList<>();
    for (int i = 0; i < 28; i++) {
      rows.add(at(LocalDate.of(2026, 10, 5).plusDays(i) + "T00:00:00Z", 100 + 2 * i));
    }
    CostForecast.Forecast f = CostForecast.forecast(rows, ZoneOffset.UTC, YearMonth.of(2026, 11)).orElseThrow();
    assertThat(f.total()).isCloseTo(5490.0, within(1e-6));
    assertThat(f.high() - f.low()).isCloseTo(0.0, within(1e-6));
    assertThat(f.historyDays()).isEqualTo(28);
    assertThat(f.horizonDays()).isEqualTo(30);
  }

  @Test
  void aDayWithoutRowsCountsAsZeroInTheTrend() {
    // 20 days from Oct 5 with day 10 missing: the same as the array with a 0 there.
    List<CostRow> rows = new ArrayList<>();
    double[] daily = new double[20];
    for (int i = 0; i < 20; i++) {
      if (i != 10) {
        rows.add(at(LocalDate.of(2026, 10, 5).plusDays(i) + "T00:00:00Z", 50));
        daily[i] = 50;
      }
    }
    CostForecast.Forecast fromRows = CostForecast.forecast(rows, ZoneOffset.UTC, YearMonth.of(2026, 12)).orElseThrow();
    CostForecast.Forecast fromArray = CostForecast.forecast(daily, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 31)).orElseThrow();
    assertThat(fromRows).isEqualTo(fromArray);
    assertThat(fromRows.historyDays()).isEqualTo(20);
  }

  @Test
  void noRowsOrFewerThan14DaysHaveNoForecast() {
    assertThat(CostForecast.forecast(List.of(), ZoneOffset.UTC, YearMonth.of(2026, 12))).isEmpty();
    // Nov 2 to Nov 4 is 3 days.
    assertThat(CostForecast.forecast(ROWS, ZoneOffset.UTC, YearMonth.of(2026, 12))).isEmpty();
  }

  @Test
  void theForecastMonthIsTheCalendarMonthAfterTheDay() {
    assertThat(CostForecast.nextMonth(LocalDate.of(2026, 11, 23))).isEqualTo(YearMonth.of(2026, 12));
    assertThat(CostForecast.nextMonth(LocalDate.of(2026, 12, 31))).isEqualTo(YearMonth.of(2027, 1));
  }

  @Test
  void aOneOffSpikeIsLeftOutOfTheFitAndNamed() {
    // 28 days of 100 from Monday Oct 5, but Oct 15 costs 1,000 (a one-off). Without that day the fit is the flat line
    // 100 with no residual: November = 30 × 100 = 3,000, a zero-width interval. Fitted with it, the spike would add
    // its 900 to the trend and to every Thursday of the month.
    List<CostRow> rows = new ArrayList<>();
    for (int i = 0; i < 28; i++) {
      LocalDate d = LocalDate.of(2026, 10, 5).plusDays(i);
      rows.add(at(d + "T00:00:00Z", d.equals(LocalDate.of(2026, 10, 15)) ? 1000 : 100));
    }
    CostForecast.Forecast f = CostForecast.forecast(rows, ZoneOffset.UTC, YearMonth.of(2026, 11)).orElseThrow();
    assertThat(f.excludedDays()).containsExactly(LocalDate.of(2026, 10, 15));
    assertThat(f.total()).isCloseTo(3000.0, within(1e-6));
    assertThat(f.low()).isCloseTo(3000.0, within(1e-6));
    assertThat(f.high()).isCloseTo(3000.0, within(1e-6));
  }

  @Test
  void theBootstrapIntervalHoldsTheForecastIsSeededAndWidensWithTheHorizon() {
    // 56 days of 100 + i with a repeating −6…+6 wiggle that is not weekly (period 5), so residuals remain.
    double[] daily = new double[56];
    double[] wiggle = {-6, -3, 0, 3, 6};
    for (int i = 0; i < daily.length; i++) {
      daily[i] = 100 + i + wiggle[i % 5];
    }
    LocalDate first = LocalDate.of(2026, 9, 7);
    LocalDate start = first.plusDays(56);
    CostForecast.Forecast week = CostForecast.forecast(daily, first, start, start.plusDays(6)).orElseThrow();
    CostForecast.Forecast month = CostForecast.forecast(daily, first, start, start.plusDays(29)).orElseThrow();
    assertThat(week.excludedDays()).isEmpty();
    // The line continues: day 56 … 62 of 100 + i is 156 … 162, 1,113 in all; the wiggle averages out to within its size.
    assertThat(week.total()).isCloseTo(1113.0, within(7 * 6.0));
    assertThat(week.low()).isLessThan(week.total());
    assertThat(week.high()).isGreaterThan(week.total());
    assertThat(month.high() - month.low()).isGreaterThan(week.high() - week.low());
    assertThat(CostForecast.forecast(daily, first, start, start.plusDays(6)).orElseThrow()).isEqualTo(week);
  }

  @Test
  void theBacktestComparesEachCompleteMonthWithTheForecastFromTheDaysBefore() {
    // 100 + i a day from Jan 1, 2026 (i = 0) to Apr 30 (i = 119), a perfect line: with 30 days of history, February,
    // March and April are forecast; each forecast equals the spend, so MAPE is 0.
    List<CostRow> rows = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      rows.add(at(LocalDate.of(2026, 1, 1).plusDays(i) + "T00:00:00Z", 100 + i));
    }
    CostForecast.Backtest b = CostForecast.backtest(rows, ZoneOffset.UTC, 30).orElseThrow();
    assertThat(b.months()).extracting(CostForecast.BacktestMonth::month)
        .containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4));
    // February: days 31 … 58 → 28 × 100 + (31 + 58) × 28 / 2 = 2,800 + 1,246 = 4,046.
    assertThat(b.months().get(0).actual()).isCloseTo(4046.0, within(1e-9));
    assertThat(b.months().get(0).forecast()).isCloseTo(4046.0, within(1e-6));
    assertThat(b.mape()).isCloseTo(0.0, within(1e-6));
    assertThat(CostForecast.backtest(rows.subList(0, 20), ZoneOffset.UTC, 30)).isEmpty();
  }
}
