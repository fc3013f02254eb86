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
    // Evidence: the ids counted and the repeats among them, sorted. "old" is before the week, so 4 incidents of
    // any severity were created in it.
    assertThat(p2.incidentIds()).containsExactly("a", "b");
    assertThat(p2.repeatIds()).containsExactly("a");
    assertThat(p3.repeatIds()).containsExactly("d");
    assertThat(s.createdAnySeverity()).isEqualTo(4);
    assertThat(s.countOf("P2")).isEqualTo(2);
    assertThat(s.countOf("P4")).isZero();
  }

  @Test
  void anIncidentResolvedBeforeItWasCreatedIsLeftOutOfTheMttr() {
    // P1 "ok" 6 h, P1 "bad" resolved 2 h before it was created, P1 "open" unresolved.
    // Count 3 (all were created in the week); MTTR over "ok" alone: mean 6, median 6 (with "bad" it would be
    // (6 - 2) / 2 = 2); resolved 1, open 1, resolved before created 1.
    Instant created = T0.plus(Duration.ofDays(15));
    Incident bad = new Incident("bad", created, created.minus(Duration.ofHours(2)), "P1", "api", "api: 5xx", null);
    List<Incident> all = List.of(inc("ok", 14, 6, "P1", "db", "db: failover"), bad, inc("open", 16, -1, "P1", "search", "search: lag"));
    TimeWindow week = new TimeWindow(T0.plus(Duration.ofDays(14)), T0.plus(Duration.ofDays(21)));
    SeverityStats p1 = IncidentStats.summarize(all, week, List.of("P1"), IncidentStats.DEFAULT_REPEAT_WINDOW).bySeverity().get(0);
    assertThat(p1.count()).isEqualTo(3);
    assertThat(p1.resolved()).isEqualTo(1);
    assertThat(p1.open()).isEqualTo(1);
    assertThat(p1.resolvedBeforeCreated()).isEqualTo(1);
    assertThat(p1.mttrHoursMean()).hasValue(6.0);
    assertThat(p1.mttrHoursMedian()).hasValue(6.0);
    // Only the backwards one: counted, MTTR absent (not 0, not negative).
    SeverityStats only = IncidentStats.summarize(List.of(bad), week, List.of("P1"), IncidentStats.DEFAULT_REPEAT_WINDOW).bySeverity().get(0);
    assertThat(only.count()).isEqualTo(1);
    assertThat(only.mttrHoursMean()).isEmpty();
    assertThat(only.mttrHoursMedian()).isEmpty();
  }

  @Test
  void noIncidentsGiveZeroCountsAndAnAbsentMttr() {
    TimeWindow week = new TimeWindow(T0, T0.plus(Duration.ofDays(7)));
    IncidentStats.Summary s = IncidentStats.summarize(List.of(), week, List.of("P1", "P2"), IncidentStats.DEFAULT_REPEAT_WINDOW);
    assertThat(s.total()).isZero();
    assertThat(s.createdAnySeverity()).isZero();
    assertThat(s.bySeverity()).extracting(SeverityStats::severity).containsExactly("P1", "P2");
    assertThat(s.bySeverity()).allSatisfy(x -> {
      assertThat(x.count()).isZero();
      assertThat(x.mttrHoursMean()).isEmpty();
      assertThat(x.mttrHoursMedian()).isEmpty();
      assertThat(x.incidentIds()).isEmpty();
    });
  }

  @Test
  void anIncidentResolvedExactlyAtAnInstantIsStillOpenAtIt() {
    // "x" created day 1, resolved day 3 exactly; "y" created day 3 exactly; "z" created day 2, open.
    // At day 3: x open (not resolved before day 3), y not yet (not created before day 3), z open -> x, z.
    // At day 3 + 1 s: x resolved, y and z open -> y, z.
    Instant day3 = T0.plus(Duration.ofDays(3));
    Incident x = new Incident("x", T0.plus(Duration.ofDays(1)), day3, "P2", "api", "a", null);
    Incident y = new Incident("y", day3, null, "P2", "api", "b", null);
    Incident z = new Incident("z", T0.plus(Duration.ofDays(2)), null, "P2", "api", "c", null);
    assertThat(IncidentStats.openAt(List.of(x, y, z), day3)).containsExactly(x, z);
    assertThat(IncidentStats.openAt(List.of(x, y, z), day3.plusSeconds(1))).containsExactly(y, z);
    assertThat(IncidentStats.openAt(List.of(), day3)).isEmpty();
  }

  @Test
  void anIncidentOutsideTheRepeatWindowIsNotARepeat() {
    List<Incident> two = List.of(inc("x", 0, 1, "P2", "api", "api: 5xx"), inc("y", 31, 1, "P2", "api", "api: 5xx"));
    assertThat(IncidentStats.repeatIds(two, Duration.ofDays(30))).isEmpty();
    assertThat(IncidentStats.repeatIds(two, Duration.ofDays(31))).containsExactly("y");
  }
}
