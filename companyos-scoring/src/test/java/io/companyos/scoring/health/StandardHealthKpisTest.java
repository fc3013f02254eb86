package io.companyos.scoring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.slo.Slo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each reliability KPI of the standard model on a small example worked out by hand. */
class StandardHealthKpisTest {
  static final TimeWindow NOV_1_22 = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

  @Test
  void everySloIsHeldToItsOwnTargetNotToOnePooledTarget() {
    // api: 99.9 % over 100,000 requests allows 100 errors and had 50. notifications: 99 % over 10,000 allows 100, had 80.
    // Both met. Budget consumed = (50 + 80) / (100 + 100) = 0.65.
    var api = Slo.ofCounts(0.999, 100_000, 50);
    var notifications = Slo.ofCounts(0.99, 10_000, 80);
    assertThat(api.met()).isTrue();
    assertThat(notifications.met()).isTrue();
    assertThat(StandardHealthKpis.sloBudgetConsumed(List.of(api, notifications)).getAsDouble()).isCloseTo(0.65, within(1e-12));
    // Pooled against one 99.9 % target the same events read 1 - 130/110,000 = 99.882 %: "missed", and scored 82.
    // Against their own targets the budgets are not overspent: the KPI scores the full 100.
    HealthScore s = HealthScorer.score(StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel()), Map.of(StandardHealthModel.SLO_BUDGET_CONSUMED, 0.65));
    assertThat(s.score().getAsDouble()).isEqualTo(100.0);
    // Twice the budget spent (consumed 2) scores 50; three times or more scores 0.
    assertThat(new KpiRule.Linear(3, 1).normalize(2)).isEqualTo(50.0);
    assertThat(new KpiRule.Linear(3, 1).normalize(3.5)).isEqualTo(0.0);
  }

  @Test
  void noSloWithEventsMeansNoValueNotZero() {
    assertThat(StandardHealthKpis.sloBudgetConsumed(List.of(Slo.ofCounts(0.999, 0, 0)))).isEmpty();
  }

  @Test
  void timeToRestoreCountsTheIncidentsResolvedInTheWindow() {
    List<Incident> incidents = List.of(
        // created before the window, resolved in it: 30 h
        incident("i1", "2026-10-31T00:00:00Z", "2026-11-01T06:00:00Z", "P2"),
        incident("i2", "2026-11-05T10:00:00Z", "2026-11-05T12:00:00Z", "P3"), // 2 h
        incident("i3", "2026-11-10T00:00:00Z", "2026-11-10T04:00:00Z", "P1"), // 4 h
        incident("i4", "2026-11-20T00:00:00Z", null, "P2"), // still open: no restore yet
        incident("i5", "2026-11-22T20:00:00Z", "2026-11-23T02:00:00Z", "P2")); // resolved after the window
    // Median of {30, 2, 4} = 4 h. (Counting incidents created in the window would give median {2, 4, 6} = 4 h by luck,
    // and i5's restore would then be counted in November although it happened on November 23.)
    assertThat(StandardHealthKpis.medianRestoreHours(incidents, NOV_1_22).getAsDouble()).isEqualTo(4.0);
    // One resolved before it was created (-50 h) is left out: still 4 h, not the median of {-50, 2, 4, 30} = 3 h.
    List<Incident> withBackwards = new java.util.ArrayList<>(incidents);
    withBackwards.add(incident("i6", "2026-11-12T10:00:00Z", "2026-11-10T08:00:00Z", "P3"));
    assertThat(StandardHealthKpis.medianRestoreHours(withBackwards, NOV_1_22).getAsDouble()).isEqualTo(4.0);
    assertThat(StandardHealthKpis.resolvedIn(withBackwards, NOV_1_22)).extracting(Incident::incidentId)
        .containsExactly("i1", "i2", "i3");
    // P1/P2 created in the window: i3, i4, i5 = 3 in 22 days = 3 x 30 / 22 = 4.0909 per 30 days.
    assertThat(StandardHealthKpis.majorIncidents(incidents, NOV_1_22)).isEqualTo(3);
    assertThat(StandardHealthKpis.majorIncidentsPer30Days(incidents, NOV_1_22)).isCloseTo(90.0 / 22, within(1e-12));
  }

  static Incident incident(String id, String created, String resolved, String severity) {
    return new Incident(id, Instant.parse(created), resolved == null ? null : Instant.parse(resolved), severity, "api", "t", null);
  }
}
