package io.companyos.scoring.health;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import io.companyos.scoring.slo.SloResult;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The raw values of the {@link StandardHealthModel}'s reliability KPIs, each over an explicit window. These
 * are the only definitions of those KPIs: the packs, the badge, Actuator and {@code score health} all call
 * them. Ratios are aggregated first and divided once (never an average of ratios).
 */
public final class StandardHealthKpis {
  /** P1/P2 counts are scaled to this many days so that windows of any length compare. */
  public static final int INCIDENT_RATE_DAYS = 30;

  private StandardHealthKpis() {}

  /**
   * Error budget consumed across SLOs: {@code Σ bad / Σ (total × (1 − target))}, each SLO against its own
   * target (Google SRE Workbook, "Implementing SLOs": the error budget is {@code 1 − SLO} of the events).
   * 1 means the SLOs together spent exactly what their objectives allow; below 1 every budget can still be
   * within its objective. Empty when no SLO had events.
   *
   * @param slos the SLO results; those without events are skipped
   * @return the budget consumed as a ratio (1 = spent exactly), or empty when no SLO had events
   */
  public static OptionalDouble sloBudgetConsumed(List<SloResult> slos) {
    double allowed = 0;
    long bad = 0;
    for (SloResult s : slos) {
      if (s.total() > 0) {
        allowed += s.total() * (1 - s.target());
        bad += s.bad();
      }
    }
    return allowed > 0 ? OptionalDouble.of(bad / allowed) : OptionalDouble.empty();
  }

  /**
   * P1 and P2 incidents created in {@code w}, scaled to {@link #INCIDENT_RATE_DAYS} days.
   *
   * @param incidents the incidents
   * @param w the half-open window {@code [start, end)} the creation time must lie in
   * @return the count × 30 / the window's length in days (a window shorter than a day counts as one day)
   */
  public static double majorIncidentsPer30Days(List<Incident> incidents, TimeWindow w) {
    long major = incidents.stream().filter(i -> w.contains(i.timeCreated()))
        .filter(i -> i.severity().equals("P1") || i.severity().equals("P2")).count();
    double days = w.length().toSeconds() / 86400.0;
    return major * (double) INCIDENT_RATE_DAYS / Math.max(1.0, days);
  }

  /**
   * P1 and P2 incidents created in {@code w}, unscaled.
   *
   * @param incidents the incidents
   * @param w the half-open window {@code [start, end)} the creation time must lie in
   * @return their count
   */
  public static long majorIncidents(List<Incident> incidents, TimeWindow w) {
    return incidents.stream().filter(i -> w.contains(i.timeCreated()))
        .filter(i -> i.severity().equals("P1") || i.severity().equals("P2")).count();
  }

  /**
   * Median time to restore, in hours, of the incidents <em>resolved</em> in {@code w} (created before or in
   * it), over all severities and causes: the pooled "MTTR". Counting by resolution time puts every restore in
   * exactly one window. An incident resolved before it was created is left out (its time would be negative).
   * Empty when none was resolved in {@code w}.
   *
   * @param incidents the incidents
   * @param w the half-open window {@code [start, end)} the resolution time must lie in
   * @return the median hours from creation to resolution, or empty when none was resolved in {@code w}
   */
  public static OptionalDouble medianRestoreHours(List<Incident> incidents, TimeWindow w) {
    double[] hours = resolvedIn(incidents, w).stream()
        .mapToDouble(i -> Duration.between(i.timeCreated(), i.timeResolved()).toSeconds() / 3600.0).toArray();
    return Percentiles.median(hours);
  }

  /**
   * The incidents resolved in {@code w}, whenever opened, and not before they were opened: the ones
   * {@link #medianRestoreHours} measures.
   *
   * @param incidents the incidents
   * @param w the half-open window {@code [start, end)} the resolution time must lie in
   * @return those resolved in {@code w} at or after their creation, in the order given
   */
  public static List<Incident> resolvedIn(List<Incident> incidents, TimeWindow w) {
    return incidents.stream().filter(i -> i.timeResolved() != null && w.contains(i.timeResolved())
        && !i.timeResolved().isBefore(i.timeCreated())).toList();
  }
}
