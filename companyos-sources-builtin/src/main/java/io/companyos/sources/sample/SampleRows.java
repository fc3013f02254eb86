package io.companyos.sources.sample;

import io.companyos.model.data.MetricPoint;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates generated rows per record kind, keeping those that exist at the as-of, then freezes them
 * sorted by each kind's timestamp.
 */
final class SampleRows {
  private final Instant asOf;
  private final Map<RecordKind<?>, List<Object>> rows = new LinkedHashMap<>();

  SampleRows(Instant asOf) {
    this.asOf = asOf;
  }

  /** Adds a row that exists once its time ({@link RecordKind#timeOf}) lies before the as-of. */
  <T> void add(RecordKind<T> kind, T row) {
    if (kind.timeOf(row).isBefore(asOf)) {
      keep(kind, row);
    }
  }

  /**
   * Adds a row that is known from {@code knownFrom} on, whatever its own time: a day's cost once the day
   * has ended, a planned event a week ahead.
   */
  <T> void add(RecordKind<T> kind, T row, Instant knownFrom) {
    if (!knownFrom.isAfter(asOf)) {
      keep(kind, row);
    }
  }

  void metric(String name, Map<String, String> labels, Instant at, double value) {
    add(RecordKind.METRICS, new MetricPoint(at, name, labels, value));
  }

  private <T> void keep(RecordKind<T> kind, T row) {
    rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
  }

  /** Immutable lists sorted by time (stable, so equal timestamps keep generation order). */
  Map<RecordKind<?>, List<?>> freeze() {
    Map<RecordKind<?>, List<?>> frozen = new LinkedHashMap<>();
    rows.forEach((kind, list) -> frozen.put(kind, sorted(kind, list)));
    return Map.copyOf(frozen);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> sorted(RecordKind<T> kind, List<Object> list) {
    List<T> typed = new ArrayList<>((List<T>) list);
    typed.sort(Comparator.comparing(kind::timeOf));
    return List.copyOf(typed);
  }
}
