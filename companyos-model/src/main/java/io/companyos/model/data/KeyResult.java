package io.companyos.model.data;

import java.time.Instant;

/** An OKR key result with its objective; progress is measured from {@code start} towards {@code target} (target below start means lower is better). */
public record KeyResult(
    String quarter,
    String objectiveId,
    String objective,
    String keyResultId,
    String title,
    String owner,
    double start,
    double target,
    double current,
    String unit,
    Instant updatedAt) {}
