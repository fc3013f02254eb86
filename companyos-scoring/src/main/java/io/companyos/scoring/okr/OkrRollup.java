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

  /** A key result at its latest snapshot. */
  public record KeyResultLine(KeyResult keyResult, double progress, KeyResultProgress.Status status) {}

  /** An objective with its key results. */
  public record ObjectiveLine(String objectiveId, String objective, double progress, KeyResultProgress.Status status,
      List<KeyResultLine> keyResults) {}

  /**
   * @param snapshots key-result rows (any number of snapshots per key result) of one quarter
   * @param elapsed share of the quarter that has passed, in [0, 1]
   */
  public static List<ObjectiveLine> rollup(List<KeyResult> snapshots, String quarter, double elapsed) {
    Map<String, KeyResult> latest = new LinkedHashMap<>();
    snapshots.stream().filter(k -> k.quarter().equals(quarter))
        .sorted(Comparator.comparing(KeyResult::objectiveId).thenComparing(KeyResult::keyResultId).thenComparing(KeyResult::updatedAt))
        .forEach(k -> latest.put(k.keyResultId(), k));
    Map<String, List<KeyResultLine>> byObjective = new LinkedHashMap<>();
    for (KeyResult k : latest.values()) {
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
