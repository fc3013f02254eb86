package io.companyos.scoring.okr;

import io.companyos.model.data.KeyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls key-result snapshots of a quarter up to objectives: the latest snapshot of each key result
 * counts; an objective's progress is the mean of its key results' progress.
 */
public final class OkrRollup {
  private OkrRollup() {}

  /**
   * A key result at its latest snapshot.
   *
   * @param keyResult the latest snapshot
   * @param progress its progress in [0, 1] ({@link KeyResultProgress#progress})
   * @param status its status against the calendar
   */
  public record KeyResultLine(KeyResult keyResult, double progress, KeyResultProgress.Status status) {
    /**
     * Whether the key result has reached its target.
     *
     * @return true when progress is 1
     */
    public boolean achieved() {
      return progress >= 1.0;
    }

    /**
     * Whether the key result counts as "on track" in the roll-up lines.
     *
     * @return true when achieved or on track against the calendar
     */
    public boolean achievedOrOnTrack() {
      return achieved() || status == KeyResultProgress.Status.ON_TRACK;
    }
  }

  /**
   * An objective with its key results.
   *
   * @param objectiveId the objective's id
   * @param objective the objective as written
   * @param progress the mean progress of its key results, in [0, 1]
   * @param status the status of that progress against the calendar
   * @param keyResults its key results, sorted by key-result id
   */
  public record ObjectiveLine(String objectiveId, String objective, double progress, KeyResultProgress.Status status,
      List<KeyResultLine> keyResults) {}

  /**
   * The latest snapshot (by {@code updatedAt}) of each key result of {@code quarter}.
   *
   * @param snapshots key-result rows, any number of snapshots per key result
   * @param quarter the quarter, as written in the rows
   * @return one snapshot per key result, sorted by key-result id
   */
  public static List<KeyResult> latest(List<KeyResult> snapshots, String quarter) {
    Map<String, KeyResult> latest = new LinkedHashMap<>();
    snapshots.stream().filter(k -> k.quarter().equals(quarter)).sorted(Comparator.comparing(KeyResult::updatedAt))
        .forEach(k -> latest.put(k.keyResultId(), k));
    return latest.values().stream().sorted(Comparator.comparing(KeyResult::keyResultId)).toList();
  }

  /**
   * The share of {@code quarter} that has passed at {@code at}, in [0, 1], to the second: the calendar that
   * on-track status is judged against.
   *
   * @param quarter the quarter's window
   * @param at the instant
   * @return the elapsed share, clamped to [0, 1]
   */
  public static double elapsed(io.companyos.model.time.TimeWindow quarter, java.time.Instant at) {
    double share = (double) java.time.Duration.between(quarter.start(), at).toSeconds() / quarter.length().toSeconds();
    return Math.max(0, Math.min(1, share));
  }

  /**
   * How many of {@code lines} are achieved or on track.
   *
   * @param lines the key-result lines
   * @return their count
   */
  public static long achievedOrOnTrack(List<KeyResultLine> lines) {
    return lines.stream().filter(KeyResultLine::achievedOrOnTrack).count();
  }

  /**
   * Rolls the latest snapshots of a quarter up to objectives.
   *
   * @param snapshots key-result rows (any number of snapshots per key result) of one quarter
   * @param quarter the quarter, as written in the rows
   * @param elapsed share of the quarter that has passed, in [0, 1]
   * @return one line per objective, sorted by objective id
   */
  public static List<ObjectiveLine> rollup(List<KeyResult> snapshots, String quarter, double elapsed) {
    List<KeyResult> latest = latest(snapshots, quarter).stream()
        .sorted(Comparator.comparing(KeyResult::objectiveId).thenComparing(KeyResult::keyResultId)).toList();
    Map<String, List<KeyResultLine>> byObjective = new LinkedHashMap<>();
    for (KeyResult k : latest) {
      double p = KeyResultProgress.progress(k);
      byObjective.computeIfAbsent(k.objectiveId(), o -> new ArrayList<>())
          .add(new KeyResultLine(k, p, KeyResultProgress.status(p, elapsed)));
    }
    List<ObjectiveLine> out = new ArrayList<>();
    byObjective.forEach((id, lines) -> {
      double p = lines.stream().mapToDouble(KeyResultLine::progress).average().orElse(0);
      out.add(new ObjectiveLine(id, lines.get(0).keyResult().objective(), p, KeyResultProgress.status(p, elapsed), List.copyOf(lines)));
    });
    return out;
  }
}
