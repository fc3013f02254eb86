package io.companyos.schedule;

import static io.companyos.schedule.CronScheduleTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.DefinitionLoader;
import io.companyos.model.pack.PackDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's cron is read in the zone of the meeting it prepares, so a New York company's packs are
 * made at the same local time all year. US daylight saving time ends on Sunday 1 November 2026
 * (EDT, UTC-4, becomes EST, UTC-5) and starts on Sunday 8 March 2026.
 */
class PackTimeZoneTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir
  Path dir;

  /** The built-in rhythm with every meeting in New York, and the built-in packs as they are. */
  private CompanyDefinition newYorkCompany() throws IOException {
    String rhythm;
    try (InputStream in = Objects.requireNonNull(DefinitionLoader.class.getResourceAsStream("/companyos/rhythm.yaml"))) {
      rhythm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(rhythm).contains("\ntimezone: UTC\n");
    Files.writeString(dir.resolve("rhythm.yaml"), rhythm.replace("\ntimezone: UTC\n", "\ntimezone: America/New_York\n"));
    return new DefinitionLoader().load(List.of(dir));
  }

  @Test
  void theStandupPackIsMadeAtEightNewYorkTimeOnBothSidesOfTheDstChange() throws IOException {
    CompanyDefinition company = newYorkCompany();
    PackDefinition standup = company.pack("daily-standup").orElseThrow();
    // daily-standup.yaml: schedule "0 8 * * 1-5", meeting daily-standup (09:00), no timezone of its own.
    assertThat(standup.timezone()).isEqualTo(NEW_YORK);

    List<ScheduleEntry> runs = RhythmSchedule.packRuns(standup, company.rhythm(),
        t("2026-10-29T00:00:00Z"), t("2026-11-04T00:00:00Z"));
    // Thu 29 and Fri 30 Oct 08:00 EDT = 12:00Z; Mon 2 and Tue 3 Nov 08:00 EST = 13:00Z (not 08:00Z = 03:00 EST).
    assertThat(runs).extracting(ScheduleEntry::at).containsExactly(
        t("2026-10-29T12:00:00Z"), t("2026-10-30T12:00:00Z"), t("2026-11-02T13:00:00Z"), t("2026-11-03T13:00:00Z"));

    // The standups themselves, 09:00 local: an hour after each pack on both sides of the change.
    List<ScheduleEntry> meetings = RhythmSchedule.upcoming(company, t("2026-10-30T00:00:00Z"), t("2026-11-03T00:00:00Z"),
        NEW_YORK).stream().filter(e -> e.kind() == ScheduleEntry.Kind.MEETING && e.id().equals("daily-standup")).toList();
    assertThat(meetings).extracting(ScheduleEntry::at).containsExactly(t("2026-10-30T13:00:00Z"), t("2026-11-02T14:00:00Z"));
  }

  @Test
  void springForwardMovesTheUtcTimeTheOtherWay() throws IOException {
    CompanyDefinition company = newYorkCompany();
    PackDefinition ops = company.pack("ops-review").orElseThrow();
    // ops-review.yaml: "0 8 * * 1". Mon 2 Mar 08:00 EST = 13:00Z; Mon 9 Mar 08:00 EDT = 12:00Z.
    assertThat(RhythmSchedule.packRuns(ops, company.rhythm(), t("2026-03-01T00:00:00Z"), t("2026-03-10T00:00:00Z")))
        .extracting(ScheduleEntry::at).containsExactly(t("2026-03-02T13:00:00Z"), t("2026-03-09T12:00:00Z"));
  }

  @Test
  void aPacksOwnTimezoneWinsAndAPackWithoutMeetingStaysInUtc() throws IOException {
    Files.createDirectories(dir.resolve("meeting-packs"));
    Files.writeString(dir.resolve("meeting-packs/ops-review.yaml"), """
        name: "Ops Review, made in Berlin"
        schedule: "0 8 * * 1"
        timezone: Europe/Berlin
        meeting: ops-review
        sections:
          - type: dora_metrics
        """);
    Files.writeString(dir.resolve("meeting-packs/weekly-note.yaml"), """
        name: "Weekly note"
        schedule: "0 8 * * 1"
        sections:
          - type: dora_metrics
        """);
    CompanyDefinition company = newYorkCompany();
    PackDefinition ops = company.pack("ops-review").orElseThrow();
    assertThat(ops.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    // Mon 2 Nov 2026 08:00 CET = 07:00Z.
    assertThat(RhythmSchedule.packRuns(ops, company.rhythm(), t("2026-11-02T00:00:00Z"), t("2026-11-03T00:00:00Z")))
        .extracting(ScheduleEntry::at).containsExactly(t("2026-11-02T07:00:00Z"));
    PackDefinition note = company.pack("weekly-note").orElseThrow();
    assertThat(note.timezone()).isEqualTo(ZoneOffset.UTC);
    assertThat(RhythmSchedule.packRuns(note, company.rhythm(), t("2026-11-02T00:00:00Z"), t("2026-11-03T00:00:00Z")))
        .extracting(ScheduleEntry::at).containsExactly(t("2026-11-02T08:00:00Z"));
  }
}
