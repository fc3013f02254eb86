package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandsTest {
  @TempDir Path dir;

  @Test
  void scheduleListsTheWeekAheadDeterministically() {
    MainTest.Result r = MainTest.run("schedule", "--from", "2026-11-23T00:00:00Z", "--days", "7");
    assertThat(r.code()).isZero();
    // Monday 23 Nov 2026: the ops-review pack at 08:00 (cron 0 8 * * 1), the meeting at 10:00.
    assertThat(r.out()).contains("Mon 2026-11-23 08:00 UTC  pack     ops-review", "Mon 2026-11-23 10:00 UTC  meeting  Ops Review",
        "Mon 2026-11-23 06:00 UTC  digest   Automated Slack digest");
    assertThat(r.out()).isEqualTo(MainTest.run("schedule", "--from", "2026-11-23T00:00:00Z", "--days", "7").out());
    assertThat(MainTest.run("schedule", "--days", "0").code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void scheduleAsJsonNamesTheMeetingEachPackPrepares() throws Exception {
    MainTest.Result r = MainTest.run("schedule", "--from", "2026-12-01T00:00:00Z", "--days", "10", "--format", "json");
    JsonNode rows = new ObjectMapper().readTree(r.out());
    // The exec review meets on the first Monday (7 Dec 14:00); its pack is generated 24 h before.
    assertThat(rows).anySatisfy(n -> {
      assertThat(n.get("id").asText()).isEqualTo("exec-review");
      assertThat(n.get("kind").asText()).isEqualTo("pack");
      assertThat(n.get("at").asText()).isEqualTo("2026-12-06T14:00:00Z");
      assertThat(n.get("meeting_at").asText()).isEqualTo("2026-12-07T14:00:00Z");
    });
  }

  @Test
  void calendarWritesAnIcsFile() throws Exception {
    Path ics = dir.resolve("rhythm.ics");
    MainTest.Result r = MainTest.run("calendar", "--out", ics.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("(10 recurring events)");
    assertThat(Files.readString(ics)).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:ops-review@companyos", "RRULE:FREQ=WEEKLY;BYDAY=MO");
  }
}
