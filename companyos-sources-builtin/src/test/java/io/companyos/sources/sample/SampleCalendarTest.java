package io.companyos.sources.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.companyos.model.data.Account;
import io.companyos.model.data.ActionItem;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.data.CostRow;
import io.companyos.model.data.Decision;
import io.companyos.model.data.Incident;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.data.PullRequest;
import io.companyos.model.data.ScheduledEvent;
import io.companyos.model.data.SprintItem;
import io.companyos.model.data.SupportTicket;
import io.companyos.model.data.Vulnerability;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The sample company is one fixed history in calendar time: sources created for different as-ofs agree on
 * everything that had happened by the earlier as-of (a lifecycle time after it is simply not known there
 * yet), and none holds anything that happens after its own as-of.
 */
class SampleCalendarTest {
  /** Mondays of ISO weeks 46, 47 and 48 at 09:00 UTC (the last the default as-of) and a midnight four weeks on. */
  static final List<Instant> AS_OFS = List.of(Instant.parse("2026-11-09T09:00:00Z"), Instant.parse("2026-11-16T09:00:00Z"),
      SampleSourceProvider.DEFAULT_AS_OF, Instant.parse("2026-12-20T00:00:00Z"));
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
  private static final Map<Instant, MetricSource> SOURCES = new HashMap<>();

  static synchronized MetricSource at(Instant asOf) {
    return SOURCES.computeIfAbsent(asOf, a -> create(Map.of("as_of", a.toString())));
  }

  static MetricSource create(Map<String, String> options) {
    return new SampleSourceProvider().create(
        SourceContext.of("sample", options, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Path.of(".")));
  }

  @Test
  void laterAsOfsAgreeOnEverythingThatHadHappenedByAnEarlierOne() {
    // Agreement of neighbours is enough: knowing and clipping at an as-of compose.
    for (int i = 0; i + 1 < AS_OFS.size(); i++) {
      assertAgree(AS_OFS.get(i), at(AS_OFS.get(i)), at(AS_OFS.get(i + 1)));
    }
  }

  @Test
  void anyTwoAsOfsIn2026Agree() {
    // An earlier as-of at any hour of 2026 and a later one up to 40 days after it (no shrinking: each example
    // generates two companies).
    qt().withExamples(5).withShrinkCycles(0).forAll(integers().between(0, 364 * 24), integers().between(1, 40 * 24))
        .checkAssert((hour, gap) -> {
          Instant early = Instant.parse("2026-01-01T00:00:00Z").plus(hour, ChronoUnit.HOURS);
          Instant late = early.plus(gap, ChronoUnit.HOURS);
          assertAgree(early, create(Map.of("as_of", early.toString())), create(Map.of("as_of", late.toString())));
        });
  }

  @Test
  void noSourceHoldsWhatHappensAfterItsAsOf() {
    for (Instant asOf : AS_OFS) {
      MetricSource source = at(asOf);
      assertThat(source.snapshotAsOf()).contains(asOf);
      for (RecordKind<?> kind : RecordKind.builtIn()) {
        assertAllKnownAt(kind, source, asOf);
      }
    }
  }

  @Test
  void theStoryHappensOnFixedDays() {
    // The default as-of is 2026-11-23 09:00; the repeat incident is 20 days (+5 h) and 6 days (+1 h) before it,
    // the open incident 5 hours before it and resolved 18 hours after it.
    Map<String, Incident> late = byTitle(at(AS_OFS.get(3)).records(RecordKind.INCIDENTS, ALL).rows());
    assertThat(late.get("checkout: Payment provider timeouts").timeCreated()).isEqualTo(Instant.parse("2026-11-03T14:00:00Z"));
    assertThat(late.get("checkout: payment provider timeouts (EU)").timeCreated())
        .isEqualTo(Instant.parse("2026-11-17T10:00:00Z"));
    Incident open = late.get("search: index lag above 10 minutes");
    assertThat(open.timeCreated()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
    assertThat(open.timeResolved()).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
    // On 16 November the first of the repeat exists, the second not yet; the open one is open at the default as-of.
    Map<String, Incident> mid = byTitle(at(AS_OFS.get(1)).records(RecordKind.INCIDENTS, ALL).rows());
    assertThat(mid).containsKey("checkout: Payment provider timeouts")
        .doesNotContainKey("checkout: payment provider timeouts (EU)");
    assertThat(byTitle(at(SampleSourceProvider.DEFAULT_AS_OF).records(RecordKind.INCIDENTS, ALL).rows())
        .get("search: index lag above 10 minutes").timeResolved()).isNull();
    // The injected search error spike stays on 2026-11-20 14:00 whichever as-of reads it.
    for (Instant asOf : List.of(AS_OFS.get(2), AS_OFS.get(3))) {
      double burn = at(asOf).range("companyos:service:error_budget_burn_rate:ratio{service=\"search\"}",
          new TimeWindow(Instant.parse("2026-11-20T14:00:00Z"), Instant.parse("2026-11-20T15:00:00Z")), Duration.ofHours(1))
          .rows().get(0).points().get(0).value();
      assertThat(burn).as("at " + asOf).isBetween(19.5, 20.5);
    }
  }

  @Test
  void historyDaysMovesTheFixedStartAndAnAsOfBeforeItHasNothing() {
    // 100 days before 2026-11-23 is 2026-08-15, whatever the as-of.
    for (String asOf : List.of("2026-09-01T00:00:00Z", "2026-11-23T09:00:00Z")) {
      MetricSource source = create(Map.of("history_days", "100", "as_of", asOf));
      assertThat(source.records(RecordKind.COSTS, ALL).rows().get(0).chargePeriodStart())
          .isEqualTo(Instant.parse("2026-08-15T00:00:00Z"));
    }
    MetricSource before = create(Map.of("history_days", "100", "as_of", "2026-08-15T00:00:00Z"));
    for (RecordKind<?> kind : RecordKind.builtIn()) {
      assertThat(before.records(kind, ALL).rows()).as(kind.name()).isEmpty();
    }
  }

  /**
   * The rows of {@code late} known at {@code asOf}, with the lifecycle times after it unknown, are exactly the
   * rows of {@code early} (an account's ARR is its state at the as-of: equal unless it moved in between).
   */
  static void assertAgree(Instant asOf, MetricSource early, MetricSource late) {
    for (RecordKind<?> kind : RecordKind.builtIn()) {
      assertSameRows(kind, asOf, early, late);
    }
    List<ArrMovement> moved = late.records(RecordKind.ARR_MOVEMENTS, new TimeWindow(asOf, ALL.end())).rows();
    Set<String> movedIds = moved.stream().map(ArrMovement::accountId).collect(Collectors.toSet());
    Map<String, Account> lateAccounts = late.records(RecordKind.ACCOUNTS, ALL).rows().stream()
        .collect(Collectors.toMap(Account::accountId, a -> a));
    for (Account a : early.records(RecordKind.ACCOUNTS, ALL).rows()) {
      if (!movedIds.contains(a.accountId())) {
        assertThat(lateAccounts.get(a.accountId())).as("account at " + asOf).isEqualTo(a);
      }
    }
  }

  private static <T> void assertSameRows(RecordKind<T> kind, Instant asOf, MetricSource early, MetricSource late) {
    List<Object> expected = early.records(kind, ALL).rows().stream().map(r -> clip(r, asOf)).toList();
    List<Object> actual = late.records(kind, ALL).rows().stream().filter(r -> knownAt(kind, r, asOf))
        .map(r -> clip(r, asOf)).toList();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail(kind.name() + " row " + i + " at " + asOf + ": expected " + expected.get(i) + " but the later source has " + actual.get(i));
      }
    }
    assertThat(actual).as(kind.name() + " rows at " + asOf).hasSameSizeAs(expected);
  }

  private static <T> void assertAllKnownAt(RecordKind<T> kind, MetricSource source, Instant asOf) {
    for (T row : source.records(kind, ALL).rows()) {
      assertThat(knownAt(kind, row, asOf)).as(kind.name() + " " + row + " at " + asOf).isTrue();
      assertThat(clip(row, asOf)).as(kind.name() + " lifecycle at " + asOf).isEqualTo(clip(row, Instant.MAX));
    }
  }

  /**
   * Whether a row exists at {@code asOf}: once its time has passed; a day's cost once the day is over; planned
   * deploys and maintenance for the as-of's day and the seven days after it.
   */
  static <T> boolean knownAt(RecordKind<T> kind, T row, Instant asOf) {
    if (row instanceof CostRow c) {
      return !c.chargePeriodEnd().isAfter(asOf);
    }
    if (row instanceof ScheduledEvent e) {
      return e.start().isBefore(asOf.truncatedTo(ChronoUnit.DAYS).plus(8, ChronoUnit.DAYS));
    }
    return kind.timeOf(row).isBefore(asOf);
  }

  /** The row as known at {@code asOf}: lifecycle times at or after it are not known yet; an account without its ARR state. */
  static Object clip(Object row, Instant asOf) {
    if (row instanceof Incident i) {
      return new Incident(i.incidentId(), i.timeCreated(), c(i.timeResolved(), asOf), i.severity(), i.service(), i.title(),
          i.rootCauseDeploy());
    } else if (row instanceof PullRequest pr) {
      return new PullRequest(pr.prId(), pr.title(), pr.author(), pr.repository(), pr.openedAt(), c(pr.firstReviewAt(), asOf),
          c(pr.mergedAt(), asOf), c(pr.closedAt(), asOf));
    } else if (row instanceof Vulnerability v) {
      return new Vulnerability(v.vulnId(), v.cve(), v.severity(), v.component(), v.title(), v.detectedAt(), c(v.resolvedAt(), asOf));
    } else if (row instanceof SupportTicket t) {
      return new SupportTicket(t.ticketId(), t.accountId(), t.priority(), t.openedAt(), c(t.closedAt(), asOf));
    } else if (row instanceof SprintItem s) {
      return new SprintItem(s.sprintId(), s.itemId(), s.title(), s.kind(), s.points(), s.committed(), s.addedAt(), c(s.startedAt(), asOf),
          c(s.completedAt(), asOf), s.escaped(), s.goal());
    } else if (row instanceof ActionItem a) {
      return new ActionItem(a.actionId(), a.meeting(), a.title(), a.owner(), a.createdAt(), a.dueAt(), c(a.completedAt(), asOf));
    } else if (row instanceof Decision d) {
      return new Decision(d.decisionId(), d.meeting(), d.title(), d.raisedAt(), c(d.decidedAt(), asOf));
    } else if (row instanceof MeetingRecord m) {
      return new MeetingRecord(m.meetingId(), m.meeting(), m.scheduledStart(), c(m.actualStart(), asOf));
    } else if (row instanceof Account a) {
      return new Account(a.accountId(), a.name(), "", BigDecimal.ZERO, a.since());
    }
    return row;
  }

  private static @Nullable Instant c(@Nullable Instant t, Instant asOf) {
    return t != null && t.isBefore(asOf) ? t : null;
  }

  private static Map<String, Incident> byTitle(List<Incident> incidents) {
    return incidents.stream().collect(Collectors.toMap(Incident::title, i -> i, (a, b) -> a));
  }
}
