package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer support ticket; {@code closedAt} is null while it is open. */
public record SupportTicket(
    String ticketId,
    String accountId,
    String priority,
    Instant openedAt,
    @Nullable Instant closedAt) {}
