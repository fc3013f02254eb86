package io.companyos.model.data;

import java.time.Instant;

/** A view of a dashboard by a user, from analytics, for the dashboard-usage KPI. */
public record DashboardView(
    Instant timestamp,
    String userId,
    String dashboard) {}
