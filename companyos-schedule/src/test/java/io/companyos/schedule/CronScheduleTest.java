package io.companyos.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.base.CompanyOsException;
import io.companyos.model.pack.PackDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void theSeedsOpsReviewCronRunsMondaysAtEight() {
    assertThat(CronSchedule.of("0 8 * * 1", ZoneOffset.UTC).between(t("2026-11-23T00:00:00Z"), t("2026-12-08T00:00:00Z")))
        .containsExactly(t("2026-11-23T08:00:00Z"), t("2026-11-30T08:00:00Z"), t("2026-12-07T08:00:00Z"));
  }

  @Test
  void cronKeepsTheDstRuleNoDuplicatesAndNoLostDays() {
    ZoneId ny = ZoneId.of("America/New_York");
    // Fall back 1 Nov 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST): one run, the earlier.
    assertThat(CronSchedule.of("30 1 * * *", ny).between(t("2026-10-31T12:00:00Z"), t("2026-11-02T12:00:00Z")))
        .containsExactly(t("2026-11-01T05:30:00Z"), t("2026-11-02T06:30:00Z"));
    // Spring forward 8 Mar 2026: 02:30 does not exist; it runs moved forward by the hour: 03:30 EDT = 07:30Z.
    assertThat(CronSchedule.of("30 2 * * *", ny).between(t("2026-03-07T12:00:00Z"), t("2026-03-09T12:00:00Z")))
        .containsExactly(t("2026-03-08T07:30:00Z"), t("2026-03-09T06:30:00Z"));
  }

  @Test
  void invalidCronIsATypedError() {
    assertThatThrownBy(() -> CronSchedule.of("0 8 * *", ZoneOffset.UTC)).isInstanceOf(CompanyOsException.class)
        .hasMessageContaining("not a 5-field cron");
  }

  @Test
  void packsTiedToAMeetingRunTheirLeadTimeBefore() {
    CompanyDefinition company = BuiltinDefinitions.load();
    PackDefinition exec = company.packs().stream().filter(p -> p.id().equals("exec-review")).findFirst().orElseThrow();
    List<ScheduleEntry> runs = RhythmSchedule.packRuns(exec, company.rhythm(), t("2026-12-01T00:00:00Z"), t("2027-01-01T00:00:00Z"));
    // The exec review meets on the first Monday, 7 Dec 2026 14:00; its pack is made 24 h before.
    assertThat(runs).extracting(ScheduleEntry::at).containsExactly(t("2026-12-06T14:00:00Z"));
    assertThat(runs.get(0).meetingAt()).isEqualTo(t("2026-12-07T14:00:00Z"));
  }

  @Test
  void upcomingListsMeetingsPacksAndTheDigestInOrder() {
    List<ScheduleEntry> day = RhythmSchedule.upcoming(BuiltinDefinitions.load(), t("2026-11-23T00:00:00Z"), t("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    // Monday 23 Nov: digest 06:00, ops-review pack 08:00, daily-standup pack 08:00, standup 09:00, ops review 10:00,
    // digest 12:00 and 18:00; plus the security standup's pack for Tuesday's meeting (cron 0 10 * * 1).
    assertThat(day).extracting(e -> e.kind() + " " + e.id()).startsWith("DIGEST slack-digest");
    assertThat(day).extracting(ScheduleEntry::at).isSorted();
    assertThat(day).anySatisfy(e -> {
      assertThat(e.id()).isEqualTo("ops-review");
      assertThat(e.kind()).isEqualTo(ScheduleEntry.Kind.MEETING);
      assertThat(e.at()).isEqualTo(t("2026-11-23T10:00:00Z"));
    });
    assertThat(day.stream().filter(e -> e.kind() == ScheduleEntry.Kind.DIGEST)).extracting(ScheduleEntry::at)
        .containsExactly(t("2026-11-23T06:00:00Z"), t("2026-11-23T12:00:00Z"), t("2026-11-23T18:00:00Z"));
  }

  @Test
  void meetingEntriesCarryTheirParticipantRolesAndPackRunsNone() {
    List<ScheduleEntry> day = RhythmSchedule.upcoming(BuiltinDefinitions.load(), t("2026-11-23T00:00:00Z"),
        t("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    assertThat(day).filteredOn(e -> e.kind() == ScheduleEntry.Kind.MEETING && e.id().equals("ops-review"))
        .singleElement().extracting(ScheduleEntry::participants).asList().containsExactly("sre_team", "engineering_leads");
    assertThat(day).filteredOn(e -> e.kind() != ScheduleEntry.Kind.MEETING)
        .allSatisfy(e -> assertThat(e.participants()).isEmpty());
  }
}
