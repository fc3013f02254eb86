package io.companyos.model.data;

import java.time.Instant;

/** A feature request or piece of feedback from a customer, grouped by {@code request}. */
public record FeedbackItem(
    Instant timestamp,
    String accountId,
    String request) {}
