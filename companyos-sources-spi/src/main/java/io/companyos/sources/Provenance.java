package io.companyos.sources;

import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a number came from: which source, which query, which time window, when it was fetched and
 * how many rows it was computed from. Packs render it as a footnote next to the number.
 */
public record Provenance(String sourceId, String query, TimeWindow window, Instant fetchedAt, long rowCount) {

  public Provenance {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
  }
}
