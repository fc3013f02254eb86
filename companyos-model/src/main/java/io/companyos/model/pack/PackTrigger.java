package io.companyos.model.pack;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a pack is generated, as a scheduler needs it: either a cron expression in a zone, or a lead
 * time before each occurrence of a rhythm meeting (for meetings cron cannot describe, such as "the
 * first Monday"). See {@link PackDefinition#trigger()}.
 */
public sealed interface PackTrigger {

  /** Generate at every time the 5-field {@code expression} matches in {@code zone}. */
  record Cron(String expression, ZoneId zone) implements PackTrigger {
    public Cron {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(zone, "zone");
    }
  }

  /** Generate {@code leadTime} before each occurrence of meeting {@code meetingId}. */
  record BeforeMeeting(String meetingId, Duration leadTime) implements PackTrigger {
    public BeforeMeeting {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(leadTime, "leadTime");
    }
  }
}
