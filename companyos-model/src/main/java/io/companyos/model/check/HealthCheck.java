package io.companyos.model.check;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * One automated check of the seed's {@code health_checks} list: a metric query, the threshold at
 * which it fires, and the action to take then (for example {@code page_oncall}).
 */
public record HealthCheck(@NotBlank String name, @NotBlank String query, Threshold threshold,
    @NotBlank String action) {

  public HealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(action, "action");
  }
}
