package io.companyos.model.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A production incident; {@code timeResolved} is null while it is open, {@code rootCauseDeploy} names the deployment that caused it when known. */
public record Incident(
    String incidentId,
    Instant timeCreated,
    @Nullable Instant timeResolved,
    String severity,
    String service,
    String title,
    @Nullable String rootCauseDeploy) {}
