package io.companyos.scoring.incident;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Incident statistics of one severity in a window ({@link IncidentStats#summarize}).
 *
 * @param count incidents created in the window
 * @param resolved of those, how many are resolved with a resolution time not before their creation time (the
 *     incidents the MTTR is over)
 * @param mttrHoursMean mean hours created → resolved over the resolved ones; empty when none is
 * @param mttrHoursMedian median of the same (PERCENTILE_CONT); empty when none is
 * @param repeats incidents in the window that repeat an earlier incident (see {@link IncidentStats})
 * @param open incidents created in the window that are still open
 * @param incidentIds ids of the incidents counted, sorted
 * @param repeatIds ids of the repeats among them, sorted
 * @param resolvedBeforeCreated incidents whose resolution time is before their creation time: counted, neither
 *     open nor resolved, and left out of the MTTR (a negative time to restore is a data error, not a fast fix)
 * @param severity the severity these statistics are of
 */
public record SeverityStats(
    String severity, long count, long resolved, OptionalDouble mttrHoursMean, OptionalDouble mttrHoursMedian,
    long repeats, long open, List<String> incidentIds, List<String> repeatIds, long resolvedBeforeCreated) {
  /**
   * Copies both id lists, which are unmodifiable afterwards.
   *
   * @param severity the severity
   * @param count incidents created in the window
   * @param resolved of those, how many are resolved
   * @param mttrHoursMean mean hours to resolve
   * @param mttrHoursMedian median hours to resolve
   * @param repeats repeats among them
   * @param open of those, how many are still open
   * @param incidentIds ids of the incidents counted
   * @param repeatIds ids of the repeats
   * @param resolvedBeforeCreated incidents resolved before they were created
   */
  public SeverityStats {
    incidentIds = List.copyOf(incidentIds);
    repeatIds = List.copyOf(repeatIds);
  }
}
