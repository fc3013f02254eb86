package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.incident.IncidentStats;
import io.companyos.scoring.incident.SeverityStats;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Twenty incidents with the summary of the week [2026-11-01, 2026-11-08) worked out by hand — P1 and P2 listed, repeats
 * within 30 days by fingerprint (service and title without numbers, brackets and the service prefix); Spark and the
 * Java reference must both give it.
 */
class IncidentsHandMadeTest {
  static final TimeWindow WEEK = DoraHandMadeTest.WEEK;

  static final List<Incident> INCIDENTS = List.of(
      i("h01", "2026-10-01T00:00:00Z", "2026-10-01T01:00:00Z", "P1", "api", "api: timeout (eu)"), // more than 30 days back
      i("h02", "2026-10-05T00:00:00Z", "2026-10-05T02:00:00Z", "P2", "api", "Timeout"),
      i("h03", "2026-11-01T00:00:00Z", "2026-11-01T03:00:00Z", "P1", "api", "api: timeout (us)"), // repeats h02: 3 h
      i("h04", "2026-11-02T00:00:00Z", null, "P1", "web", "Login slow"), // open
      i("h05", "2026-11-02T12:00:00Z", "2026-11-02T13:30:00Z", "P2", "web", "500 errors [canary 1]"), // 1.5 h
      i("h06", "2026-11-03T00:00:00Z", "2026-11-03T00:30:00Z", "P2", "web", "500 errors [canary 2]"), // repeats h05: 0.5 h
      i("h07", "2026-11-03T06:00:00Z", "2026-11-03T05:00:00Z", "P1", "db", "lag"), // resolved before created
      i("h08", "2026-11-04T00:00:00Z", "2026-11-04T06:00:00Z", "P3", "db", "lag"), // P3: not listed
      i("h09", "2026-11-05T00:00:00Z", "2026-11-05T04:00:00Z", "P1", "api", "timeout"), // repeats h03: 4 h
      i("h10", "2026-11-08T00:00:00Z", "2026-11-08T01:00:00Z", "P1", "api", "timeout"), // on the end: out
      i("h11", "2026-10-31T23:59:00Z", "2026-11-01T00:30:00Z", "P2", "web", "cache miss"), // before the week
      i("h12", "2026-11-01T12:00:00Z", "2026-11-01T12:00:00Z", "P2", "web", "cache miss"), // repeats h11: 0 h
      i("h13", "2026-11-06T00:00:00Z", null, "P2", "api", "queue full"), // open
      i("h14", "2026-11-06T01:00:00Z", "2026-11-06T03:00:00Z", "P1", "web", "checkout down"), // repeats h17: 2 h
      i("h15", "2026-11-07T00:00:00Z", "2026-11-07T10:00:00Z", "P2", "api", "queue full (retry)"), // repeats h13: 10 h
      i("h16", "2026-11-07T12:00:00Z", null, "P3", "web", "checkout down"), // P3: not listed
      i("h17", "2026-10-20T00:00:00Z", "2026-10-20T01:00:00Z", "P1", "web", "checkout down"),
      i("h18", "2026-11-04T08:00:00Z", "2026-11-04T09:00:00Z", "P4", "api", "noise"), // P4: not listed
      i("h19", "2026-11-05T18:00:00Z", "2026-11-05T20:00:00Z", "P1", "db", "disk full"), // repeats h20: 2 h
      i("h20", "2026-10-25T00:00:00Z", "2026-10-26T00:00:00Z", "P2", "db", "disk full"));

  @Test
  void sparkAndTheReferenceGiveTheHandWorkedSummary() {
    IncidentStats.Summary java = IncidentStats.summarize(INCIDENTS, WEEK, List.of("P1", "P2"), Duration.ofDays(30));
    SparkResult<IncidentStats.Summary> spark = SparkKpis.over(LocalSpark.views(List.of(), List.of(), INCIDENTS, List.of()))
        .incidents(WEEK, List.of("P1", "P2"), Duration.ofDays(30));
    for (IncidentStats.Summary s : List.of(java, spark.value())) {
      assertThat(s.createdAnySeverity()).isEqualTo(14);
      assertThat(s.total()).isEqualTo(11);
      assertThat(s.open()).isEqualTo(2);
      assertThat(s.bySeverity()).containsExactly(
          // P1: 3, 4, 2, 2 h restored (mean 11 / 4, median (2 + 3) / 2); h04 open; h07 backwards
          new SeverityStats("P1", 6, 4, OptionalDouble.of(2.75), OptionalDouble.of(2.5), 4, 1,
              List.of("h03", "h04", "h07", "h09", "h14", "h19"), List.of("h03", "h09", "h14", "h19"), 1),
          // P2: 1.5, 0.5, 0, 10 h (mean 12 / 4, median (0.5 + 1.5) / 2); h13 open
          new SeverityStats("P2", 5, 4, OptionalDouble.of(3.0), OptionalDouble.of(1.0), 3, 1,
              List.of("h05", "h06", "h12", "h13", "h15"), List.of("h06", "h12", "h15"), 0));
      assertThat(s.repeats()).extracting(Incident::incidentId)
          .containsExactlyInAnyOrder("h03", "h06", "h09", "h12", "h14", "h15", "h19");
    }
    assertThat(spark.complete()).isTrue();
  }

  private static Incident i(String id, String created, String resolved, String severity, String service, String title) {
    return new Incident(id, t(created), resolved == null ? null : t(resolved), severity, service, title, null);
  }
}
