package io.companyos.benchmarks;

import io.companyos.benchmarks.nab.NabEvaluation;
import io.companyos.scoring.anomaly.RobustZScoreDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The causal detector over 100 000 points, against a plain windowed mean/standard-deviation z-score over
 * double[] (running sums, no medians); and the detector over NAB's 58 real series (365 558 points), read from
 * {@code -Dnab.dir} (default {@code ../shared/nab}, never copied into the project).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AnomalyBenchmark {
  static final int N = 100_000;
  static final int WINDOW = 1500;
  double[] values;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(5);
    values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = 100 + 10 * Math.sin(i / 50.0) + r.nextDouble() * 5 + (r.nextInt(2000) == 0 ? 80 : 0);
    }
  }

  /** NAB's series, each a value column; operational data, unlike the sine above. */
  @State(Scope.Benchmark)
  public static class Nab {
    List<double[]> series;

    @Setup
    public void setUp() throws IOException {
      Path nab = Path.of(System.getProperty("nab.dir", "../shared/nab"));
      if (!Files.isDirectory(nab.resolve("data"))) {
        throw new IllegalStateException("NAB's data is not at " + nab.toAbsolutePath() + " (set -Dnab.dir)");
      }
      series = NabEvaluation.load(nab).stream().map(NabEvaluation.LabelledFile::values).toList();
    }
  }

  /** Every NAB series once; the sum of the last scores keeps the work from being dropped. */
  @Benchmark
  public double companyosOnNab(Nab nab) {
    double sum = 0;
    for (double[] values : nab.series) {
      double[] scores = RobustZScoreDetector.defaults().scores(values);
      sum += scores[scores.length - 1];
    }
    return sum;
  }

  @Benchmark
  public double[] companyos() {
    return RobustZScoreDetector.defaults().scores(values);
  }

  @Benchmark
  public double[] plainLoop() {
    double[] out = new double[N];
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < N; i++) {
      int n = Math.min(i, WINDOW);
      if (n > 30) {
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(1e-12, sq / n - mean * mean));
        double z = Math.abs(values[i] - mean) / sd;
        out[i] = z * z / (z * z + 9);
      }
      sum += values[i];
      sq += values[i] * values[i];
      if (i >= WINDOW) {
        sum -= values[i - WINDOW];
        sq -= values[i - WINDOW] * values[i - WINDOW];
      }
    }
    return out;
  }
}
