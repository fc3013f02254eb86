package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An action item raised in a meeting; {@code completedAt} is null while it is open. */
public record ActionItem(
    String actionId,
    String meeting,
    String title,
    String owner,
    Instant createdAt,
    Instant dueAt,
    @Nullable Instant completedAt) {}
