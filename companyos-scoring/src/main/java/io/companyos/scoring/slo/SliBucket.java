package io.companyos.scoring.slo;

import java.time.Instant;

/** Event counts of one SLI over a short bucket (e.g. one hour) starting at {@code start}. */
public record SliBucket(Instant start, long total, long bad) {
  public SliBucket {
    if (total < 0 || bad < 0 || bad > total) {
      throw new IllegalArgumentException("need 0 <= bad <= total, got bad=" + bad + " total=" + total);
    }
  }
}
