package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A work item in a sprint; {@code kind} is story, task or bug; {@code escaped} marks a bug found in production; {@code goal} links it to a sprint goal; {@code addedAt} is when it entered the sprint. */
public record SprintItem(
    String sprintId,
    String itemId,
    String title,
    String kind,
    double points,
    boolean committed,
    Instant addedAt,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    boolean escaped,
    @Nullable String goal) {}
