package io.companyos.model.data;

import java.time.Instant;

/** A CI build result. */
public record Build(
    String buildId,
    String pipeline,
    Instant timestamp,
    boolean success) {}
