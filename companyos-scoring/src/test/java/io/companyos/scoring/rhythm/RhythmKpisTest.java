package io.companyos.scoring.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ActionItem;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RhythmKpisTest {
  static final Instant T = Instant.parse("2026-11-16T10:00:00Z");
  static final TimeWindow W = new TimeWindow(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(30)));

  @Test
  void startAdherenceCountsMeetingsStartedWithinTwoMinutes() {
    List<MeetingRecord> m = List.of(new MeetingRecord("1", "ops", T, T.plusSeconds(120)), // on time (exactly 2 min)
        new MeetingRecord("2", "ops", T, T.plusSeconds(121)),                            // late
        new MeetingRecord("3", "ops", T, null));                                         // did not take place
    assertThat(RhythmKpis.startAdherence(m, W)).hasValue(0.5);
  }

  @Test
  void decisionTimeAndActionCompletion() {
    List<Decision> d = List.of(new Decision("1", "ops", "d1", T, T.plus(Duration.ofHours(10))),
        new Decision("2", "ops", "d2", T, T.plus(Duration.ofHours(50))), new Decision("3", "ops", "d3", T, null));
    assertThat(RhythmKpis.decisionTimeHours(d, W)).hasValue(30.0); // (10 + 50) / 2
    Instant due = T.plus(Duration.ofDays(7));
    List<ActionItem> a = List.of(new ActionItem("1", "ops", "t", "o", T, due, due.minusSeconds(1)),
        new ActionItem("2", "ops", "t", "o", T, due, due.plusSeconds(1)), // completed late
        new ActionItem("3", "ops", "t", "o", T, due, null));
    assertThat(RhythmKpis.actionCompletion(a, W).getAsDouble()).isEqualTo(1.0 / 3);
  }

  @Test
  void dashboardUsageAndPackGeneration() {
    List<DashboardView> v = List.of(new DashboardView(T, "u1", "cto"), new DashboardView(T, "u1", "ciso"),
        new DashboardView(T, "u2", "cto"));
    assertThat(RhythmKpis.dashboardUsage(v, W, 4)).hasValue(0.5); // 2 distinct of 4
    assertThat(RhythmKpis.packGenerationSuccess(9, 10)).hasValue(0.9);
    assertThat(RhythmKpis.packGenerationSuccess(0, 0)).isEmpty();
  }

  @Test
  void followThroughIsWhereTheItemsStandAtTheInstant() {
    java.time.Instant at = java.time.Instant.parse("2026-11-20T12:00:00Z");
    java.util.List<io.companyos.model.data.ActionItem> items = java.util.List.of(
        new io.companyos.model.data.ActionItem("a1", "ops", "t", "o", at.minusSeconds(86400), at.plusSeconds(3600), at.minusSeconds(60)), // done
        new io.companyos.model.data.ActionItem("a2", "ops", "t", "o", at.minusSeconds(86400), at.minusSeconds(3600), null),             // overdue
        new io.companyos.model.data.ActionItem("a3", "ops", "t", "o", at.minusSeconds(86400), at.plusSeconds(3600), at.plusSeconds(60)),  // open: done later
        new io.companyos.model.data.ActionItem("a4", "ops", "t", "o", at.minusSeconds(86400), at.minusSeconds(3600), at));               // done exactly at
    RhythmKpis.FollowThrough f = RhythmKpis.followThrough(items, at);
    org.assertj.core.api.Assertions.assertThat(f.done()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(f.overdue()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(f.doneShare()).hasValue(0.5);
    org.assertj.core.api.Assertions.assertThat(RhythmKpis.status(items.get(2), at)).isEqualTo(RhythmKpis.ActionStatus.OPEN);
    org.assertj.core.api.Assertions.assertThat(RhythmKpis.followThrough(java.util.List.of(), at).doneShare()).isEmpty();
  }
}
