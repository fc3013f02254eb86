package io.companyos.benchmarks;

import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.SprintCalendar;
import io.companyos.scoring.series.Aggregation;
import io.companyos.scoring.series.PeriodAggregator;
import io.companyos.scoring.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One million minute-resolution points (about two years) summed per day and over a rolling 7 days. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WindowedAggregationBenchmark {
  static final int N = 1_000_000;
  TimeSeries series;

  @Setup
  public void setUp() {
    long t0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    long[] t = new long[N];
    double[] v = new double[N];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < N; i++) {
      t[i] = t0 + i * 60_000L;
      v[i] = r.nextDouble() * 100;
    }
    series = new TimeSeries(t, v);
  }

  @Benchmark
  public List<PeriodAggregator.Bucket> companyosDaily() {
    return PeriodAggregator.byPeriod(series, PeriodKind.DAY, ZoneOffset.UTC, SprintCalendar.DEFAULT, Aggregation.SUM);
  }

  @Benchmark
  public double[] companyosRolling7d() {
    return PeriodAggregator.rolling(series, Duration.ofDays(7), Aggregation.SUM);
  }

  /** Daily sums by integer division of UTC epoch milliseconds. */
  @Benchmark
  public double[] plainDailyLoop() {
    long[] t = series.times();
    double[] v = series.values();
    long firstDay = Math.floorDiv(t[0], 86_400_000L);
    double[] out = new double[(int) (Math.floorDiv(t[t.length - 1], 86_400_000L) - firstDay + 1)];
    for (int i = 0; i < t.length; i++) {
      out[(int) (Math.floorDiv(t[i], 86_400_000L) - firstDay)] += v[i];
    }
    return out;
  }
}
