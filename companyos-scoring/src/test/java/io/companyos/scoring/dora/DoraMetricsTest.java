package io.companyos.scoring.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.companyos.model.data.Change;
import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoraMetricsTest {
  static final Instant MON = Instant.parse("2026-11-16T00:00:00Z");
  static final TimeWindow WEEK = new TimeWindow(MON, MON.plus(Duration.ofDays(7)));

  static Instant at(String dayAndTime) {
    return Instant.parse(dayAndTime);
  }

  @Test
  void aHandWorkedWeek() {
    List<Change> changes = List.of(
        new Change("c1", at("2026-11-15T10:00:00Z")),  // first deployed by d1 Mon 10:00 -> 24 h
        new Change("c2", at("2026-11-16T08:00:00Z")),  // d1 Mon 10:00 -> 2 h (its redeploy by d3 does not count)
        new Change("c3", at("2026-11-16T12:00:00Z")),  // d2 Tue 12:00 -> 24 h
        new Change("c4", at("2026-11-18T10:00:00Z")),  // d3 Wed 09:00 is before creation -> -1 h, ignored
        new Change("c5", at("2026-11-12T10:00:00Z"))); // d0 Fri of the week before -> outside
    List<Deployment> deploys = List.of(
        new Deployment("d0", at("2026-11-13T10:00:00Z"), List.of("c5"), DeployStatus.SUCCESS),
        new Deployment("d1", at("2026-11-16T10:00:00Z"), List.of("c1", "c2"), DeployStatus.SUCCESS),
        new Deployment("d2", at("2026-11-17T12:00:00Z"), List.of("c3"), DeployStatus.FAILURE),
        new Deployment("d3", at("2026-11-18T09:00:00Z"), List.of("c2", "c4"), DeployStatus.SUCCESS));
    List<Incident> incidents = List.of(
        new Incident("i1", at("2026-11-17T13:00:00Z"), at("2026-11-17T15:00:00Z"), "P2", "api", "x", "d3"), // 2 h
        new Incident("i2", at("2026-11-15T20:00:00Z"), at("2026-11-16T06:00:00Z"), "P3", "api", "y", null), // 10 h
        new Incident("i3", at("2026-11-19T20:00:00Z"), null, "P3", "api", "z", null));                      // open
    DoraResult r = DoraMetrics.compute(changes, deploys, incidents, WEEK);

    // 3 deploys in 7 days = 0.4286/day; deploy days Mon, Tue, Wed = 3 per week -> high (>= 1, < 5).
    assertThat(r.deployments()).isEqualTo(3);
    assertThat(r.deploysPerDay().getAsDouble()).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(r.deployDaysPerWeek().getAsDouble()).isCloseTo(3.0, within(1e-12));
    assertThat(r.deploymentFrequencyLevel()).isEqualTo(DoraLevel.HIGH);
    // Lead times [2, 24, 24] -> median 24 h -> not < 1 day -> high.
    assertThat(r.changesDeployed()).isEqualTo(3);
    assertThat(r.leadTimeHoursMedian()).hasValue(24.0);
    assertThat(r.leadTimeLevel()).isEqualTo(DoraLevel.HIGH);
    // d2 failed, d3 caused i1: 2 of 3 -> 0.667 -> low.
    assertThat(r.changeFailureRate().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(r.changeFailureLevel()).isEqualTo(DoraLevel.LOW);
    // Resolved in the week: i1 (2 h), i2 (10 h) -> median 6 h -> high.
    assertThat(r.timeToRestoreHoursMedian()).hasValue(6.0);
    assertThat(r.timeToRestoreLevel()).isEqualTo(DoraLevel.HIGH);
    // Failed deployment recovery time: only i1 names a root-cause deploy (d3) -> 2 h -> high. i2 had no change behind it.
    assertThat(r.changeFailuresResolved()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryHoursMedian()).hasValue(2.0);
    assertThat(r.failedDeploymentRecoveryLevel()).isEqualTo(DoraLevel.HIGH);
    // No deployment was made while i1 was open (Tue 13:00-15:00): rework 0 of 3.
    assertThat(r.reworkDeployments()).isZero();
    assertThat(r.reworkRate()).hasValue(0.0);
    assertThat(r.benchmark()).isEqualTo(DoraBenchmark.Y2024);
    assertThat(r.overall()).isEqualTo(DoraLevel.LOW);
    // Evidence: every number traces to its records.
    assertThat(r.evidence().deployments()).containsExactly("d1", "d2", "d3");
    assertThat(r.evidence().failedWithReasons()).containsExactly("d2 (status failure)", "d3 (root cause of i1)");
    assertThat(r.evidence().changesDeployed()).containsExactly("c1", "c2", "c3");
    assertThat(r.evidence().incidentsResolved()).containsExactly("i1", "i2");
    assertThat(r.evidence().changeFailuresResolved()).containsExactly("i1");
    assertThat(r.evidence().reworkDeployments()).isEmpty();
  }

  @Test
  void anIncidentResolvedBeforeItWasCreatedIsLeftOutOfTheRestoreTimes() {
    List<Deployment> deploys = List.of(
        new Deployment("d1", at("2026-11-16T10:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d2", at("2026-11-17T12:00:00Z"), List.of(), DeployStatus.FAILURE),
        new Deployment("d3", at("2026-11-18T09:00:00Z"), List.of(), DeployStatus.SUCCESS));
    List<Incident> incidents = List.of(
        new Incident("i1", at("2026-11-17T13:00:00Z"), at("2026-11-17T15:00:00Z"), "P2", "api", "x", "d3"), // 2 h
        new Incident("i2", at("2026-11-15T20:00:00Z"), at("2026-11-16T06:00:00Z"), "P3", "api", "y", null), // 10 h
        // Created Thu 12:00, "resolved" Tue 10:00: -50 h.
        new Incident("i4", at("2026-11-19T12:00:00Z"), at("2026-11-17T10:00:00Z"), "P2", "api", "w", "d1"));
    DoraResult r = DoraMetrics.compute(List.of(), deploys, incidents, WEEK);

    // Time to restore over i1 and i2 only: median of {2, 10} = 6 h -> high. With i4 it would have been the median
    // of {-50, 2, 10} = 2 h.
    assertThat(r.incidentsResolved()).isEqualTo(2);
    assertThat(r.timeToRestoreHoursMedian()).hasValue(6.0);
    assertThat(r.timeToRestoreLevel()).isEqualTo(DoraLevel.HIGH);
    // Failed deployment recovery over i1 only (i4 names d1 but has no time): 2 h -> high. With i4, the median of
    // {-50, 2} = -24 h, "elite".
    assertThat(r.changeFailuresResolved()).isEqualTo(1);
    assertThat(r.failedDeploymentRecoveryHoursMedian()).hasValue(2.0);
    assertThat(r.failedDeploymentRecoveryLevel()).isEqualTo(DoraLevel.HIGH);
    // i4 still names d1 as the cause of a failure: d1 (root cause of i4), d2 (status), d3 (root cause of i1) = 3 of 3.
    assertThat(r.changeFailureRate()).hasValue(1.0);
    assertThat(r.evidence().failedWithReasons()).containsExactly("d1 (root cause of i4)", "d2 (status failure)",
        "d3 (root cause of i1)");
    // The skipped incident is listed, so the count it left out can be traced.
    assertThat(r.evidence().incidentsResolved()).containsExactly("i1", "i2");
    assertThat(r.evidence().changeFailuresResolved()).containsExactly("i1");
    assertThat(r.evidence().incidentsResolvedBeforeCreated()).containsExactly("i4");
  }

  @Test
  void aDeploymentMadeWhileAChangeCausedIncidentIsOpenIsRework() {
    List<Deployment> deploys = List.of(
        new Deployment("d1", at("2026-11-16T10:00:00Z"), List.of(), DeployStatus.SUCCESS),  // causes i1
        new Deployment("d2", at("2026-11-16T12:00:00Z"), List.of(), DeployStatus.SUCCESS),  // the fix, while i1 is open
        new Deployment("d3", at("2026-11-18T10:00:00Z"), List.of(), DeployStatus.SUCCESS),  // planned
        new Deployment("d4", at("2026-11-19T10:00:00Z"), List.of(), DeployStatus.SUCCESS)); // during i2, which no change caused
    List<Incident> incidents = List.of(
        new Incident("i1", at("2026-11-16T11:00:00Z"), at("2026-11-16T14:00:00Z"), "P2", "api", "x", "d1"), // 3 h
        new Incident("i2", at("2026-11-19T09:00:00Z"), at("2026-11-19T19:00:00Z"), "P3", "api", "y", null)); // 10 h
    DoraResult r = DoraMetrics.compute(List.of(), deploys, incidents, WEEK);
    // Rework: d2 only -> 1 of 4 = 25 %. Change fail rate: d1 -> 1 of 4 = 25 %.
    assertThat(r.reworkDeployments()).isEqualTo(1);
    assertThat(r.evidence().reworkDeployments()).containsExactly("d2");
    assertThat(r.reworkRate()).hasValue(0.25);
    // Failed deployment recovery time counts i1 only (3 h); pooled time to restore counts both: median of {3, 10} = 6.5 h.
    assertThat(r.failedDeploymentRecoveryHoursMedian()).hasValue(3.0);
    assertThat(r.timeToRestoreHoursMedian()).hasValue(6.5);
  }

  @Test
  void changeFailRateBandsFollowTheChosenReportYear() {
    // 2023 bounds 5 / 10 / 15 %: 9.78 % is high, 12 % medium, 30 % low.
    assertThat(DoraBenchmark.Y2023.changeFailureLevel(0.0978)).isEqualTo(DoraLevel.HIGH);
    assertThat(DoraBenchmark.Y2023.changeFailureLevel(0.12)).isEqualTo(DoraLevel.MEDIUM);
    assertThat(DoraBenchmark.Y2023.changeFailureLevel(0.30)).isEqualTo(DoraLevel.LOW);
    // 2024 clusters elite 5, medium 10, high 20, low 40 %: 9.78 % is nearest medium's 10 %; 18 % nearest high's 20 %;
    // 30 % is 10 from both 20 and 40: the tie goes to the better level, high; 33 % is low.
    assertThat(DoraBenchmark.Y2024.changeFailureLevel(0.0978)).isEqualTo(DoraLevel.MEDIUM);
    assertThat(DoraBenchmark.Y2024.changeFailureLevel(0.18)).isEqualTo(DoraLevel.HIGH);
    assertThat(DoraBenchmark.Y2024.changeFailureLevel(0.30)).isEqualTo(DoraLevel.HIGH);
    assertThat(DoraBenchmark.Y2024.changeFailureLevel(0.33)).isEqualTo(DoraLevel.LOW);
    assertThat(DoraBenchmark.Y2024.changeFailureLevel(0.04)).isEqualTo(DoraLevel.ELITE);
    assertThat(DoraBenchmark.ofYear("2023")).isEqualTo(DoraBenchmark.Y2023);
  }

  @Test
  void anEmptyWeekHasNoRatesAndNoLevelAtAll() {
    // No data is not "low": with no deployment in the window there is no level to give.
    DoraResult r = DoraMetrics.compute(List.of(), List.of(), List.of(), WEEK);
    assertThat(r.changeFailureRate()).isEmpty();
    assertThat(r.leadTimeHoursMedian()).isEmpty();
    assertThat(r.timeToRestoreHoursMedian()).isEmpty();
    assertThat(r.deploymentFrequencyLevel()).isNull();
    assertThat(r.overall()).isNull();
    assertThat(r.deploysPerDay()).hasValue(0.0);
  }

  @Test
  void changeFailureRateStaysBetweenZeroAndOne() {
    qt().forAll(integers().between(1, 40), integers().between(0, 1000)).checkAssert((n, seed) -> {
      Random rnd = new Random(seed);
      List<Deployment> deploys = new ArrayList<>();
      List<Incident> incidents = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Instant t = MON.plus(Duration.ofMinutes(rnd.nextInt(7 * 24 * 60)));
        deploys.add(new Deployment("d" + i, t, List.of(), rnd.nextBoolean() ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
        for (int k = rnd.nextInt(3); k > 0; k--) { // several incidents may blame the same deploy
          incidents.add(new Incident("i" + i + k, t.plusSeconds(60), null, "P3", "s", "t", "d" + i));
        }
      }
      double cfr = DoraMetrics.compute(List.of(), deploys, incidents, WEEK).changeFailureRate().getAsDouble();
      assertThat(cfr).isBetween(0.0, 1.0);
    });
  }

  /**
   * {@code n} incidents on a 6-hour grid from 3 days before the week to 7 days into it, give or take a microsecond or
   * two; one in five unresolved, some resolved before they were created; one in four without a cause, the others caused
   * by one of {@code d0 … d(deploys + 1)} (so also by deployments not in the list).
   */
  private static List<Incident> randomIncidents(Random rnd, int n, int deploys) {
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant created = MON.plus(Duration.ofHours(rnd.nextInt(10 * 24 / 6) * 6L - 72)).plusNanos(micros(rnd));
      Instant resolved = rnd.nextInt(5) == 0 ? null
          : created.plus(Duration.ofHours(rnd.nextInt(8) * 6L - 6)).plusNanos(micros(rnd) - micros(rnd));
      String cause = rnd.nextInt(4) == 0 ? null : "d" + rnd.nextInt(Math.max(1, deploys + 2));
      incidents.add(new Incident("i" + i, created, resolved, "P2", "s", "t", cause));
    }
    return incidents;
  }

  /** 0, 1 or 2 microseconds, in nanoseconds: times that tie to the second but not to the nanosecond. */
  private static long micros(Random rnd) {
    return rnd.nextInt(3) * 1_000L;
  }

  /**
   * Rework against its definition written out: a deployment of the window is rework when some change-caused incident
   * was open at its time ({@code created ≤ t ≤ resolved}, or never resolved) and names another deployment as its cause.
   * Times on a coarse grid (many ties, some broken by a microsecond), few deployments (causes repeat), incidents before, in
   * and after the window, some unresolved, some resolved before they were created, deployments out of time order.
   */
  @Test
  void reworkIsTheDeploymentsMadeWhileAnIncidentCausedByAnotherWasOpen() {
    qt().forAll(integers().between(0, 30), integers().between(0, 12), integers().between(0, 100_000)).checkAssert((nd, ni, seed) -> {
      Random rnd = new Random(seed);
      List<Deployment> deploys = new ArrayList<>();
      for (int i = 0; i < nd; i++) {
        deploys.add(new Deployment("d" + i, MON.plus(Duration.ofHours(rnd.nextInt(10 * 24 / 6) * 6L - 48)).plusNanos(micros(rnd)),
            List.of(), DeployStatus.SUCCESS));
      }
      List<Incident> incidents = randomIncidents(rnd, ni, nd);
      List<String> expected = new ArrayList<>();
      for (Deployment d : deploys) {
        Instant t = d.timeCreated();
        boolean rework = WEEK.contains(t) && incidents.stream().anyMatch(i -> i.rootCauseDeploy() != null
            && !i.rootCauseDeploy().equals(d.deployId()) && !i.timeCreated().isAfter(t)
            && (i.timeResolved() == null || !i.timeResolved().isBefore(t)));
        if (rework) {
          expected.add(d.deployId());
        }
      }
      DoraResult r = DoraMetrics.compute(List.of(), deploys, incidents, WEEK);
      assertThat(r.evidence().reworkDeployments()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(r.reworkDeployments()).isEqualTo(expected.size());
    });
  }

  /**
   * A reader's columns ({@link WindowDeployments#distinct}) against the records they came from: the same keys and the same
   * evidence, for deployments of random status in and out of time order, incidents naming deployments in, before and
   * outside the list, and no id read before the evidence is.
   */
  @Test
  void theWindowsDeploymentsAsColumnsGiveTheSameKeysAsTheRecords() {
    qt().forAll(integers().between(0, 40), integers().between(0, 12), integers().between(0, 100_000)).checkAssert((nd, ni, seed) -> {
      Random rnd = new Random(seed);
      List<Deployment> deploys = new ArrayList<>();
      for (int i = 0; i < nd; i++) {
        Instant t = MON.plus(Duration.ofMinutes(rnd.nextInt(10 * 24 * 4) * 15L - 2 * 24 * 60)).plusNanos(rnd.nextInt(3) * 1_000L);
        deploys.add(new Deployment("d" + i, t, List.of(), rnd.nextInt(4) == 0 ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      }
      if (rnd.nextBoolean()) {
        deploys.sort(java.util.Comparator.comparing(Deployment::timeCreated));
      }
      List<Incident> incidents = randomIncidents(rnd, ni, nd);
      List<Deployment> in = deploys.stream().filter(d -> WEEK.contains(d.timeCreated())).toList();
      long[] seconds = in.stream().mapToLong(d -> d.timeCreated().getEpochSecond()).toArray();
      int[] nanos = in.stream().mapToInt(d -> d.timeCreated().getNano()).toArray();
      java.util.BitSet failed = new java.util.BitSet();
      java.util.Map<String, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < in.size(); i++) {
        failed.set(i, in.get(i).status() == DeployStatus.FAILURE);
        index.put(in.get(i).deployId(), i);
      }
      java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
      WindowDeployments columns = WindowDeployments.distinct(seconds, nanos, failed, i -> {
        reads.incrementAndGet();
        return in.get(i).deployId();
      }, id -> index.getOrDefault(id, -1));
      DoraMetrics.LeadTimes leads = new DoraMetrics.LeadTimes(new double[] {3, 1}, List.of("c1", "c2"));
      DoraResult fromColumns = DoraMetrics.compute(leads, columns, incidents, WEEK, DoraBenchmark.newest());
      int readsForFailures = reads.get(); // only the failed deployments' ids (the reasons are keyed by id)
      assertThat(readsForFailures).isEqualTo(failed.cardinality());
      DoraResult fromRecords = DoraMetrics.compute(leads, deploys, incidents, WEEK, DoraBenchmark.newest());
      assertThat(fromColumns).isEqualTo(fromRecords);
      assertThat(fromColumns.evidence().deployments()).isEqualTo(fromRecords.evidence().deployments());
      assertThat(fromColumns.evidence().reworkDeployments()).isEqualTo(fromRecords.evidence().reworkDeployments());
    });
  }

  /**
   * An id given twice counts once as a deployment and as a failure, and each of its records counts its own day: d1 twice
   * (Monday and Tuesday, failed on Tuesday), d2 once, d3 named by an incident.
   */
  @Test
  void aRepeatedDeploymentIdCountsOnceAsADeploymentAndOnceAsAFailure() {
    List<Deployment> deploys = List.of(
        new Deployment("d1", at("2026-11-16T10:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d2", at("2026-11-16T12:00:00Z"), List.of(), DeployStatus.SUCCESS),
        new Deployment("d1", at("2026-11-17T10:00:00Z"), List.of(), DeployStatus.FAILURE),
        new Deployment("d3", at("2026-11-18T10:00:00Z"), List.of(), DeployStatus.SUCCESS));
    List<Incident> incidents = List.of(new Incident("i1", at("2026-11-18T11:00:00Z"), at("2026-11-18T13:00:00Z"), "P2", "s", "t", "d3"));
    DoraResult r = DoraMetrics.compute(List.of(), deploys, incidents, WEEK);
    assertThat(r.deployments()).isEqualTo(3);
    assertThat(r.failedDeployments()).isEqualTo(2); // d1 (status) and d3 (root cause of i1)
    assertThat(r.changeFailureRate()).hasValue(2.0 / 3);
    assertThat(r.deployDaysPerWeek()).hasValue(3.0); // Monday, Tuesday, Wednesday in a 7-day window
    assertThat(r.evidence().deployments()).containsExactly("d1", "d2", "d3");
    assertThat(r.evidence().failedWithReasons()).containsExactly("d1 (status failure)", "d3 (root cause of i1)");
  }

  @Test
  void leadTimesWithIdsReadOnDemandGiveTheSameKeysAndReadNoIdUntilTheEvidenceIsRead() {
    String[] ids = {"c1", "c2", "c3"};
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    DoraMetrics.LeadTimes lazy = DoraMetrics.LeadTimes.of(new double[] {2, 24, 5}, i -> {
      reads.incrementAndGet();
      return ids[i];
    });
    List<Deployment> deploys = List.of(new Deployment("d1", MON.plus(Duration.ofHours(10)), List.of(), DeployStatus.SUCCESS));
    DoraResult r = DoraMetrics.compute(lazy, deploys, List.of(), WEEK, DoraBenchmark.newest());
    assertThat(reads).hasValue(0);
    assertThat(r.changesDeployed()).isEqualTo(3);
    assertThat(r.leadTimeHoursMedian()).hasValue(5.0); // 2, 5, 24
    assertThat(r.evidence().changesDeployed()).containsExactly("c1", "c2", "c3");
    assertThat(reads.get()).isPositive();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.evidence().changesDeployed().add("c4"))
        .isInstanceOf(UnsupportedOperationException.class);
    DoraResult eager = DoraMetrics.compute(new DoraMetrics.LeadTimes(new double[] {2, 24, 5}, List.of(ids)), deploys, List.of(),
        WEEK, DoraBenchmark.newest());
    assertThat(r.evidence()).isEqualTo(eager.evidence());
  }

  @Test
  void levelBandsMatchTheDocumentedThresholds() {
    assertThat(DoraMetrics.deploymentFrequencyLevel(5)).isEqualTo(DoraLevel.ELITE);
    assertThat(DoraMetrics.deploymentFrequencyLevel(0.25)).isEqualTo(DoraLevel.MEDIUM); // >= 7/30 = 0.233
    assertThat(DoraMetrics.deploymentFrequencyLevel(0.2)).isEqualTo(DoraLevel.LOW);
    assertThat(DoraMetrics.leadTimeLevel(23.9)).isEqualTo(DoraLevel.ELITE);
    assertThat(DoraMetrics.changeFailureLevel(0.05)).isEqualTo(DoraLevel.ELITE);
    assertThat(DoraMetrics.changeFailureLevel(0.151)).isEqualTo(DoraLevel.LOW);
    assertThat(DoraMetrics.timeToRestoreLevel(0.5)).isEqualTo(DoraLevel.ELITE);
    assertThat(DoraMetrics.timeToRestoreLevel(24 * 7)).isEqualTo(DoraLevel.LOW);
  }
}
