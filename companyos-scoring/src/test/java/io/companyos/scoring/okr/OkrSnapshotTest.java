package io.companyos.scoring.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.KeyResult;
import io.companyos.model.time.TimeWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkrSnapshotTest {
  static KeyResult kr(String id, double current, String updated) {
    return new KeyResult("2026-Q4", "O1", "Grow", id, id, "cto", 0, 100, current, "%", Instant.parse(updated));
  }

  @Test
  void theLatestSnapshotOfEachKeyResultCounts() {
    List<KeyResult> rows = List.of(kr("kr1", 40, "2026-11-10T00:00:00Z"), kr("kr1", 20, "2026-10-10T00:00:00Z"),
        kr("kr2", 10, "2026-10-05T00:00:00Z"), new KeyResult("2026-Q3", "O1", "Grow", "kr3", "x", "cto", 0, 1, 1, "%",
            Instant.parse("2026-09-01T00:00:00Z")));
    assertThat(OkrRollup.latest(rows, "2026-Q4")).extracting(KeyResult::keyResultId, KeyResult::current)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kr1", 40.0), org.assertj.core.groups.Tuple.tuple("kr2", 10.0));
  }

  @Test
  void elapsedIsTheShareOfTheQuarterBehindUsClampedToZeroAndOne() {
    // Q4 2026 has 92 days; on 23 November 00:00 53 days have passed: 53/92 = 0.5761.
    TimeWindow q = new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(OkrRollup.elapsed(q, Instant.parse("2026-11-23T00:00:00Z"))).isCloseTo(53.0 / 92, within(1e-12));
    assertThat(OkrRollup.elapsed(q, Instant.parse("2026-09-01T00:00:00Z"))).isEqualTo(0.0);
    assertThat(OkrRollup.elapsed(q, Instant.parse("2027-02-01T00:00:00Z"))).isEqualTo(1.0);
  }

  @Test
  void achievedOrOnTrackCountsBothAndNothingElse() {
    // Half the quarter gone: on track needs progress >= 0.35, at risk >= 0.2.
    List<OkrRollup.ObjectiveLine> o = OkrRollup.rollup(List.of(kr("a", 100, "2026-11-01T00:00:00Z"), kr("b", 40, "2026-11-01T00:00:00Z"),
        kr("c", 25, "2026-11-01T00:00:00Z"), kr("d", 5, "2026-11-01T00:00:00Z")), "2026-Q4", 0.5);
    List<OkrRollup.KeyResultLine> lines = o.get(0).keyResults();
    assertThat(lines).extracting(OkrRollup.KeyResultLine::achieved).containsExactly(true, false, false, false);
    assertThat(OkrRollup.achievedOrOnTrack(lines)).isEqualTo(2); // a achieved, b on track; c at risk, d off track
  }
}
