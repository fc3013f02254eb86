package io.companyos.scoring.slo;

import java.time.Instant;

/**
 * Event counts of one SLI over a short bucket (e.g. one hour) starting at {@code start}.
 *
 * @param start the instant the bucket starts at
 * @param total events in the bucket, ≥ 0
 * @param bad events that broke the SLI, 0 ≤ bad ≤ total
 */
public record SliBucket(Instant start, long total, long bad) {
  /**
   * Checks the counts.
   *
   * @param start the instant the bucket starts at
   * @param total events in the bucket
   * @param bad events that broke the SLI
   * @throws IllegalArgumentException unless {@code 0 ≤ bad ≤ total}
   */
  public SliBucket {
    if (total < 0 || bad < 0 || bad > total) {
      throw new IllegalArgumentException("need 0 <= bad <= total, got bad=" + bad + " total=" + total);
    }
  }
}
