package io.companyos.benchmarks.nab;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled corpus of operational series generated from a fixed seed, on which the anomaly detector's parameters are
 * chosen — so that NAB is a held-out test, not the tuning set (docs/anomaly-detection.md, "How the parameters were
 * chosen").
 *
 * <p>Each series is a metric a company's dashboards hold: a level with a daily cycle (hourly or five-minute points) or
 * none, a trend (a growing cost, a flat latency), and one of six noise shapes — Gaussian, heavy-tailed, sparse counts
 * (mostly 0, such as errors per interval), a random walk, coarse integers, and multiplicative growth. Into it go one to
 * four anomalies of six kinds: spikes, level shifts, outages (a drop to zero), variance bursts, a change of trend, and a
 * lost daily cycle. Labels follow NAB's convention: a window of 10% of the series' length shared by its anomalies,
 * centred on each one's start, none in the first 15% (NAB's probationary part).
 *
 * <p>The generator was written from those operational shapes before any parameter was searched, and was not changed
 * after seeing a NAB result.
 */
public final class SyntheticCorpus {
  /** The seed of the corpus the parameters were chosen on. */
  public static final long SEED = 20261206L;

  private enum Noise { GAUSSIAN, HEAVY_TAILED, SPARSE_COUNTS, RANDOM_WALK, COARSE_INTEGERS, GROWTH }

  private enum Kind { SPIKE, LEVEL_SHIFT, OUTAGE, VARIANCE_BURST, TREND_CHANGE, LOST_CYCLE }

  private SyntheticCorpus() {}

  /**
   * The corpus of {@code files} series from {@code seed}.
   *
   * @param seed the random seed
   * @param files how many series
   * @return the labelled series, each named after its noise and anomaly kinds
   */
  public static List<NabEvaluation.LabelledFile> generate(long seed, int files) {
    SplittableRandom random = new SplittableRandom(seed);
    List<NabEvaluation.LabelledFile> out = new ArrayList<>(files);
    for (int f = 0; f < files; f++) {
      out.add(series(f, random.split()));
    }
    return out;
  }

  private static NabEvaluation.LabelledFile series(int index, SplittableRandom r) {
    Noise noise = Noise.values()[index % Noise.values().length];
    int n = 3000 + r.nextInt(5001);
    int period = switch (r.nextInt(3)) {
      case 0 -> 24;
      case 1 -> 288;
      default -> 0;
    };
    double level = 50 + r.nextDouble() * 950;
    double sigma = level * (0.01 + r.nextDouble() * 0.09);
    double amplitude = period == 0 ? 0 : sigma * (1 + r.nextDouble() * 5);
    double slope = r.nextInt(3) == 0 ? level * (r.nextDouble() * 0.5) / n : 0;
    double[] base = new double[n];
    double[] scale = new double[n];
    java.util.Arrays.fill(scale, 1);
    double walk = 0;
    for (int i = 0; i < n; i++) {
      double cycle = period == 0 ? 0 : amplitude * Math.sin(2 * Math.PI * i / period);
      base[i] = level + slope * i + cycle;
    }

    int anomalies = 1 + r.nextInt(4);
    int windowLength = Math.max(2, (int) (0.10 * n / anomalies));
    int first = (int) Math.ceil(0.15 * n) + windowLength / 2 + 1;
    int span = n - first - windowLength;
    List<int[]> windows = new ArrayList<>();
    StringBuilder name = new StringBuilder("synthetic/").append(String.format(java.util.Locale.ROOT, "%02d", index))
        .append('-').append(noise.name().toLowerCase(java.util.Locale.ROOT));
    int slot = span / anomalies;
    double[] shift = new double[n];
    for (int a = 0; a < anomalies; a++) {
      int start = first + a * slot + r.nextInt(Math.max(1, slot - windowLength));
      Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
      name.append('-').append(kind.name().toLowerCase(java.util.Locale.ROOT));
      double sign = r.nextBoolean() ? 1 : -1;
      switch (kind) {
        case SPIKE -> {
          int len = 1 + r.nextInt(3);
          double size = (6 + r.nextDouble() * 9) * sigma;
          for (int i = start; i < Math.min(n, start + len); i++) {
            shift[i] += sign * size;
          }
        }
        case LEVEL_SHIFT -> {
          double size = (3 + r.nextDouble() * 5) * sigma;
          for (int i = start; i < n; i++) {
            shift[i] += sign * size;
          }
        }
        case OUTAGE -> {
          int len = 10 + r.nextInt(41);
          for (int i = start; i < Math.min(n, start + len); i++) {
            shift[i] = Double.NEGATIVE_INFINITY;
          }
        }
        case VARIANCE_BURST -> {
          int len = 50 + r.nextInt(151);
          for (int i = start; i < Math.min(n, start + len); i++) {
            scale[i] = 4;
          }
        }
        case TREND_CHANGE -> {
          double rate = sign * (0.05 + r.nextDouble() * 0.15) * sigma;
          for (int i = start; i < n; i++) {
            shift[i] += rate * (i - start);
          }
        }
        case LOST_CYCLE -> {
          int len = Math.max(period, 1) * (1 + r.nextInt(3));
          double size = period == 0 ? sign * 4 * sigma : 0;
          for (int i = start; i < Math.min(n, start + len); i++) {
            double cycle = period == 0 ? 0 : amplitude * Math.sin(2 * Math.PI * i / period);
            shift[i] += size - cycle;
          }
        }
      }
      windows.add(new int[] {Math.max(0, start - windowLength / 2), Math.min(n - 1, start + (windowLength - 1) / 2)});
    }

    double[] values = new double[n];
    double rate = 0.5 + r.nextDouble() * 4.5;
    for (int i = 0; i < n; i++) {
      double v;
      switch (noise) {
        case GAUSSIAN -> v = base[i] + shift[i] + scale[i] * sigma * r.nextGaussian();
        case HEAVY_TAILED -> {
          double g = r.nextGaussian();
          v = base[i] + shift[i] + scale[i] * sigma * (r.nextInt(20) == 0 ? 3 * g : g);
        }
        case SPARSE_COUNTS -> {
          double lambda = Math.max(0, rate * (base[i] + shift[i]) / level) * scale[i];
          v = poisson(r, lambda);
        }
        case RANDOM_WALK -> {
          walk += 0.2 * sigma * r.nextGaussian();
          v = base[i] + shift[i] + walk + scale[i] * sigma * r.nextGaussian();
        }
        case COARSE_INTEGERS -> v = Math.rint((base[i] + shift[i]) / sigma + scale[i] * r.nextGaussian());
        case GROWTH -> v = (base[i] + shift[i]) * Math.pow(1.0004, i) + scale[i] * sigma * r.nextGaussian();
        default -> throw new AssertionError(noise);
      }
      values[i] = shift[i] == Double.NEGATIVE_INFINITY ? 0 : Math.max(0, v);
    }
    return new NabEvaluation.LabelledFile(name.toString(), values, windows);
  }

  private static int poisson(SplittableRandom r, double lambda) {
    if (lambda > 30) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
    }
    double limit = Math.exp(-lambda);
    double p = 1;
    int k = -1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k;
  }
}
