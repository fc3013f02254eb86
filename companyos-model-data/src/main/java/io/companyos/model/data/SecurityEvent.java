package io.companyos.model.data;

import java.time.Instant;

/** A counted security event of a type such as {@code failed_auth}, {@code waf_block} or {@code anomaly}. */
public record SecurityEvent(
    Instant timestamp,
    String type,
    String source,
    long count) {}
