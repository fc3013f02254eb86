package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A pull request; null times are events that have not happened yet. */
public record PullRequest(
    String prId,
    String title,
    String author,
    String repository,
    Instant openedAt,
    @Nullable Instant firstReviewAt,
    @Nullable Instant mergedAt,
    @Nullable Instant closedAt) {}
