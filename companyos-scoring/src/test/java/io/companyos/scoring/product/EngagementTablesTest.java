package io.companyos.scoring.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.ProductEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engagement summary's daily series and sessions, sign-ups and the feature adoption table, worked out by hand. */
class EngagementTablesTest {
  static ProductEvent ev(String at, String user, String session, String event, String feature) {
    return new ProductEvent(Instant.parse(at), user, "acc", session, event, feature);
  }

  // u1: two sessions, uses reports twice; u2: one session, reports and export; u3: one session, no feature; u9 signs up.
  static final List<ProductEvent> NOW = List.of(
      ev("2026-11-20T10:00:00Z", "u1", "s1", "feature_used", "reports"),
      ev("2026-11-21T10:00:00Z", "u1", "s2", "feature_used", "reports"),
      ev("2026-11-20T02:00:00Z", "u2", "s3", "feature_used", "reports"),
      ev("2026-11-20T11:00:00Z", "u2", "s3", "feature_used", "export"),
      ev("2026-11-21T12:00:00Z", "u3", "s4", "session_start", null),
      ev("2026-11-21T13:00:00Z", "u9", "s9", "signup", "onboarding"));

  // Before: u1 and u2 active, only u1 used reports; nobody used export.
  static final List<ProductEvent> BEFORE = List.of(
      ev("2026-11-13T10:00:00Z", "u1", "s0", "feature_used", "reports"),
      ev("2026-11-13T11:00:00Z", "u2", "s5", "session_start", null));

  @Test
  void dailyActiveUsersAreDistinctActiveUsersPerDayInTheZone() {
    // UTC: Nov 20 u1, u2 → 2; Nov 21 u1, u3 → 2 (u9's sign-up is not activity).
    assertThat(Engagement.dailyActiveUsers(NOW, ZoneOffset.UTC))
        .containsExactly(Map.entry(LocalDate.of(2026, 11, 20), 2L), Map.entry(LocalDate.of(2026, 11, 21), 2L));
    // New York (UTC−5): u2's 02:00Z is Nov 19 21:00 → Nov 19: u2; Nov 20: u1, u2; Nov 21: u1, u3.
    assertThat(Engagement.dailyActiveUsers(NOW, ZoneId.of("America/New_York")))
        .containsExactly(Map.entry(LocalDate.of(2026, 11, 19), 1L), Map.entry(LocalDate.of(2026, 11, 20), 2L),
            Map.entry(LocalDate.of(2026, 11, 21), 2L));
  }

  @Test
  void sessionsPerUserAndSignups() {
    // Sessions s1, s2, s3, s4 over users u1, u2, u3 → 4 / 3; s9 is a sign-up's. One sign-up.
    assertThat(Engagement.sessionsPerUser(NOW).getAsDouble()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(Engagement.signups(NOW)).isEqualTo(1);
    assertThat(Engagement.sessionsPerUser(List.of())).isEmpty();
    assertThat(Engagement.sessionsPerUser(List.of(ev("2026-11-21T13:00:00Z", "u9", "s9", "signup", null)))).isEmpty();
  }

  @Test
  void featureAdoptionCountsUsersFirstThenDividesByActiveUsers() {
    // Active now: u1, u2, u3 = 3. reports: u1, u2 → 2 users, 66.7 % (u1's second use does not count twice);
    // export: u2 → 1, 33.3 %. The sign-up's feature is not adoption.
    // Before: active u1, u2 = 2; reports u1 → 50 %; export unused → no previous adoption.
    List<Engagement.FeatureUse> f = Engagement.featureUse(NOW, BEFORE);
    assertThat(f).extracting(Engagement.FeatureUse::feature).containsExactly("reports", "export");
    assertThat(f.get(0).users()).isEqualTo(2);
    assertThat(f.get(0).adoptionPercent()).isCloseTo(200.0 / 3, within(1e-12));
    assertThat(f.get(0).previousAdoptionPercent().getAsDouble()).isCloseTo(50.0, within(1e-12));
    assertThat(f.get(1).users()).isEqualTo(1);
    assertThat(f.get(1).adoptionPercent()).isCloseTo(100.0 / 3, within(1e-12));
    assertThat(f.get(1).previousAdoptionPercent()).isEmpty();
  }

  @Test
  void tiesAreOrderedByFeatureAndNoActivityMeansNoFeatures() {
    List<ProductEvent> two = List.of(ev("2026-11-20T10:00:00Z", "u1", "s1", "feature_used", "zeta"),
        ev("2026-11-20T10:00:00Z", "u2", "s2", "feature_used", "alpha"));
    assertThat(Engagement.featureUse(two, List.of())).extracting(Engagement.FeatureUse::feature).containsExactly("alpha", "zeta");
    assertThat(Engagement.featureUse(List.of(), BEFORE)).isEmpty();
  }
}
