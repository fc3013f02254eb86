package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One product usage event; {@code event} is e.g. {@code session_start}, {@code feature_used} or {@code signup}; {@code feature} is set for feature usage. */
public record ProductEvent(
    Instant timestamp,
    String userId,
    String accountId,
    String sessionId,
    String event,
    @Nullable String feature) {}
