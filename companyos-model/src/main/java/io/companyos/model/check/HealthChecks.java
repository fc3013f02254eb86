package io.companyos.model.check;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The automated health checks, how often they run (every 5 minutes in the seed) and whom an undeliverable
 * notification is escalated to. Check names are unique because alerts and the status page refer to them.
 */
public record HealthChecks(Duration interval, List<@Valid HealthCheck> checks, EscalationPolicy escalation) {

  /** The seed's "every 5 minutes". */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  public HealthChecks {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(escalation, "escalation");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    checks = List.copyOf(checks);
    Set<String> names = new HashSet<>();
    for (HealthCheck c : checks) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("health check '" + c.name() + "' appears twice");
      }
    }
  }

  /** The checks with the default escalation. */
  public HealthChecks(Duration interval, List<HealthCheck> checks) {
    this(interval, checks, EscalationPolicy.DEFAULT);
  }

  /** The checks with the default interval. */
  public static HealthChecks of(List<HealthCheck> checks) {
    return new HealthChecks(DEFAULT_INTERVAL, checks);
  }
}
