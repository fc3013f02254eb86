package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A decision raised for a meeting; {@code decidedAt} is null while it is pending. */
public record Decision(
    String decisionId,
    String meeting,
    String title,
    Instant raisedAt,
    @Nullable Instant decidedAt) {}
