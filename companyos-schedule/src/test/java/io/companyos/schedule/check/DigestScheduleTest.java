package io.companyos.schedule.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The digest at 06:00, 12:00 and 18:00 in the rhythm's zone: once per slot, within its grace hour. */
class DigestScheduleTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void slotsAreLocalTimesOfTheRhythmsZoneAcrossDaylightSavingTime() {
    DigestSchedule s = new DigestSchedule(DigestSchedule.SEED_TIMES, NEW_YORK, DigestSchedule.DEFAULT_GRACE);
    // Friday 31 Oct 2025 (EDT, UTC-4): 06:00 local is 10:00Z. Monday 3 Nov 2025 (EST, UTC-5): 06:00 local is 11:00Z.
    assertThat(s.latestSlot(Instant.parse("2025-10-31T10:20:00Z"))).isEqualTo(Instant.parse("2025-10-31T10:00:00Z"));
    assertThat(s.latestSlot(Instant.parse("2025-11-03T11:20:00Z"))).isEqualTo(Instant.parse("2025-11-03T11:00:00Z"));
    // 10:59Z on 3 Nov is 05:59 local: the latest slot is 18:00 local the day before (23:00Z on 2 Nov).
    assertThat(s.latestSlot(Instant.parse("2025-11-03T10:59:00Z"))).isEqualTo(Instant.parse("2025-11-02T23:00:00Z"));
  }

  @Test
  void aSlotIsDueOnceWithinItsGraceAndAMissedOneIsSkipped() {
    DigestSchedule s = new DigestSchedule(DigestSchedule.SEED_TIMES, ZoneOffset.UTC, Duration.ofHours(1));
    Instant six = Instant.parse("2026-11-23T06:00:00Z");
    assertThat(s.due(six.plusSeconds(60), null)).hasValue(six);
    // Posted: not again in the same slot.
    assertThat(s.due(six.plusSeconds(360), six)).isEmpty();
    // Not posted (it failed): still due 55 minutes in, no longer after the hour.
    assertThat(s.due(six.plus(Duration.ofMinutes(55)), Instant.parse("2026-11-22T18:00:00Z"))).hasValue(six);
    assertThat(s.due(six.plus(Duration.ofMinutes(61)), Instant.parse("2026-11-22T18:00:00Z"))).isEmpty();
    // Noon is the next slot.
    assertThat(s.due(Instant.parse("2026-11-23T12:04:00Z"), six)).hasValue(Instant.parse("2026-11-23T12:00:00Z"));
  }

  @Test
  void theRhythmsZoneIsThatOfItsHealthCheckMeeting() {
    assertThat(DigestSchedule.zoneOf(BuiltinDefinitions.load())).isEqualTo(ZoneId.of("UTC"));
  }
}
