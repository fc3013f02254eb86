package io.companyos.schedule;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * One upcoming event of the rhythm: a meeting, the generation of its pack, or the Slack digest.
 *
 * @param meetingAt for a pack, the meeting it prepares (null when the pack has a plain cron schedule)
 */
public record ScheduleEntry(Instant at, ZoneId zone, Kind kind, String id, String name, @Nullable Instant meetingAt) {
  /** What happens at {@link #at}. */
  public enum Kind {
    MEETING,
    PACK,
    DIGEST
  }
}
