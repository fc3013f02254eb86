package io.companyos.scoring.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.KeyResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkrTest {
  static KeyResult kr(String id, double start, double target, double current, String updated) {
    return new KeyResult("2026-Q4", "O1", "Run an efficient cloud", id, id, "lee", start, target, current, "$", Instant.parse(updated));
  }

  @Test
  void progressWorksForLowerIsBetterKeyResults() {
    // Cost per MAU from 320 to 260, now 290: (290 - 320) / (260 - 320) = 0.5.
    assertThat(KeyResultProgress.progress(kr("k", 320, 260, 290, "2026-11-01T00:00:00Z"))).isEqualTo(0.5);
    assertThat(KeyResultProgress.progress(kr("k", 320, 260, 340, "2026-11-01T00:00:00Z"))).isEqualTo(0.0);
  }

  @Test
  void statusComparesProgressWithElapsedTime() {
    // Half the quarter gone: on track needs >= 0.35, at risk >= 0.2.
    assertThat(KeyResultProgress.status(0.35, 0.5)).isEqualTo(KeyResultProgress.Status.ON_TRACK);
    assertThat(KeyResultProgress.status(0.2, 0.5)).isEqualTo(KeyResultProgress.Status.AT_RISK);
    assertThat(KeyResultProgress.status(0.1, 0.5)).isEqualTo(KeyResultProgress.Status.OFF_TRACK);
  }

  @Test
  void rollupUsesTheLatestSnapshotAndAveragesKeyResults() {
    List<OkrRollup.ObjectiveLine> lines = OkrRollup.rollup(List.of(
        kr("k1", 0, 10, 2, "2026-10-10T00:00:00Z"), kr("k1", 0, 10, 8, "2026-11-10T00:00:00Z"), // latest 0.8
        kr("k2", 0, 10, 4, "2026-11-10T00:00:00Z")), "2026-Q4", 0.5);                           // 0.4
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).progress()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12)); // (0.8 + 0.4) / 2
    assertThat(lines.get(0).keyResults()).extracting(OkrRollup.KeyResultLine::progress).containsExactly(0.8, 0.4);
  }
}
