package io.companyos.scoring.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActiveUserIndexTest {
  static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
  static final TimeWindow SPAN = TimeWindow.ending(END, Duration.ofDays(60));

  static ProductEvent at(Instant t, String user, String event) {
    return new ProductEvent(t, user, "a", "s-" + user, event, null);
  }

  @Test
  void handCountedWindows() {
    // u1 on the last two days, u2 on the last day, u3 40 days back, u4 only signs up (not activity).
    Instant d1 = END.minus(Duration.ofDays(1)).plus(Duration.ofHours(10));
    Instant d2 = END.minus(Duration.ofDays(2)).plus(Duration.ofHours(10));
    List<ProductEvent> events = List.of(at(d1, "u1", "session_start"), at(d1, "u1", "feature_used"),
        at(d2, "u1", "session_start"), at(d1, "u2", "session_start"),
        at(END.minus(Duration.ofDays(40)), "u3", "session_start"), at(d2, "u4", "signup"),
        at(END.minus(Duration.ofDays(90)), "u5", "session_start")); // outside the span: left out
    ActiveUserIndex index = ActiveUserIndex.of(events, SPAN);
    TimeWindow week = TimeWindow.ending(END, Duration.ofDays(7));
    assertThat(index.activeUsers(week)).isEqualTo(2); // u1, u2
    assertThat(index.events(week)).isEqualTo(5); // the sign-up counts as an event, not as activity
    assertThat(index.activeUsers(SPAN)).isEqualTo(3); // u1, u2, u3
    // DAU over the 7 complete UTC days: day -1 has u1 and u2, day -2 has u1: 3 user-days / 7.
    assertThat(index.meanDailyActive(week, ZoneOffset.UTC)).hasValue(3 / 7.0);
    // Stickiness: that DAU over the 30 days' 2 active users.
    assertThat(index.stickiness(END, ZoneOffset.UTC)).hasValue(3 / 7.0 / 2);
    assertThat(index.activeUsers(TimeWindow.ending(END.minus(Duration.ofDays(10)), Duration.ofDays(7)))).isZero();
    // The 30 days before the last two days hold no activity (u3 is 40 days back): no stickiness, not 0.
    assertThat(index.stickiness(END.minus(Duration.ofDays(2)), ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void handCountedFeatureAdoption() {
    Instant d1 = END.minus(Duration.ofDays(1));
    // Active in the week: u1, u2, u3 (u4 only signs up, with a feature: not counted). "exports" is used by u1 twice
    // and u2; "alerts" by u3; "search" only by the sign-up and 20 days back.
    List<ProductEvent> events = List.of(
        new ProductEvent(d1, "u1", "a", "s1", "feature_used", "exports"),
        new ProductEvent(d1.plusSeconds(60), "u1", "a", "s1", "feature_used", "exports"),
        new ProductEvent(d1, "u2", "a", "s2", "feature_used", "exports"),
        new ProductEvent(d1, "u3", "a", "s3", "feature_used", "alerts"),
        new ProductEvent(d1, "u4", "a", "s4", "signup", "search"),
        new ProductEvent(END.minus(Duration.ofDays(20)), "u5", "a", "s5", "feature_used", "search"));
    ActiveUserIndex index = ActiveUserIndex.of(events, SPAN);
    TimeWindow week = TimeWindow.ending(END, Duration.ofDays(7));
    assertThat(index.featureAdoption(week)).containsExactly(java.util.Map.entry("alerts", 1 / 3.0),
        java.util.Map.entry("exports", 2 / 3.0));
    assertThat(index.featureAdoption(SPAN)).containsExactly(java.util.Map.entry("alerts", 1 / 4.0),
        java.util.Map.entry("exports", 2 / 4.0), java.util.Map.entry("search", 1 / 4.0));
    assertThat(index.featureAdoption(TimeWindow.ending(END.minus(Duration.ofDays(30)), Duration.ofDays(5)))).isEmpty();
  }

  @Test
  void aWindowOutsideTheSpanIsRefused() {
    ActiveUserIndex index = ActiveUserIndex.of(List.of(), SPAN);
    assertThat(index.covers(SPAN)).isTrue();
    TimeWindow longer = TimeWindow.ending(END, Duration.ofDays(61));
    assertThat(index.covers(longer)).isFalse();
    assertThatThrownBy(() -> index.activeUsers(longer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not inside the index's span");
    assertThat(index.activeUsers(SPAN)).isZero();
    assertThat(index.meanDailyActive(SPAN, ZoneOffset.UTC)).hasValue(0.0);
  }

  @Test
  void eventsOnTheBoundsOfWindowsAndDays() {
    // One event exactly at a window's start (in it), one exactly at its end (out of it).
    TimeWindow w = TimeWindow.ending(END, Duration.ofDays(7));
    List<ProductEvent> events = List.of(at(w.start(), "first", "session_start"), at(w.end().minusNanos(1), "last",
        "session_start"), at(SPAN.end().minusNanos(1), "edge", "session_start"), at(SPAN.start(), "start", "x"));
    ActiveUserIndex index = ActiveUserIndex.of(events, SPAN);
    assertThat(index.activeUsers(w)).isEqualTo(Engagement.activeUsers(events, w)).isEqualTo(3);
    assertThat(index.activeUsers(SPAN)).isEqualTo(4);
    assertThat(index.activeUsers(new TimeWindow(SPAN.start(), SPAN.start().plusNanos(1)))).isEqualTo(1);
  }

  /** Random events, unsorted, with ties, sign-ups, repeated users and events on day bounds, in three zones. */
  @Test
  void everyCountEqualsEngagementsOverTheSameEvents() {
    List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("America/Los_Angeles"));
    // Spans around the autumn and spring clock changes of both zones.
    List<Instant> ends = List.of(Instant.parse("2026-11-09T00:00:00Z"), Instant.parse("2026-04-07T07:00:00Z"),
        Instant.parse("2026-11-23T09:00:00Z"));
    qt().withExamples(150).forAll(longs().all(), integers().between(0, 400), integers().between(1, 90))
        .checkAssert((seed, n, users) -> {
          Random r = new Random(seed);
          Instant end = ends.get(r.nextInt(ends.size()));
          TimeWindow span = TimeWindow.ending(end, Duration.ofDays(45));
          List<ProductEvent> events = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            long offset = r.nextInt(4) == 0 ? Duration.ofHours(r.nextInt(45 * 24)).toNanos() // on the hour, incl. midnights
                : (long) (r.nextDouble() * span.length().toNanos());
            Instant t = span.start().plusNanos(offset);
            if (r.nextInt(20) == 0) {
              t = r.nextBoolean() ? span.start().minusSeconds(1 + r.nextInt(86_400)) : span.end().plusNanos(r.nextInt(1000));
            }
            ProductEvent e = at(t, "u" + r.nextInt(users), r.nextInt(6) == 0 ? "signup" : "session_start");
            int feature = r.nextInt(5);
            if (feature > 0) { // a few features, some events without one
              e = new ProductEvent(e.timestamp(), e.userId(), e.accountId(), e.sessionId(), e.event(), "f" + feature);
            }
            events.add(e);
          }
          Collections.shuffle(events, r);
          ActiveUserIndex index = ActiveUserIndex.of(events, span);
          List<ProductEvent> inSpan = events.stream().filter(e -> span.contains(e.timestamp())).toList();
          for (int k = 0; k < 6; k++) {
            long a = (long) (r.nextDouble() * span.length().toNanos());
            long b = (long) (r.nextDouble() * span.length().toNanos());
            TimeWindow w = new TimeWindow(span.start().plusNanos(Math.min(a, b)), span.start().plusNanos(Math.max(a, b)));
            ZoneId zone = zones.get(r.nextInt(zones.size()));
            assertThat(index.activeUsers(w)).isEqualTo(Engagement.activeUsers(events, w));
            assertThat(index.events(w)).isEqualTo((int) events.stream().filter(e -> w.contains(e.timestamp())).count());
            assertThat(index.meanDailyActive(w, zone)).isEqualTo(Engagement.meanDailyActive(inSpan, w, zone));
            assertThat(index.featureAdoption(w)).containsExactlyEntriesOf(Engagement.featureAdoption(events, w));
          }
          Instant stickyEnd = span.end().minus(Duration.ofHours(r.nextInt(15 * 24)));
          ZoneId zone = zones.get(r.nextInt(zones.size()));
          assertThat(index.stickiness(stickyEnd, zone)).isEqualTo(Engagement.stickiness(inSpan, stickyEnd, zone));
          assertThat(index.activeUsers(span)).isEqualTo(Engagement.activeUsers(inSpan));
        });
  }
}
