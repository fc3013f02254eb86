package io.companyos.model.data;

import java.time.Instant;

/** One Net Promoter Score survey answer, 0..10. */
public record NpsResponse(
    Instant timestamp,
    String accountId,
    int score) {}
