package io.companyos.model.data;

import java.math.BigDecimal;
import java.time.Instant;

/** A change in annual recurring revenue of one account; {@code kind} is new, expansion, contraction or churn; {@code amount} is positive for every kind. */
public record ArrMovement(
    Instant date,
    String accountId,
    String kind,
    BigDecimal amount) {}
