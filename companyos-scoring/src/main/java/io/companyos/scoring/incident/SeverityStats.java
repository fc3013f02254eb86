package io.companyos.scoring.incident;

import java.util.OptionalDouble;

/**
 * Incident statistics of one severity in a window.
 *
 * @param count incidents created in the window
 * @param resolved of those, how many are resolved
 * @param mttrHoursMean mean hours created → resolved over the resolved ones
 * @param mttrHoursMedian median of the same (PERCENTILE_CONT)
 * @param repeats incidents in the window that repeat an earlier incident (see {@link IncidentStats})
 * @param open incidents created in the window that are still open
 */
public record SeverityStats(
    String severity, long count, long resolved, OptionalDouble mttrHoursMean, OptionalDouble mttrHoursMedian,
    long repeats, long open) {}
