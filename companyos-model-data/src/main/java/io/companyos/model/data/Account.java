package io.companyos.model.data;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer account with its current ARR and segment. */
public record Account(
    String accountId,
    String name,
    String segment,
    BigDecimal arr,
    Instant since) {}
