package io.companyos.model.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingTest {

  static Meeting meeting(String id, FrequencyRule rule, LocalTime time, Duration duration) {
    return new Meeting(id, "Name", Cadence.WEEKLY, "Purpose", rule, time, ZoneOffset.UTC, duration, "sre_lead",
        List.of("sre_team"), "Dashboard",
        List.of(new AgendaItem("Incident Review", 10, ""), new AgendaItem("SLO Status", 10, "")));
  }

  @Test
  void agendaMinutesAddUp() {
    Meeting m = meeting("ops-review", new FrequencyRule.Weekly(DayOfWeek.MONDAY), LocalTime.of(10, 0),
        Duration.ofMinutes(30));
    // 10 + 10 = 20
    assertThat(m.agendaMinutes()).isEqualTo(20);
    assertThat(m.automated()).isFalse();
  }

  @Test
  void onlyEveryMinutesRulesMayOmitTheTime() {
    assertThatThrownBy(() -> meeting("x", new FrequencyRule.Weekly(DayOfWeek.MONDAY), null, Duration.ofMinutes(30)))
        .hasMessageContaining("needs a time");
    Meeting check = meeting("health-check", new FrequencyRule.EveryMinutes(5), null, null);
    assertThat(check.automated()).isTrue();
  }

  @Test
  void durationMustBePositive() {
    assertThatThrownBy(() -> meeting("x", new FrequencyRule.Daily(FrequencyRule.Daily.WORKDAYS), LocalTime.NOON,
        Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void rhythmRejectsDuplicateIdsAndFindsByIdAndCadence() {
    Meeting a = meeting("ops-review", new FrequencyRule.Weekly(DayOfWeek.MONDAY), LocalTime.of(10, 0), null);
    assertThatThrownBy(() -> new Rhythm(List.of(a, a))).hasMessageContaining("appears twice");
    Rhythm r = new Rhythm(List.of(a));
    assertThat(r.meeting("ops-review")).contains(a);
    assertThat(r.meeting("qbr")).isEmpty();
    assertThat(r.byCadence(Cadence.WEEKLY)).containsExactly(a);
    assertThat(r.byCadence(Cadence.DAILY)).isEmpty();
  }

  @Test
  void frequencyRulesCheckTheirNumbers() {
    assertThatThrownBy(() -> new FrequencyRule.EveryMinutes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyRule.NthWeekdayOfMonth(5, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyRule.NthWeekOfMonth(0, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyRule.LastWeeksOfQuarter(13, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyRule.Quarterly(4, 1, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrequencyRule.Daily(List.of(DayOfWeek.MONDAY, DayOfWeek.MONDAY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new FrequencyRule.LastWeekOfMonth(DayOfWeek.THURSDAY).ruleName()).isEqualTo("last_week_of_month");
    assertThat(Cadence.BIWEEKLY.yamlName()).isEqualTo("biweekly");
  }
}
