package io.companyos.scoring.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodAggregatorTest {
  static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  // Sun 22 Nov 23:30Z (week 47), Mon 23 Nov 01:00Z and 12:00Z, Tue 1 Dec (week 49).
  static final TimeSeries S = new TimeSeries(
      new long[] {ms("2026-11-22T23:30:00Z"), ms("2026-11-23T01:00:00Z"), ms("2026-11-23T12:00:00Z"), ms("2026-12-01T08:00:00Z")},
      new double[] {5, 1, 3, 10});

  @Test
  void weeksSumPerIsoWeekAndSkipEmptyWeeks() {
    List<PeriodAggregator.Bucket> w = PeriodAggregator.byPeriod(S, PeriodKind.WEEK, ZoneOffset.UTC, SprintCalendar.DEFAULT, Aggregation.SUM);
    // Week of 16-22 Nov: 5; week of 23-29 Nov: 1 + 3 = 4; week 30 Nov-6 Dec: 10. No empty buckets.
    assertThat(w).extracting(PeriodAggregator.Bucket::value).containsExactly(5.0, 4.0, 10.0);
    assertThat(w.get(1).period().start()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(w.get(1).count()).isEqualTo(2);
  }

  @Test
  void theTimeZoneDecidesTheDay() {
    // In Berlin (UTC+1) 22 Nov 23:30Z is already 23 Nov 00:30: the first three points share a day.
    List<PeriodAggregator.Bucket> d = PeriodAggregator.byPeriod(S, PeriodKind.DAY, ZoneId.of("Europe/Berlin"), SprintCalendar.DEFAULT,
        Aggregation.MEAN);
    assertThat(d).extracting(PeriodAggregator.Bucket::value).containsExactly(3.0, 10.0); // (5+1+3)/3, 10
    assertThat(PeriodAggregator.byPeriod(S, PeriodKind.MONTH, ZoneOffset.UTC, SprintCalendar.DEFAULT, Aggregation.MAX))
        .extracting(PeriodAggregator.Bucket::value).containsExactly(5.0, 10.0);
  }

  @Test
  void rollingWindowsLookBackHalfOpen() {
    TimeSeries s = new TimeSeries(new long[] {0, 1000, 2000, 3000, 4000}, new double[] {4, 1, 3, 5, 2});
    // Window (t - 2s, t]: at 2000 it holds 1000 and 2000 -> sum 4, max 3, min 1.
    assertThat(PeriodAggregator.rolling(s, Duration.ofSeconds(2), Aggregation.SUM)).containsExactly(4, 5, 4, 8, 7);
    assertThat(PeriodAggregator.rolling(s, Duration.ofSeconds(2), Aggregation.MAX)).containsExactly(4, 4, 3, 5, 5);
    assertThat(PeriodAggregator.rolling(s, Duration.ofSeconds(2), Aggregation.MIN)).containsExactly(4, 1, 1, 3, 2);
  }

  @Test
  void rollingAgreesWithANaiveWindowScan() {
    qt().forAll(integers().between(1, 200), integers().between(1, 50)).checkAssert((n, widthSec) -> {
      Random r = new Random(n * 31L + widthSec);
      long[] t = new long[n];
      double[] v = new double[n];
      for (int i = 1; i < n; i++) {
        t[i] = t[i - 1] + r.nextInt(5) * 1000L;
      }
      for (int i = 0; i < n; i++) {
        v[i] = r.nextInt(100) - 50;
      }
      TimeSeries s = new TimeSeries(t, v);
      for (Aggregation agg : List.of(Aggregation.SUM, Aggregation.MIN, Aggregation.MAX, Aggregation.COUNT)) {
        double[] fast = PeriodAggregator.rolling(s, Duration.ofSeconds(widthSec), agg);
        for (int i = 0; i < n; i++) {
          double naive = agg == Aggregation.MIN ? Double.POSITIVE_INFINITY : agg == Aggregation.MAX ? Double.NEGATIVE_INFINITY : 0;
          for (int j = 0; j <= i; j++) {
            if (t[j] > t[i] - widthSec * 1000L) {
              naive = switch (agg) {
                case SUM -> naive + v[j];
                case MIN -> Math.min(naive, v[j]);
                case MAX -> Math.max(naive, v[j]);
                default -> naive + 1;
              };
            }
          }
          assertThat(fast[i]).as(agg + " at " + i).isEqualTo(naive);
        }
      }
    });
  }
}
