package io.companyos.scoring.dora;

import java.util.List;
import java.util.Map;

/**
 * The records behind each DORA number of a window, so every count and rate can be traced: which deployments
 * counted, which failed and why (their status, or the incident that names them as root cause), which incidents'
 * restores were measured, and which deployments were rework. The lists and the map are returned sorted by id; they
 * are sorted when read, not when computed, so {@code score dora} over millions of deployments does not pay for ids it
 * never shows.
 *
 * @param deployments deployments created in the window
 * @param failedDeployments failed deployments in the window → why ("status failure", "root cause of INC-7")
 * @param changesDeployed changes whose first deployment lies in the window (lead time)
 * @param incidentsResolved incidents resolved in the window (MTTR)
 * @param changeFailuresResolved incidents resolved in the window that name a root-cause deployment
 * @param reworkDeployments deployments made while a change-caused incident was open
 * @param incidentsResolvedBeforeCreated incidents resolved in the window before they were created, left out of the
 *     time to restore and the failed deployment recovery time (bad data: their time would be negative)
 */
public record DoraEvidence(List<String> deployments, Map<String, String> failedDeployments, List<String> changesDeployed,
    List<String> incidentsResolved, List<String> changeFailuresResolved, List<String> reworkDeployments,
    List<String> incidentsResolvedBeforeCreated) {
  /**
   * Copies every list and the map; all are unmodifiable afterwards. Ids that {@link DoraMetrics} reads on demand from
   * their holder ({@link DoraMetrics.LeadTimes#of}, {@link WindowDeployments#distinct}) are kept as they are, never
   * copied.
   *
   * @param deployments deployments created in the window
   * @param failedDeployments failed deployments in the window → why
   * @param changesDeployed changes whose first deployment lies in the window
   * @param incidentsResolved incidents resolved in the window
   * @param changeFailuresResolved incidents resolved in the window that name a root-cause deployment
   * @param reworkDeployments deployments made while a change-caused incident was open
   * @param incidentsResolvedBeforeCreated incidents resolved in the window before they were created (skipped)
   */
  public DoraEvidence {
    deployments = copy(deployments);
    failedDeployments = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(failedDeployments)); // sorted when read
    changesDeployed = copy(changesDeployed);
    incidentsResolved = List.copyOf(incidentsResolved);
    changeFailuresResolved = List.copyOf(changeFailuresResolved);
    reworkDeployments = copy(reworkDeployments);
    incidentsResolvedBeforeCreated = List.copyOf(incidentsResolvedBeforeCreated);
  }

  /**
   * The evidence without skipped incidents (the constructor before {@code incidentsResolvedBeforeCreated}).
   *
   * @param deployments deployments created in the window
   * @param failedDeployments failed deployments in the window → why
   * @param changesDeployed changes whose first deployment lies in the window
   * @param incidentsResolved incidents resolved in the window
   * @param changeFailuresResolved incidents resolved in the window that name a root-cause deployment
   * @param reworkDeployments deployments made while a change-caused incident was open
   */
  public DoraEvidence(List<String> deployments, Map<String, String> failedDeployments, List<String> changesDeployed,
      List<String> incidentsResolved, List<String> changeFailuresResolved, List<String> reworkDeployments) {
    this(deployments, failedDeployments, changesDeployed, incidentsResolved, changeFailuresResolved, reworkDeployments,
        List.of());
  }

  /**
   * The failed deployments of the window and why each counted as failed.
   *
   * @return deployment id → why ("status failure", "root cause of INC-7"; several reasons joined by "; "), sorted by id
   */
  @Override
  public Map<String, String> failedDeployments() {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(failedDeployments));
  }

  /**
   * The deployments created in the window.
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> deployments() {
    return sorted(deployments);
  }

  /**
   * The changes whose first deployment lies in the window, those the lead time was measured on.
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> changesDeployed() {
    return sorted(changesDeployed);
  }

  /**
   * The incidents resolved in the window, those the time to restore was measured on.
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> incidentsResolved() {
    return sorted(incidentsResolved);
  }

  /**
   * The incidents resolved in the window that name a root-cause deployment (failed deployment recovery time).
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> changeFailuresResolved() {
    return sorted(changeFailuresResolved);
  }

  /**
   * The deployments made while a change-caused incident was open (deployment rework rate).
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> reworkDeployments() {
    return sorted(reworkDeployments);
  }

  /**
   * The incidents resolved in the window before they were created: left out of the time to restore and the failed
   * deployment recovery time.
   *
   * @return their ids, sorted
   */
  @Override
  public List<String> incidentsResolvedBeforeCreated() {
    return sorted(incidentsResolvedBeforeCreated);
  }

  /** A copy, except of ids read on demand from their holder (unmodifiable already; copying would read them all). */
  private static List<String> copy(List<String> ids) {
    return ids instanceof IdView ? ids : List.copyOf(ids);
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  /**
   * The failed deployments with the reason each counted as failed.
   *
   * @return one entry per failed deployment, written "d3 (root cause of i1)", sorted by id
   */
  public List<String> failedWithReasons() {
    return failedDeployments().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
  }
}
