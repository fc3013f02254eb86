package io.companyos.sources.sample;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random stream with the few distributions the sample company needs; one per data domain. */
final class SampleRandom {
  private final SplittableRandom random;

  SampleRandom(long seed, String domain) {
    // Each domain gets its own stream so that adding data to one domain never shifts another.
    this.random = new SplittableRandom(seed * 31 + domain.hashCode());
  }

  double uniform(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }

  int between(int minInclusive, int maxInclusive) {
    return minInclusive + random.nextInt(maxInclusive - minInclusive + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Normal variate by Box–Muller, clamped to {@code [min, +inf)}. */
  double normal(double mean, double sd, double min) {
    double u1 = Math.max(random.nextDouble(), 1e-12);
    double u2 = random.nextDouble();
    double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(min, mean + sd * z);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Picks index {@code i} with probability {@code weights[i] / sum(weights)}. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
