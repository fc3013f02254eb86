package io.companyos.scoring.incident;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Incident counts, time to restore and repeats by severity, as defined in docs/scoring.md ("Incidents"). Counts
 * are of incidents <b>created</b> in the window; <b>MTTR</b> here is the mean (and median) hours from creation to
 * resolution over those of them that are resolved, per severity (the incident table's MTTR; the DORA and health
 * MTTR is the pooled median over incidents <em>resolved</em> in the window, see {@code dora.DoraMetrics}). An
 * incident whose resolution time is before its creation time is excluded from the MTTR (never a negative time to
 * restore) and counted in {@link SeverityStats#resolvedBeforeCreated}. An incident is a <b>repeat</b> when an
 * earlier incident with the same {@link IncidentFingerprint} was created at most {@code repeatWindow} (default 30
 * days) before it.
 */
public final class IncidentStats {
  /** Default look-back for repeat detection. */
  public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(30);

  private IncidentStats() {}

  /**
   * Summary of a window.
   *
   * @param window the window summarized
   * @param bySeverity the statistics of each listed severity, in the order asked for
   * @param total incidents of the listed severities created in the window
   * @param open of those, how many are still open
   * @param repeats of those, the repeats
   * @param createdAnySeverity incidents of any severity created in the window (the rows the table was read from)
   */
  public record Summary(TimeWindow window, List<SeverityStats> bySeverity, long total, long open,
      List<Incident> repeats, long createdAnySeverity) {
    /**
     * The count of one severity created in the window.
     *
     * @param severity the severity, e.g. {@code P1}
     * @return its count; 0 when the summary does not list it
     */
    public long countOf(String severity) {
      return bySeverity.stream().filter(s -> s.severity().equals(severity)).mapToLong(SeverityStats::count).sum();
    }
  }

  /**
   * Summarizes the incidents created in {@code window}.
   *
   * @param incidents incidents of the window and of at least {@code repeatWindow} before it
   * @param window the window; an incident is in it when its creation time is
   * @param severities severities to report, in order (always reported, with count 0 when none)
   * @param repeatWindow how far back an earlier incident with the same fingerprint makes one a repeat
   * @return the counts, MTTR and repeats per severity and in total
   */
  public static Summary summarize(List<Incident> incidents, TimeWindow window, List<String> severities, Duration repeatWindow) {
    Set<String> repeatIds = repeatIds(incidents, repeatWindow);
    Map<String, List<Incident>> bySeverity = new TreeMap<>();
    severities.forEach(s -> bySeverity.put(s, new ArrayList<>()));
    List<Incident> repeats = new ArrayList<>();
    long total = 0;
    long open = 0;
    long any = 0;
    for (Incident i : incidents) {
      if (!window.contains(i.timeCreated())) {
        continue;
      }
      any++;
      List<Incident> bucket = bySeverity.get(i.severity());
      if (bucket == null) {
        continue;
      }
      bucket.add(i);
      total++;
      if (i.timeResolved() == null) {
        open++;
      }
      if (repeatIds.contains(i.incidentId())) {
        repeats.add(i);
      }
    }
    List<SeverityStats> stats = new ArrayList<>();
    for (String s : severities) {
      stats.add(stats(s, bySeverity.get(s), repeatIds));
    }
    return new Summary(window, stats, total, open, repeats, any);
  }

  private static SeverityStats stats(String severity, List<Incident> list, Set<String> repeatIds) {
    List<Incident> restored = list.stream().filter(IncidentStats::restored).toList();
    double[] hours = restored.stream()
        .mapToDouble(i -> Duration.between(i.timeCreated(), i.timeResolved()).toMillis() / 3_600_000.0).toArray();
    long millis = restored.stream().mapToLong(i -> Duration.between(i.timeCreated(), i.timeResolved()).toMillis()).sum();
    long backwards = list.stream().filter(i -> i.timeResolved() != null && i.timeResolved().isBefore(i.timeCreated())).count();
    List<String> ids = list.stream().map(Incident::incidentId).sorted().toList();
    List<String> repeats = ids.stream().filter(repeatIds::contains).toList();
    long open = list.stream().filter(i -> i.timeResolved() == null).count();
    return severityStats(severity, list.size(), hours.length, millis, Percentiles.median(hours), open, ids, repeats,
        backwards);
  }

  /**
   * One severity's statistics from its counts: the one place the mean time to restore is divided, whoever counted. The
   * mean is the exact sum of whole milliseconds divided once, so it does not depend on the order the incidents came in.
   *
   * @param severity the severity
   * @param count incidents of the severity created in the window
   * @param resolved of those, the ones resolved not before they were created
   * @param restoreMillis the sum of their times to restore in whole milliseconds
   * @param medianHours the median of their times to restore in hours (empty when none is resolved)
   * @param open of those created, the ones still open
   * @param ids the ids counted, sorted
   * @param repeatIds the repeats among them, sorted
   * @param backwards those resolved before they were created
   * @return the statistics
   */
  public static SeverityStats severityStats(String severity, long count, long resolved, long restoreMillis,
      java.util.OptionalDouble medianHours, long open, List<String> ids, List<String> repeatIds, long backwards) {
    java.util.OptionalDouble mean = resolved == 0 ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(restoreMillis / 3_600_000.0 / resolved);
    return new SeverityStats(severity, count, resolved, mean, medianHours, repeatIds.size(), open, ids, repeatIds, backwards);
  }

  /** Resolved, at or after its creation: the incidents a time to restore is measured over. */
  private static boolean restored(Incident i) {
    return i.timeResolved() != null && !i.timeResolved().isBefore(i.timeCreated());
  }

  /**
   * Incidents open at {@code at}, in the order given: created before it and not resolved before it (as for
   * vulnerabilities, an incident resolved exactly at {@code at} is still open at {@code at}).
   *
   * @param incidents the incidents
   * @param at the instant
   * @return those open at {@code at}
   */
  public static List<Incident> openAt(List<Incident> incidents, Instant at) {
    return incidents.stream().filter(i -> i.timeCreated().isBefore(at) && (i.timeResolved() == null || !i.timeResolved().isBefore(at)))
        .toList();
  }

  /**
   * The incidents of some severities.
   *
   * @param incidents the incidents
   * @param severities the severities to keep, e.g. P1 and P2
   * @return the incidents of those severities, in the order given
   */
  public static List<Incident> ofSeverity(List<Incident> incidents, java.util.Collection<String> severities) {
    return incidents.stream().filter(i -> severities.contains(i.severity())).toList();
  }

  /**
   * Ids of incidents that repeat an earlier one: an incident with the same {@link IncidentFingerprint} created at most
   * {@code window} before it.
   *
   * @param incidents the incidents, in any order
   * @param window the look-back
   * @return the ids of the repeats, in order of creation
   */
  public static Set<String> repeatIds(List<Incident> incidents, Duration window) {
    List<Incident> sorted = new ArrayList<>(incidents);
    sorted.sort(Comparator.comparing(Incident::timeCreated).thenComparing(Incident::incidentId));
    Map<String, Incident> lastSeen = new HashMap<>();
    Set<String> out = new LinkedHashSet<>();
    for (Incident i : sorted) {
      String fp = IncidentFingerprint.of(i);
      Incident previous = lastSeen.put(fp, i);
      if (previous != null && Duration.between(previous.timeCreated(), i.timeCreated()).compareTo(window) <= 0) {
        out.add(i.incidentId());
      }
    }
    return out;
  }
}
