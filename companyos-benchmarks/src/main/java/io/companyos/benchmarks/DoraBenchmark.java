package io.companyos.benchmarks;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.dora.DoraResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DORA four keys over 10 million rows (2.5 M deployments, 5 M changes, 2.5 M incidents over a year),
 * against a hand-written loop over primitive arrays computing the same four numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class DoraBenchmark {
  static final int DEPLOYS = 2_500_000;
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  static final long YEAR = 365L * 86_400_000L;

  List<Change> changes;
  List<Deployment> deployments;
  List<Incident> incidents;
  TimeWindow window;
  // The same data as primitive arrays for the plain loop.
  long[] changeCreated;
  long[] deployTime;
  int[] deployChangeA;
  int[] deployChangeB;
  boolean[] deployFailed;
  int[] incidentCause;
  long[] incidentCreated;
  long[] incidentResolved;

  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom r = new SplittableRandom(1);
    changes = new ArrayList<>(2 * DEPLOYS);
    deployments = new ArrayList<>(DEPLOYS);
    incidents = new ArrayList<>(DEPLOYS);
    changeCreated = new long[2 * DEPLOYS];
    deployTime = new long[DEPLOYS];
    deployChangeA = new int[DEPLOYS];
    deployChangeB = new int[DEPLOYS];
    deployFailed = new boolean[DEPLOYS];
    incidentCause = new int[DEPLOYS];
    incidentCreated = new long[DEPLOYS];
    incidentResolved = new long[DEPLOYS];
    for (int d = 0; d < DEPLOYS; d++) {
      long t = T0 + (long) d * YEAR / DEPLOYS;
      for (int k = 0; k < 2; k++) {
        int c = 2 * d + k;
        changeCreated[c] = t - 3_600_000L * (1 + r.nextInt(72));
        changes.add(new Change("c" + c, Instant.ofEpochMilli(changeCreated[c])));
      }
      deployTime[d] = t;
      deployChangeA[d] = 2 * d;
      deployChangeB[d] = 2 * d + 1;
      deployFailed[d] = r.nextInt(20) == 0;
      deployments.add(new Deployment("d" + d, Instant.ofEpochMilli(t), List.of("c" + (2 * d), "c" + (2 * d + 1)),
          deployFailed[d] ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      incidentCause[d] = r.nextInt(10) == 0 ? d : -1;
      incidentCreated[d] = t + 600_000L;
      incidentResolved[d] = incidentCreated[d] + 60_000L * (10 + r.nextInt(600));
      incidents.add(new Incident("i" + d, Instant.ofEpochMilli(incidentCreated[d]), Instant.ofEpochMilli(incidentResolved[d]), "P3", "s", "t",
          incidentCause[d] >= 0 ? "d" + d : null));
    }
    window = new TimeWindow(Instant.ofEpochMilli(T0 + YEAR / 4), Instant.ofEpochMilli(T0 + 3 * YEAR / 4));
  }

  @Benchmark
  public DoraResult companyos() {
    return DoraMetrics.compute(changes, deployments, incidents, window);
  }

  /** The same four numbers with ids as array indices and times as longs: the floor a JVM can reach. */
  @Benchmark
  public double[] plainLoop() {
    long from = window.start().toEpochMilli();
    long to = window.end().toEpochMilli();
    long[] first = new long[changeCreated.length];
    Arrays.fill(first, Long.MAX_VALUE);
    boolean[] failed = deployFailed.clone();
    int deploys = 0;
    for (int d = 0; d < deployTime.length; d++) {
      first[deployChangeA[d]] = Math.min(first[deployChangeA[d]], deployTime[d]);
      first[deployChangeB[d]] = Math.min(first[deployChangeB[d]], deployTime[d]);
      if (deployTime[d] >= from && deployTime[d] < to) {
        deploys++;
      }
    }
    int failures = 0;
    for (int i = 0; i < incidentCause.length; i++) {
      if (incidentCause[i] >= 0) {
        failed[incidentCause[i]] = true;
      }
    }
    for (int d = 0; d < deployTime.length; d++) {
      if (failed[d] && deployTime[d] >= from && deployTime[d] < to) {
        failures++;
      }
    }
    double[] lead = new double[changeCreated.length];
    int n = 0;
    for (int c = 0; c < changeCreated.length; c++) {
      if (first[c] >= from && first[c] < to && first[c] > changeCreated[c]) {
        lead[n++] = (first[c] - changeCreated[c]) / 3_600_000.0;
      }
    }
    double[] restore = new double[incidentCreated.length];
    int m = 0;
    for (int i = 0; i < incidentCreated.length; i++) {
      if (incidentResolved[i] >= from && incidentResolved[i] < to) {
        restore[m++] = (incidentResolved[i] - incidentCreated[i]) / 3_600_000.0;
      }
    }
    double[] l = Arrays.copyOf(lead, n);
    double[] rs = Arrays.copyOf(restore, m);
    Arrays.sort(l);
    Arrays.sort(rs);
    return new double[] {deploys, l[n / 2], (double) failures / deploys, rs[m / 2]};
  }
}
