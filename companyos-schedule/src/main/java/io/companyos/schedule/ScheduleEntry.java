package io.companyos.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One upcoming event of the rhythm: a meeting, the generation of its pack, or the Slack digest.
 *
 * @param meetingAt for a pack, the meeting it prepares (null when the pack has a plain cron schedule)
 * @param participants for a meeting, the role ids of its participants in rhythm order; empty otherwise
 */
public record ScheduleEntry(Instant at, ZoneId zone, Kind kind, String id, String name, @Nullable Instant meetingAt,
    List<String> participants) {
  /** What happens at {@link #at}. */
  public enum Kind {
    MEETING,
    PACK,
    DIGEST
  }

  public ScheduleEntry {
    participants = List.copyOf(participants);
  }

  /** An entry without participants (a pack run or the digest). */
  public ScheduleEntry(Instant at, ZoneId zone, Kind kind, String id, String name, @Nullable Instant meetingAt) {
    this(at, zone, kind, id, name, meetingAt, List.of());
  }
}
