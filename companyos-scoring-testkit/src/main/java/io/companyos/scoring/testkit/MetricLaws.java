package io.companyos.scoring.testkit;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import io.companyos.scoring.dora.DoraMetrics;
import io.companyos.scoring.slo.Slo;
import io.companyos.scoring.slo.SloResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Laws of the individual metrics: medians, change failure rate, burn rate. */
public final class MetricLaws {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private MetricLaws() {}

  /**
   * The median of values does not depend on their order.
   *
   * @return the law
   */
  public static Law<double[]> medianIsInvariantUnderPermutation() {
    Generator<double[]> g = r -> {
      double[] v = new double[1 + r.nextInt(40)];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextDouble() * 1000 - 500;
      }
      return v;
    };
    return new Law<>("the median does not depend on the order of the values", g, v -> {
      double[] reversed = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        reversed[i] = v[v.length - 1 - i];
      }
      return Percentiles.median(v).equals(Percentiles.median(reversed)) ? Optional.empty()
          : Optional.of("medians differ for " + Arrays.toString(v));
    });
  }

  /** Deployments and incidents of one week, some failed, some blamed (possibly several times). */
  public record Week(List<Deployment> deployments, List<Incident> incidents) {}

  /**
   * The change failure rate lies in [0, 1], however often an incident blames a deployment.
   *
   * @return the law
   */
  public static Law<Week> changeFailureRateLiesBetweenZeroAndOne() {
    Generator<Week> g = r -> {
      List<Deployment> d = new ArrayList<>();
      List<Incident> inc = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(30); i < n; i++) {
        Instant t = T0.plus(Duration.ofMinutes(r.nextInt(7 * 24 * 60)));
        d.add(new Deployment("d" + i, t, List.of(), r.nextBoolean() ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
        for (int k = r.nextInt(3); k > 0; k--) {
          inc.add(new Incident("i" + i + "-" + k, t.plusSeconds(60), null, "P3", "s", "t", "d" + i));
        }
      }
      return new Week(d, inc);
    };
    return new Law<>("the change failure rate lies in [0, 1]", g, w -> {
      double cfr = DoraMetrics.compute(List.of(), w.deployments(), w.incidents(), new TimeWindow(T0, T0.plus(Duration.ofDays(7))))
          .changeFailureRate().orElse(0);
      return cfr >= 0 && cfr <= 1 ? Optional.empty() : Optional.of("CFR " + cfr);
    });
  }

  /** An SLO target with event counts. */
  public record Counts(double target, long total, long bad) {}

  /**
   * The burn rate times the error budget is the ratio of bad events.
   *
   * @return the law
   */
  public static Law<Counts> burnRateTimesBudgetIsTheErrorRatio() {
    Generator<Counts> g = r -> {
      long total = 1 + r.nextLong(10_000_000);
      return new Counts(0.5 + r.nextDouble() * 0.4999, total, (long) Math.floor(total * r.nextDouble()));
    };
    return new Law<>("burn rate × (1 − target) equals the error ratio", g, c -> {
      SloResult s = Slo.ofCounts(c.target(), c.total(), c.bad());
      double lhs = s.burnRate().getAsDouble() * (1 - c.target());
      return Math.abs(lhs - s.errorRatio().getAsDouble()) <= 1e-9 ? Optional.empty() : Optional.of(lhs + " ≠ " + s.errorRatio());
    });
  }
}
