package io.companyos.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The four DORA software-delivery metrics as defined in the DORA "Accelerate State of DevOps" reports:
 * deployment frequency (deploys per day), lead time for changes (median commit-to-production time),
 * change failure rate (failed deploys / deploys) and time to restore service (mean time from incident
 * start to resolution). Inputs are plain numbers so that any source can feed them.
 */
public final class DoraMetrics {
  private DoraMetrics() {}

  /** Deploys per day over a window of {@code days} days; empty for an empty window. */
  public static OptionalDouble deploymentFrequency(long deploys, double days) {
    return days <= 0 ? OptionalDouble.empty() : OptionalDouble.of(deploys / days);
  }

  /** Median of the lead times in hours; empty when there are none. */
  public static OptionalDouble leadTimeHours(Collection<Duration> leadTimes) {
    return median(leadTimes.stream().map(d -> d.toSeconds() / 3600.0).toList());
  }

  /** Failed deploys as a percentage of all deploys; empty when there were no deploys. */
  public static OptionalDouble changeFailureRatePercent(long failed, long deploys) {
    if (failed < 0 || deploys < 0 || failed > deploys) {
      throw new IllegalArgumentException("need 0 <= failed <= deploys, got " + failed + " of " + deploys);
    }
    return deploys == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * failed / deploys);
  }

  /** Mean time to restore in hours over resolved incidents; empty when none were resolved. */
  public static OptionalDouble timeToRestoreHours(Collection<Duration> restoreTimes) {
    return restoreTimes.stream().mapToDouble(d -> d.toSeconds() / 3600.0).average();
  }

  /** The median (mean of the two middle values for an even count); empty for no values. */
  public static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
  }
}
