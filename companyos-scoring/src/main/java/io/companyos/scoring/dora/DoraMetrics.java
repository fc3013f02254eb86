package io.companyos.scoring.dora;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.Percentiles;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of DORA (DevOps Research and Assessment) computed as Four Keys / Apache DevLake do, plus the two keys
 * DORA added since (failed deployment recovery time, 2023; deployment rework rate, 2024), levels by a chosen
 * {@link DoraBenchmark} year:
 *
 * <ul>
 *   <li><b>Deployment frequency</b>: deployments per day; level by deploy days per week —
 *       elite ≥ 5 (on demand), high ≥ 1 per week, medium ≥ 1 per month (7/30 per week), low otherwise.
 *   <li><b>Lead time for changes</b>: median (PERCENTILE_CONT) of first-deploy time − change creation,
 *       over changes whose first deployment is in the window; non-positive durations are ignored (clock
 *       skew or back-dated changes). Levels: elite &lt; 1 day, high &lt; 1 week, medium &lt; 30 days, low otherwise.
 *   <li><b>Change failure rate</b>: distinct deployments in the window that failed or are named as an
 *       incident's {@code root_cause_deploy}, divided by deployments in the window (so never above 1).
 *       Levels: elite ≤ 5%, high ≤ 10%, medium ≤ 15%, low otherwise.
 *   <li><b>Time to restore</b>: median hours from creation to resolution over incidents resolved in the
 *       window; one resolved before it was created is left out of this and of failed deployment recovery time
 *       (listed in {@link DoraEvidence#incidentsResolvedBeforeCreated()}), never counted as a negative time.
 *       Levels: elite &lt; 1 hour, high &lt; 1 day, medium &lt; 1 week, low otherwise.
 * </ul>
 *
 * The overall level is the lowest level among the keys that have data; a window without deployments has no
 * deployment-frequency level (so a window without any data has no level at all). Deployments are scanned
 * once; changes and incidents once each.
 */
public final class DoraMetrics {
  private static final double HOURS_PER_DAY = 24.0;

  private DoraMetrics() {}

  /**
   * Computes the four keys for {@code window}.
   *
   * @param changes all known changes (any time)
   * @param deployments all known deployments (any time: earlier ones decide which deploy was first)
   * @param incidents all known incidents (any time)
   * @param window the window the keys are computed for
   * @return the keys, levels by {@link DoraBenchmark#newest()}
   */
  public static DoraResult compute(
      List<Change> changes, List<Deployment> deployments, List<Incident> incidents, TimeWindow window) {
    return compute(changes, deployments, incidents, window, DoraBenchmark.newest());
  }

  /**
   * Computes the five keys for {@code window}, levels by {@code benchmark}.
   *
   * <p><b>Failed deployment recovery time</b> (DORA since 2023): median hours from creation to resolution of
   * the incidents resolved in the window that name a root-cause deployment (failures caused by a change).
   * <b>Deployment rework rate</b> (DORA 2024): deployments in the window made while such an incident was open
   * (other than the failing deployment itself) / deployments in the window. Our records carry no
   * planned/unplanned flag, so "made because of an incident" is approximated by "made while a change-caused
   * incident was open".
   *
   * @param changes all known changes (any time)
   * @param deployments all known deployments (any time: earlier ones decide which deploy was first)
   * @param incidents all known incidents (any time)
   * @param window the window the keys are computed for
   * @param benchmark the report year whose bands give the levels
   * @return the keys, their levels and the records behind them
   */
  public static DoraResult compute(
      List<Change> changes, List<Deployment> deployments, List<Incident> incidents, TimeWindow window, DoraBenchmark benchmark) {
    // Each change's first deployment, over deployments of any time.
    Map<String, Instant> firstDeploy = new HashMap<>();
    for (Deployment d : deployments) {
      for (String c : d.changes()) {
        firstDeploy.merge(c, d.timeCreated(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    double[] lead = new double[changes.size()];
    List<String> leadIds = new java.util.ArrayList<>();
    int n = 0;
    for (Change c : changes) {
      Instant first = firstDeploy.get(c.changeId());
      if (first != null && window.contains(first)) {
        double hours = (first.toEpochMilli() - c.timeCreated().toEpochMilli()) / 3_600_000.0;
        if (hours > 0) {
          lead[n++] = hours;
          leadIds.add(c.changeId());
        }
      }
    }
    return keys(lead, n, leadIds, WindowDeployments.of(deployments, window), incidents, window, benchmark);
  }

  /**
   * The same keys when the lead times were found by the reader (a columnar read joins changes to their first deployment
   * itself and keeps neither as records).
   *
   * @param leadTimes the lead time in hours of each change whose first deployment (over all deployments) lies in the
   *     window, positive ones only, and the changes' ids in the same order
   * @param deployments the deployments (those outside the window are ignored; their change lists are not read)
   * @param incidents all known incidents (any time)
   * @param window the window the keys are computed for
   * @param benchmark the report year whose bands give the levels
   * @return the keys, their levels and the records behind them
   */
  public static DoraResult compute(LeadTimes leadTimes, List<Deployment> deployments, List<Incident> incidents, TimeWindow window,
      DoraBenchmark benchmark) {
    return compute(leadTimes, WindowDeployments.of(deployments, window), incidents, window, benchmark);
  }

  /**
   * The same keys when the reader found the lead times and hands over the window's deployments as columns (a scan over
   * millions of rows that keeps no record per row).
   *
   * @param leadTimes the lead time in hours of each change whose first deployment (over all deployments) lies in the
   *     window, positive ones only, and the changes' ids in the same order
   * @param deployments the deployments created in the window
   * @param incidents all known incidents (any time)
   * @param window the window the keys are computed for
   * @param benchmark the report year whose bands give the levels
   * @return the keys, their levels and the records behind them
   */
  public static DoraResult compute(LeadTimes leadTimes, WindowDeployments deployments, List<Incident> incidents, TimeWindow window,
      DoraBenchmark benchmark) {
    return keys(leadTimes.hours(), leadTimes.hours().length, leadTimes.changeIds(), deployments, incidents, window, benchmark);
  }

  /**
   * Lead times in hours and the ids of their changes, in the same order.
   *
   * @param hours the lead time of each change in hours (the array is kept, not copied)
   * @param changeIds the changes' ids, one per lead time
   */
  public record LeadTimes(double[] hours, List<String> changeIds) {
    /**
     * Checks that there is one id per lead time.
     *
     * @param hours the lead time of each change in hours
     * @param changeIds the changes' ids, one per lead time
     * @throws IllegalArgumentException if the lengths differ
     */
    public LeadTimes {
      if (hours.length != changeIds.size()) {
        throw new IllegalArgumentException(hours.length + " lead times for " + changeIds.size() + " changes");
      }
    }

    /**
     * Lead times whose change ids are read only when the evidence is read: for a scan over millions of changes that
     * holds the ids in its own compact form, so that computing the keys does not make a {@code String} of each id.
     *
     * @param hours the lead time of each change in hours (the array is kept, not copied)
     * @param changeId the id of the change of lead time {@code i}; it must give the same id for an index every time,
     *     from any thread, for as long as the result is used
     * @return the lead times, with an unmodifiable list of ids backed by {@code changeId}
     */
    public static LeadTimes of(double[] hours, java.util.function.IntFunction<String> changeId) {
      return new LeadTimes(hours, new IdView(hours.length, changeId));
    }
  }

  /** The keys from the lead times (the first {@code n} of {@code lead}) and the window's deployments: the one computation. */
  private static DoraResult keys(double[] lead, int n, List<String> leadIds, WindowDeployments deploys, List<Incident> incidents,
      TimeWindow window, DoraBenchmark benchmark) {
    // The window's deployments: their days, and those that failed (their status, or an incident names them).
    int size = deploys.size();
    BitSet failed = new BitSet(size);
    Map<String, String> why = new HashMap<>();
    DaySet deployDays = new DaySet(window);
    for (int d = 0; d < size; d++) {
      deployDays.add(Math.floorDiv(deploys.seconds(d), 86_400L)); // the UTC day
    }
    BitSet byStatus = deploys.failedStatus();
    for (int d = byStatus.nextSetBit(0); d >= 0; d = byStatus.nextSetBit(d + 1)) {
      failed.set(deploys.first(d));
      why.merge(deploys.id(d), "status failure", (a, b) -> a + "; " + b);
    }
    int[] causeAt = new int[incidents.size()]; // each incident's root-cause deployment in the window, or -1
    for (int x = 0; x < incidents.size(); x++) {
      Incident i = incidents.get(x);
      int d = i.rootCauseDeploy() == null ? -1 : deploys.indexOf(i.rootCauseDeploy());
      causeAt[x] = d;
      if (d >= 0) {
        failed.set(d);
        why.merge(i.rootCauseDeploy(), "root cause of " + i.incidentId(), (a, b) -> a + "; " + b);
      }
    }

    OptionalDouble leadMedian = Percentiles.median(Arrays.copyOf(lead, n));

    // An incident resolved before it was created has no time to restore (it would be negative): skipped and listed.
    double[] restore = new double[incidents.size()];
    List<String> restoredIds = new java.util.ArrayList<>();
    List<String> backwardsIds = new java.util.ArrayList<>();
    int m = 0;
    for (Incident i : incidents) {
      if (i.timeResolved() != null && window.contains(i.timeResolved())) {
        if (i.timeResolved().isBefore(i.timeCreated())) {
          backwardsIds.add(i.incidentId());
          continue;
        }
        restoredIds.add(i.incidentId());
        restore[m++] = (i.timeResolved().toEpochMilli() - i.timeCreated().toEpochMilli()) / 3_600_000.0;
      }
    }
    OptionalDouble restoreMedian = Percentiles.median(Arrays.copyOf(restore, m));

    // Failed deployment recovery time: only incidents a change caused (they name a root-cause deployment).
    double[] recovery = new double[incidents.size()];
    int k = 0;
    List<String> recoveredIds = new java.util.ArrayList<>();
    List<Incident> changeCaused = new java.util.ArrayList<>();
    int[] changeCauseAt = new int[incidents.size()];
    for (int x = 0; x < incidents.size(); x++) {
      Incident i = incidents.get(x);
      if (i.rootCauseDeploy() == null) {
        continue;
      }
      changeCauseAt[changeCaused.size()] = causeAt[x];
      changeCaused.add(i);
      if (i.timeResolved() != null && window.contains(i.timeResolved()) && !i.timeResolved().isBefore(i.timeCreated())) {
        recoveredIds.add(i.incidentId());
        recovery[k++] = (i.timeResolved().toEpochMilli() - i.timeCreated().toEpochMilli()) / 3_600_000.0;
      }
    }
    OptionalDouble recoveryMedian = Percentiles.median(Arrays.copyOf(recovery, k));

    // Rework: deployments in the window made while a change-caused incident was open, other than its cause.
    List<String> reworkIds = reworkDeployments(deploys, changeCaused, changeCauseAt);
    long rework = reworkIds.size();

    return assemble(window, deploys.distinctCount(), deployDays.size(), n, leadMedian, failed.cardinality(), m, restoreMedian, k,
        recoveryMedian, rework, benchmark,
        new DoraEvidence(deploys.distinctIds(), why, leadIds, restoredIds, recoveredIds, reworkIds, backwardsIds));
  }

  /**
   * The keys, their levels and the overall level from the window's counts and medians: the one place the rates are
   * divided and the bands applied, whoever counted (this class over records, or a distributed engine over tables).
   *
   * @param window the window the keys are computed for
   * @param deploys distinct deployments created in the window
   * @param deployDays distinct UTC days of the window with a deployment
   * @param changesDeployed changes whose first deployment lies in the window, with a positive lead time
   * @param leadMedian the median lead time in hours of those changes (empty without any)
   * @param failed distinct deployments of the window that failed or that an incident names as its root cause
   * @param incidentsResolved incidents resolved in the window, not before they were created
   * @param restoreMedian the median hours created → resolved of those incidents
   * @param changeFailuresResolved those of them that name a root-cause deployment
   * @param recoveryMedian the median hours created → resolved of those
   * @param rework deployments of the window made while a change-caused incident other than one they caused was open
   * @param benchmark the report year whose bands give the levels
   * @param evidence the records behind the numbers
   * @return the keys, their levels and the records behind them
   */
  public static DoraResult assemble(TimeWindow window, long deploys, long deployDays, long changesDeployed,
      OptionalDouble leadMedian, long failed, long incidentsResolved, OptionalDouble restoreMedian, long changeFailuresResolved,
      OptionalDouble recoveryMedian, long rework, DoraBenchmark benchmark, DoraEvidence evidence) {
    double days = window.length().toMillis() / 86_400_000.0;
    OptionalDouble perDay = days > 0 ? OptionalDouble.of(deploys / days) : OptionalDouble.empty();
    OptionalDouble daysPerWeek = days > 0 ? OptionalDouble.of(deployDays / (days / 7.0)) : OptionalDouble.empty();
    OptionalDouble cfr = deploys == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) failed / deploys);

    // No deployment in the window gives no level: "no deploys" and "no data" cannot be told apart here, and a
    // window without data must read n/a, never "low".
    DoraLevel df = days > 0 && deploys > 0 ? deploymentFrequencyLevel(daysPerWeek.getAsDouble()) : null;
    DoraLevel lt = leadMedian.isPresent() ? leadTimeLevel(leadMedian.getAsDouble()) : null;
    DoraLevel cf = cfr.isPresent() ? benchmark.changeFailureLevel(cfr.getAsDouble()) : null;
    DoraLevel tr = restoreMedian.isPresent() ? benchmark.recoveryLevel(restoreMedian.getAsDouble()) : null;
    DoraLevel fr = recoveryMedian.isPresent() ? benchmark.recoveryLevel(recoveryMedian.getAsDouble()) : null;
    OptionalDouble reworkRate = deploys == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) rework / deploys);
    // The overall level follows the keys DORA bands today: frequency, lead time, change fail rate and failed
    // deployment recovery time. Pooled time to restore keeps its own level but does not enter the overall.
    return new DoraResult(window, deploys, perDay, daysPerWeek, df, changesDeployed, leadMedian, lt, failed, cfr, cf,
        incidentsResolved, restoreMedian, tr, lowest(df, lt, cf, fr), changeFailuresResolved, recoveryMedian, fr, rework,
        reworkRate, benchmark, evidence);
  }

  /**
   * The deployments whose own status is a failure (the change failure rate also counts deploys an incident names).
   *
   * @param deployments the deployments
   * @return those with status {@link DeployStatus#FAILURE}, in the order given
   */
  public static List<Deployment> failedByStatus(List<Deployment> deployments) {
    return deployments.stream().filter(d -> d.status() == io.companyos.model.data.DeployStatus.FAILURE).toList();
  }

  /**
   * Level by distinct deploy days per week: elite ≥ 5, high ≥ 1, medium ≥ 7/30, low otherwise.
   *
   * @param deployDaysPerWeek the distinct days with a deployment, per week of the window
   * @return the level
   */
  public static DoraLevel deploymentFrequencyLevel(double deployDaysPerWeek) {
    if (deployDaysPerWeek >= 5) {
      return DoraLevel.ELITE;
    }
    if (deployDaysPerWeek >= 1) {
      return DoraLevel.HIGH;
    }
    return deployDaysPerWeek >= 7.0 / 30.0 ? DoraLevel.MEDIUM : DoraLevel.LOW;
  }

  /**
   * Level by median lead time: elite &lt; 1 day, high &lt; 1 week, medium &lt; 30 days, low otherwise.
   *
   * @param hours the median lead time in hours
   * @return the level
   */
  public static DoraLevel leadTimeLevel(double hours) {
    if (hours < HOURS_PER_DAY) {
      return DoraLevel.ELITE;
    }
    if (hours < 7 * HOURS_PER_DAY) {
      return DoraLevel.HIGH;
    }
    return hours < 30 * HOURS_PER_DAY ? DoraLevel.MEDIUM : DoraLevel.LOW;
  }

  /**
   * Level by change failure rate, by the 2023 bands ({@link DoraBenchmark#changeFailureLevel} for others):
   * elite ≤ 5%, high ≤ 10%, medium ≤ 15%, low otherwise.
   *
   * @param rate the change failure rate in [0, 1]
   * @return the level
   */
  public static DoraLevel changeFailureLevel(double rate) {
    if (rate <= 0.05) {
      return DoraLevel.ELITE;
    }
    if (rate <= 0.10) {
      return DoraLevel.HIGH;
    }
    return rate <= 0.15 ? DoraLevel.MEDIUM : DoraLevel.LOW;
  }

  /**
   * Level by median time to restore: elite &lt; 1 hour, high &lt; 1 day, medium &lt; 1 week, low otherwise.
   *
   * @param hours the median time to restore in hours
   * @return the level
   */
  public static DoraLevel timeToRestoreLevel(double hours) {
    if (hours < 1) {
      return DoraLevel.ELITE;
    }
    if (hours < HOURS_PER_DAY) {
      return DoraLevel.HIGH;
    }
    return hours < 7 * HOURS_PER_DAY ? DoraLevel.MEDIUM : DoraLevel.LOW;
  }

  /**
   * The deployments in {@code window} made while some change-caused incident other than one they caused was open
   * ({@code created ≤ t ≤ resolved}, or still open). The incidents' starts and ends cut time into spans in which the
   * same causes are open; each deployment finds its span by a binary search, in any order, so millions of deployments
   * and thousands of incidents cost O((D + I) log I), not D × I, and the deployments need no sorting.
   */
  private static List<String> reworkDeployments(WindowDeployments deploys, List<Incident> changeCaused, int[] causeAt) {
    // Each root-cause deployment is numbered from 1, with the window index of its deployment (-1: not in the window).
    Map<String, Integer> number = new HashMap<>();
    int[] causeIndex = new int[changeCaused.size() + 1];
    int[] causeOf = new int[changeCaused.size()];
    for (int k = 0; k < changeCaused.size(); k++) {
      int d = causeAt[k];
      causeOf[k] = number.computeIfAbsent(changeCaused.get(k).rootCauseDeploy(), c -> {
        int v = number.size() + 1;
        causeIndex[v] = d < 0 ? -1 : deploys.first(d);
        return v;
      });
    }
    // Bounds: an incident opens at its creation (for t ≥ created) and closes after its resolution (for t > resolved).
    // Sorted by time, an opening before a closing at the same time; the state after each bound is the state of the span
    // that starts there.
    int bounds = 0;
    Integer[] order = new Integer[2 * changeCaused.size()];
    for (int k = 0; k < changeCaused.size(); k++) {
      Incident i = changeCaused.get(k);
      if (i.timeResolved() != null && i.timeResolved().isBefore(i.timeCreated())) {
        continue; // resolved before it was created: open at no time
      }
      order[bounds++] = 2 * k; // opens
      if (i.timeResolved() != null) {
        order[bounds++] = 2 * k + 1; // closes
      }
    }
    java.util.function.IntFunction<Instant> time = b -> (b & 1) == 0 ? changeCaused.get(b >> 1).timeCreated()
        : changeCaused.get(b >> 1).timeResolved();
    Arrays.sort(order, 0, bounds, java.util.Comparator.<Integer, Instant>comparing(b -> time.apply(b)).thenComparingInt(b -> b & 1));
    long[] seconds = new long[bounds];
    int[] nanos = new int[bounds];
    boolean[] closes = new boolean[bounds];
    int[] openCauses = new int[bounds]; // how many causes have an incident open in the span from each bound
    int[] onlyCause = new int[bounds]; // with one, its number
    int[] openOf = new int[causeIndex.length];
    int causes = 0;
    long causeSum = 0; // the sum of the open causes' numbers: with one open, its number
    for (int k = 0; k < bounds; k++) {
      int b = order[k];
      Instant t = time.apply(b);
      seconds[k] = t.getEpochSecond();
      nanos[k] = t.getNano();
      closes[k] = (b & 1) == 1;
      int c = causeOf[b >> 1];
      if (!closes[k] && openOf[c]++ == 0) {
        causes++;
        causeSum += c;
      } else if (closes[k] && --openOf[c] == 0) {
        causes--;
        causeSum -= c;
      }
      openCauses[k] = causes;
      onlyCause[k] = causes == 1 ? (int) causeSum : 0;
    }
    int[] out = new int[16];
    int count = 0;
    for (int d = 0; d < deploys.size(); d++) {
      // The last bound in effect at d's time: an opening at or before it, a closing strictly before it.
      long sec = deploys.seconds(d);
      int nano = deploys.nano(d);
      int lo = 0;
      int hi = bounds; // bounds[0, lo) are in effect, [hi, bounds) are not
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int cmp = seconds[mid] != sec ? Long.compare(seconds[mid], sec) : Integer.compare(nanos[mid], nano);
        if (cmp < 0 || cmp == 0 && !closes[mid]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int open = lo == 0 ? 0 : openCauses[lo - 1];
      // Rework when an open incident has another cause than d: certain with two causes open, else unless d is the one.
      if (open > 1 || open == 1 && causeIndex[onlyCause[lo - 1]] != deploys.first(d)) {
        if (count == out.length) {
          out = Arrays.copyOf(out, count * 2);
        }
        out[count++] = d;
      }
    }
    int[] rework = out;
    return new IdView(count, i -> deploys.id(rework[i]));
  }

  /** Distinct UTC days (epoch days): a bit per day of the window when it spans few enough days, else a hash set. */
  private static final class DaySet {
    private final long first;
    private final java.util.@Nullable BitSet bits;
    private final Set<Long> others = new HashSet<>();

    DaySet(TimeWindow window) {
      first = Math.floorDiv(window.start().getEpochSecond(), 86_400L);
      long last = Math.floorDiv(window.end().getEpochSecond(), 86_400L);
      bits = last - first < 1_000_000 ? new java.util.BitSet((int) (last - first + 1)) : null;
    }

    void add(long day) {
      long i = day - first;
      if (bits != null && i >= 0 && i < 1_000_000) {
        bits.set((int) i);
      } else {
        others.add(day);
      }
    }

    int size() {
      return (bits == null ? 0 : bits.cardinality()) + others.size();
    }
  }

  private static @Nullable DoraLevel lowest(@Nullable DoraLevel... levels) {
    DoraLevel out = null;
    for (DoraLevel l : levels) {
      if (l != null) {
        out = out == null ? l : out.min(l);
      }
    }
    return out;
  }
}
