package io.companyos.scoring.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentStatsTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  static Incident inc(String id, int day, double hours, String sev, String service, String title) {
    Instant created = T0.plus(Duration.ofDays(day));
    return new Incident(id, created, hours < 0 ? null : created.plus(Duration.ofMinutes((long) (hours * 60))), sev, service, title, null);
  }

  @Test
  void titlesNormalizeAcrossCaseDetailsAndServicePrefix() {
    assertThat(IncidentFingerprint.of(inc("a", 0, 1, "P2", "checkout", "checkout: Payment provider timeouts")))
        .isEqualTo(IncidentFingerprint.of(inc("b", 0, 1, "P2", "checkout", "checkout: payment provider timeouts (EU)")))
        .isEqualTo("checkout|payment provider timeouts");
    assertThat(IncidentFingerprint.of(inc("c", 0, 1, "P2", "search", "search: payment provider timeouts")))
        .isNotEqualTo(IncidentFingerprint.of(inc("a", 0, 1, "P2", "checkout", "checkout: Payment provider timeouts")));
  }

  @Test
  void summarizesAWeekBySeverityWithRepeats() {
    List<Incident> all = List.of(
        inc("old", 0, 2, "P2", "checkout", "checkout: Payment provider timeouts"), // before the week, 14 days earlier
        inc("a", 14, 3, "P2", "checkout", "checkout: payment provider timeouts (EU)"), // repeat of "old"
        inc("b", 15, 1, "P2", "api", "api: 5xx"),
        inc("c", 16, -1, "P3", "search", "search: index lag"),                    // open
        inc("d", 17, 4, "P3", "search", "search: index lag"));                     // repeat of c (1 day)
    TimeWindow week = new TimeWindow(T0.plus(Duration.ofDays(14)), T0.plus(Duration.ofDays(21)));
    IncidentStats.Summary s = IncidentStats.summarize(all, week, List.of("P1", "P2", "P3"), IncidentStats.DEFAULT_REPEAT_WINDOW);
    assertThat(s.total()).isEqualTo(4);
    assertThat(s.open()).isEqualTo(1);
    assertThat(s.repeats()).extracting(Incident::incidentId).containsExactly("a", "d");
    SeverityStats p1 = s.bySeverity().get(0);
    assertThat(p1.count()).isZero();
    assertThat(p1.mttrHoursMean()).isEmpty();
    SeverityStats p2 = s.bySeverity().get(1);
    // P2: a (3 h) and b (1 h): mean 2, median 2.
    assertThat(p2.count()).isEqualTo(2);
    assertThat(p2.mttrHoursMean()).hasValue(2.0);
    assertThat(p2.mttrHoursMedian()).hasValue(2.0);
    assertThat(p2.repeats()).isEqualTo(1);
    SeverityStats p3 = s.bySeverity().get(2);
    // P3: c open, d resolved in 4 h -> one resolved, mean 4.
    assertThat(p3.count()).isEqualTo(2);
    assertThat(p3.resolved()).isEqualTo(1);
    assertThat(p3.mttrHoursMean()).hasValue(4.0);
    assertThat(p3.open()).isEqualTo(1);
  }

  @Test
  void anIncidentOutsideTheRepeatWindowIsNotARepeat() {
    List<Incident> two = List.of(inc("x", 0, 1, "P2", "api", "api: 5xx"), inc("y", 31, 1, "P2", "api", "api: 5xx"));
    assertThat(IncidentStats.repeatIds(two, Duration.ofDays(30))).isEmpty();
    assertThat(IncidentStats.repeatIds(two, Duration.ofDays(31))).containsExactly("y");
  }
}
