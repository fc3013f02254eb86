package io.companyos.scoring.incident;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Incident counts, time to restore and repeats by severity. An incident is a <b>repeat</b> when an
 * earlier incident with the same {@link IncidentFingerprint} was created at most {@code repeatWindow}
 * (default 30 days) before it.
 */
public final class IncidentStats {
  /** Default look-back for repeat detection. */
  public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(30);

  private IncidentStats() {}

  /** Summary of a window. */
  public record Summary(TimeWindow window, List<SeverityStats> bySeverity, long total, long open,
      List<Incident> repeats) {}

  /**
   * Summarizes the incidents created in {@code window}.
   *
   * @param incidents incidents of the window and of at least {@code repeatWindow} before it
   * @param severities severities to report, in order (always reported, with count 0 when none)
   */
  public static Summary summarize(List<Incident> incidents, TimeWindow window, List<String> severities, Duration repeatWindow) {
    Set<String> repeatIds = repeatIds(incidents, repeatWindow);
    Map<String, List<Incident>> bySeverity = new TreeMap<>();
    severities.forEach(s -> bySeverity.put(s, new ArrayList<>()));
    List<Incident> repeats = new ArrayList<>();
    long total = 0;
    long open = 0;
    for (Incident i : incidents) {
      if (!window.contains(i.timeCreated())) {
        continue;
      }
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
    return new Summary(window, stats, total, open, repeats);
  }

  private static SeverityStats stats(String severity, List<Incident> list, Set<String> repeatIds) {
    double[] hours = list.stream().filter(i -> i.timeResolved() != null)
        .mapToDouble(i -> Duration.between(i.timeCreated(), i.timeResolved()).toMillis() / 3_600_000.0).toArray();
    long repeats = list.stream().filter(i -> repeatIds.contains(i.incidentId())).count();
    long open = list.stream().filter(i -> i.timeResolved() == null).count();
    return new SeverityStats(severity, list.size(), hours.length, Percentiles.mean(hours), Percentiles.median(hours),
        repeats, open);
  }

  /** Ids of incidents that repeat an earlier one within {@code window}. */
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
