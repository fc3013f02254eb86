package io.companyos.sources.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.Deployment;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.ScheduledEvent;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.UnsupportedQueryException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleSourceTest {
  static final Instant AS_OF = SampleSourceProvider.DEFAULT_AS_OF;
  static final MetricSource SAMPLE = create(Map.of());
  static final TimeWindow ALL = new TimeWindow(AS_OF.minus(470, ChronoUnit.DAYS), AS_OF.plus(10, ChronoUnit.DAYS));

  static MetricSource create(Map<String, String> options) {
    return new SampleSourceProvider().create(
        SourceContext.of("sample", options, Clock.fixed(AS_OF, ZoneOffset.UTC), Path.of(".")));
  }

  static <T> List<T> all(RecordKind<T> kind) {
    return SAMPLE.records(kind, ALL).rows();
  }

  @Test
  void everyBuiltInKindHasRowsInTheLastQuarter() {
    TimeWindow quarter = TimeWindow.ending(AS_OF, Duration.ofDays(92));
    for (RecordKind<?> kind : RecordKind.builtIn()) {
      if (kind == RecordKind.ACCOUNTS || kind == RecordKind.SPRINTS) {
        assertThat(all(kind)).as(kind.name()).isNotEmpty();
      } else {
        assertThat(SAMPLE.records(kind, quarter).rows()).as(kind.name()).isNotEmpty();
      }
    }
  }

  @Test
  void sameOptionsGiveTheSameDataWhateverTheDefaultTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      MetricSource other = create(Map.of());
      for (RecordKind<?> kind : List.of(RecordKind.INCIDENTS, RecordKind.COSTS, RecordKind.SPRINT_ITEMS, RecordKind.KEY_RESULTS)) {
        assertThat(other.records(kind, ALL).rows()).as(kind.name()).isEqualTo(all(kind));
      }
    } finally {
      TimeZone.setDefault(saved);
    }
    assertThat(create(Map.of("seed", "7")).records(RecordKind.INCIDENTS, ALL).rows()).isNotEqualTo(all(RecordKind.INCIDENTS));
  }

  @Test
  void recordsRespectTheHalfOpenWindowAndCarryProvenance() {
    TimeWindow week = TimeWindow.ending(AS_OF, Duration.ofDays(7));
    Dataset<Incident> ds = SAMPLE.records(RecordKind.INCIDENTS, week);
    assertThat(ds.rows()).allSatisfy(i -> assertThat(week.contains(i.timeCreated())).isTrue());
    assertThat(ds.provenance().sourceId()).isEqualTo("sample");
    assertThat(ds.provenance().query()).isEqualTo("incidents");
    assertThat(ds.provenance().window()).isEqualTo(week);
    assertThat(ds.provenance().fetchedAt()).isEqualTo(AS_OF);
    assertThat(SAMPLE.records(RecordKind.INCIDENTS, new TimeWindow(AS_OF, AS_OF)).rows()).isEmpty();
  }

  @Test
  void deploymentsShipChangesCreatedBeforeThemAndIncidentsNameRealDeploys() {
    Map<String, Instant> changes = all(RecordKind.CHANGES).stream()
        .collect(Collectors.toMap(c -> c.changeId(), c -> c.timeCreated()));
    Set<String> deployIds = all(RecordKind.DEPLOYMENTS).stream().map(Deployment::deployId).collect(Collectors.toSet());
    for (Deployment d : all(RecordKind.DEPLOYMENTS)) {
      assertThat(d.changes()).isNotEmpty().allSatisfy(c -> assertThat(changes.get(c)).isBefore(d.timeCreated()));
    }
    List<Incident> caused = all(RecordKind.INCIDENTS).stream().filter(i -> i.rootCauseDeploy() != null).toList();
    assertThat(caused).isNotEmpty().allSatisfy(i -> assertThat(deployIds).contains(i.rootCauseDeploy()));
  }

  @Test
  void aRepeatIncidentAndAnOpenIncidentAreThere() {
    List<Incident> checkout = all(RecordKind.INCIDENTS).stream()
        .filter(i -> i.title().toLowerCase(java.util.Locale.ROOT).contains("payment provider timeouts")).toList();
    assertThat(checkout).hasSize(2);
    assertThat(Duration.between(checkout.get(0).timeCreated(), checkout.get(1).timeCreated())).isLessThan(Duration.ofDays(30));
    assertThat(all(RecordKind.INCIDENTS)).anySatisfy(i -> {
      assertThat(i.timeResolved()).isNull();
      assertThat(i.title()).isEqualTo("search: index lag above 10 minutes");
    });
    // One series per severity; each counts the incidents of that severity open at the instant.
    List<Series> active = SAMPLE.instant(MetricNames.ACTIVE_INCIDENTS, AS_OF).rows();
    assertThat(active).extracting(s -> s.labels().get("severity")).containsExactlyInAnyOrder("P1", "P2", "P3", "P4");
    for (Series s : active) {
      long open = all(RecordKind.INCIDENTS).stream().filter(i -> i.severity().equals(s.labels().get("severity"))
          && !i.timeCreated().isAfter(s.points().get(0).timestamp()) && (i.timeResolved() == null || i.timeResolved().isAfter(s.points().get(0).timestamp())))
          .count();
      assertThat(s.points().get(0).value()).as(s.labels().toString()).isEqualTo((double) open);
    }
    assertThat(active.stream().mapToDouble(s -> s.points().get(0).value()).sum()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theInjectedErrorSpikeBurnsTheSearchBudgetTwentyTimesOver() {
    Instant spike = AS_OF.truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS);
    Series burn = SAMPLE.range(MetricNames.ERROR_BUDGET_BURN_RATE + "{service=\"search\"}",
        new TimeWindow(spike, spike.plus(1, ChronoUnit.HOURS)), Duration.ofHours(1)).rows().get(0);
    // errors = round(requests * 20 * (1 - 0.995)); burn = (errors / requests) / 0.005 ≈ 20 (rounding of errors only).
    assertThat(burn.points().get(0).value()).isBetween(19.5, 20.5);
    Series normal = SAMPLE.range(MetricNames.ERROR_BUDGET_BURN_RATE + "{service=\"search\"}",
        new TimeWindow(spike.minus(30, ChronoUnit.DAYS), spike.minus(29, ChronoUnit.DAYS)), Duration.ofHours(1)).rows().get(0);
    assertThat(normal.points()).hasSize(24);
  }

  @Test
  void healthCheckMetricsAnswerInstantQueriesAsTheSeedSpellsThem() {
    Dataset<Series> burn = SAMPLE.instant(MetricNames.ERROR_BUDGET_BURN_RATE, AS_OF);
    assertThat(burn.rows()).extracting(s -> s.labels().get("service")).containsExactly(
        "api-gateway", "billing", "checkout", "identity", "notifications", "search");
    Series cves = SAMPLE.instant(MetricNames.CRITICAL_CVE_COUNT, AS_OF).rows().get(0);
    assertThat(cves.points().get(0).value()).isGreaterThanOrEqualTo(2); // the two injected open criticals
    assertThatThrownBy(() -> SAMPLE.instant("rate(x[5m])", AS_OF)).isInstanceOf(UnsupportedQueryException.class);
  }

  @Test
  void criticalVulnerabilityPastItsSevenDaySlaIsOpen() {
    assertThat(all(RecordKind.VULNERABILITIES)).anySatisfy((Vulnerability v) -> {
      assertThat(v.severity()).isEqualTo("critical");
      assertThat(v.resolvedAt()).isNull();
      assertThat(Duration.between(v.detectedAt(), AS_OF)).isGreaterThan(Duration.ofDays(7));
    });
  }

  @Test
  void todayHasScheduledDeploysAndMaintenanceAndStalePullRequestsExist() {
    TimeWindow today = new TimeWindow(AS_OF.truncatedTo(ChronoUnit.DAYS), AS_OF.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS));
    List<ScheduledEvent> events = SAMPLE.records(RecordKind.SCHEDULED_EVENTS, today).rows();
    assertThat(events).extracting(ScheduledEvent::kind).contains("deploy", "maintenance");
    assertThat(all(RecordKind.PULL_REQUESTS)).filteredOn((PullRequest pr) -> pr.mergedAt() == null && pr.closedAt() == null
        && pr.openedAt().isBefore(AS_OF.minus(24, ChronoUnit.HOURS))).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void cloudCostGrowsWithTheUserBase() {
    TimeWindow firstMonth = new TimeWindow(ALL.start().plus(10, ChronoUnit.DAYS), ALL.start().plus(40, ChronoUnit.DAYS));
    TimeWindow lastMonth = TimeWindow.ending(AS_OF.minus(13, ChronoUnit.DAYS), Duration.ofDays(30)); // before the spike
    // Users grow 250 -> 600 (x2.4), cost grows with users^0.85: 2.4^0.85 ≈ 2.1, so at least 1.8x.
    assertThat(total(lastMonth).doubleValue()).isGreaterThan(1.8 * total(firstMonth).doubleValue());
  }

  @Test
  void badOptionsAreTypedErrors() {
    assertThatThrownBy(() -> create(Map.of("as_of", "yesterday"))).isInstanceOf(SourceConfigException.class)
        .hasMessageContaining("as_of 'yesterday'");
    assertThatThrownBy(() -> create(Map.of("history_days", "0"))).isInstanceOf(SourceConfigException.class);
  }

  private static BigDecimal total(TimeWindow w) {
    return SAMPLE.records(RecordKind.COSTS, w).rows().stream().map(CostRow::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
