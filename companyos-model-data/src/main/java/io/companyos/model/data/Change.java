package io.companyos.model.data;

import java.time.Instant;

/** A code change (commit or merged PR) as in Four Keys' {@code changes} table: the start of lead time. */
public record Change(
    String changeId,
    Instant timeCreated) {}
