package io.companyos.model.data;

import java.time.Instant;

/** A planned deployment or maintenance window ({@code kind} is deploy or maintenance). */
public record ScheduledEvent(
    String eventId,
    String kind,
    String title,
    String service,
    Instant start,
    Instant end) {}
