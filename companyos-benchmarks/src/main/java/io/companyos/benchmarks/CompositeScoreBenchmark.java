package io.companyos.benchmarks;

import io.companyos.scoring.health.HealthModel;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthScorer;
import io.companyos.scoring.health.Kpi;
import io.companyos.scoring.health.StandardHealthModel;
import java.util.HashMap;
import java.util.Map;
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

/** The standard 15-KPI health score with its explanation, against a weighted sum over double[]. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompositeScoreBenchmark {
  HealthModel model;
  Map<String, Double> values;
  double[] raw;
  double[] weights;
  double[] zeroAt;
  double[] fullAt;

  @Setup
  public void setUp() {
    model = StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel());
    values = new HashMap<>();
    int n = model.kpis().size();
    raw = new double[n];
    weights = new double[n];
    zeroAt = new double[n];
    fullAt = new double[n];
    for (int i = 0; i < n; i++) {
      Kpi k = model.kpis().get(i);
      raw[i] = 0.5 + i;
      values.put(k.id(), raw[i]);
      weights[i] = 1.0 / n;
      zeroAt[i] = 0;
      fullAt[i] = 20;
    }
  }

  @Benchmark
  public HealthScore companyos() {
    return HealthScorer.score(model, values);
  }

  /** Linear normalization and a weighted sum, without explanation, rescaling or rounding rule. */
  @Benchmark
  public double plainLoop() {
    double s = 0;
    for (int i = 0; i < raw.length; i++) {
      double x = (raw[i] - zeroAt[i]) / (fullAt[i] - zeroAt[i]) * 100;
      s += weights[i] * Math.max(0, Math.min(100, x));
    }
    return s;
  }
}
