package io.companyos.scoring.dora;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The deployments created in one window, as columns: what {@link DoraMetrics} reads of them (creation time, whether the
 * status is a failure, the id). A reader that scans millions of rows hands them over this way, with ids it holds in its
 * own compact form and reads out only when the evidence is read; deployment records are turned into the same columns
 * ({@link #of}), so both give their keys through one computation.
 */
public final class WindowDeployments {
  private final long[] seconds;
  private final int[] nanos;
  private final BitSet failedStatus;
  private final IntFunction<String> id;
  private final ToIntFunction<String> indexOf;
  /** For each deployment the index of the first one with its id; null when the ids are distinct. */
  private final int @org.jspecify.annotations.Nullable [] first;

  private WindowDeployments(long[] seconds, int[] nanos, BitSet failedStatus, IntFunction<String> id,
      ToIntFunction<String> indexOf, int @org.jspecify.annotations.Nullable [] first) {
    if (seconds.length != nanos.length) {
      throw new IllegalArgumentException(seconds.length + " seconds for " + nanos.length + " nanoseconds");
    }
    this.seconds = seconds;
    this.nanos = nanos;
    this.failedStatus = failedStatus;
    this.id = id;
    this.indexOf = indexOf;
    this.first = first;
  }

  /**
   * The deployments of {@code window} among {@code deployments}, in the order given; an id may repeat (each record
   * counts its day and its rework, as a record; the id counts once as a deployment and as a failure).
   *
   * @param deployments deployments of any time (those outside the window are left out)
   * @param window the window
   * @return the window's deployments as columns
   */
  public static WindowDeployments of(List<Deployment> deployments, TimeWindow window) {
    List<Deployment> in = new ArrayList<>();
    for (Deployment d : deployments) {
      if (window.contains(d.timeCreated())) {
        in.add(d);
      }
    }
    int n = in.size();
    long[] seconds = new long[n];
    int[] nanos = new int[n];
    BitSet failed = new BitSet(n);
    String[] ids = new String[n];
    int[] first = new int[n];
    boolean repeats = false;
    Map<String, Integer> index = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, n * 4L / 3 + 1)));
    for (int i = 0; i < n; i++) {
      Deployment d = in.get(i);
      seconds[i] = d.timeCreated().getEpochSecond();
      nanos[i] = d.timeCreated().getNano();
      ids[i] = d.deployId();
      if (d.status() == DeployStatus.FAILURE) {
        failed.set(i);
      }
      Integer before = index.putIfAbsent(ids[i], i);
      first[i] = before == null ? i : before;
      repeats |= before != null;
    }
    return new WindowDeployments(seconds, nanos, failed, i -> ids[i], s -> index.getOrDefault(s, -1), repeats ? first : null);
  }

  /**
   * Deployments of one window with distinct ids, from a reader that keeps them as columns.
   *
   * @param epochSeconds the creation time of each, seconds since the epoch (the arrays are kept, not copied)
   * @param nanos the nanoseconds of the second of each creation time
   * @param failedStatus the indexes of those whose own status is a failure
   * @param id the id of the deployment at an index; the same id for an index every time, from any thread
   * @param indexOf the index of the deployment with an id, or -1 when no deployment of the window has it
   * @return the deployments as columns
   */
  public static WindowDeployments distinct(long[] epochSeconds, int[] nanos, BitSet failedStatus, IntFunction<String> id,
      ToIntFunction<String> indexOf) {
    return new WindowDeployments(epochSeconds, nanos, (BitSet) failedStatus.clone(), Objects.requireNonNull(id),
        Objects.requireNonNull(indexOf), null);
  }

  /**
   * How many deployment records the window holds (an id repeated in {@link #of} counts each time).
   *
   * @return the number of records
   */
  public int size() {
    return seconds.length;
  }

  long seconds(int i) {
    return seconds[i];
  }

  int nano(int i) {
    return nanos[i];
  }

  BitSet failedStatus() {
    return failedStatus;
  }

  String id(int i) {
    return id.apply(i);
  }

  /** The index of the first deployment with the same id as deployment {@code i}. */
  int first(int i) {
    return first == null ? i : first[i];
  }

  /** The index of the first deployment with id {@code id}, or -1. */
  int indexOf(String id) {
    return indexOf.applyAsInt(id);
  }

  /** The distinct ids, each once, as a list read on demand when the ids are distinct. */
  List<String> distinctIds() {
    if (first == null) {
      return new IdView(seconds.length, id);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      if (first[i] == i) {
        out.add(id.apply(i));
      }
    }
    return out;
  }

  /** How many distinct ids. */
  int distinctCount() {
    if (first == null) {
      return seconds.length;
    }
    int n = 0;
    for (int i = 0; i < first.length; i++) {
      n += first[i] == i ? 1 : 0;
    }
    return n;
  }
}
