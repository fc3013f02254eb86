package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A meeting that took place, for the rhythm-effectiveness KPIs. */
public record MeetingRecord(
    String meetingId,
    String meeting,
    Instant scheduledStart,
    @Nullable Instant actualStart) {}
