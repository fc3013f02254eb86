package io.companyos.model.check;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One automated check of the seed's {@code health_checks} list: a metric query, the threshold at
 * which it fires, and the action to take then (for example {@code page_oncall}).
 *
 * @param fireOnStale fire the action when the data the query reads ends too long before the check runs
 *     ({@code fire_on_stale: true}); otherwise stale data is reported as such and fires nothing
 * @param severity the incident severity ({@code P1}..{@code P4}) the check's notifications carry when the
 *     firing series do not name one in a {@code severity} label; null = none stated (treated as {@code P1})
 */
public record HealthCheck(@NotBlank String name, @NotBlank String query, Threshold threshold,
    @NotBlank String action, boolean fireOnStale, @Nullable String severity) {

  /** The incident severities, most severe first. */
  public static final List<String> SEVERITIES = List.of("P1", "P2", "P3", "P4");

  public HealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(action, "action");
    if (severity != null && !SEVERITIES.contains(severity)) {
      throw new IllegalArgumentException("severity must be one of " + SEVERITIES + ", got '" + severity + "'");
    }
  }

  /** A check without a severity of its own. */
  public HealthCheck(String name, String query, Threshold threshold, String action, boolean fireOnStale) {
    this(name, query, threshold, action, fireOnStale, null);
  }

  /** A check that reports stale data without firing. */
  public HealthCheck(String name, String query, Threshold threshold, String action) {
    this(name, query, threshold, action, false, null);
  }
}
