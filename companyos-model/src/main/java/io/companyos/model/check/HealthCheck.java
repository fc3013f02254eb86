package io.companyos.model.check;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * One automated check of the seed's {@code health_checks} list: a metric query, the threshold at
 * which it fires, and the action to take then (for example {@code page_oncall}).
 *
 * @param fireOnStale fire the action when the data the query reads ends too long before the check runs
 *     ({@code fire_on_stale: true}); otherwise stale data is reported as such and fires nothing
 */
public record HealthCheck(@NotBlank String name, @NotBlank String query, Threshold threshold,
    @NotBlank String action, boolean fireOnStale) {

  public HealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(action, "action");
  }

  /** A check that reports stale data without firing. */
  public HealthCheck(String name, String query, Threshold threshold, String action) {
    this(name, query, threshold, action, false);
  }
}
