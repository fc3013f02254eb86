package io.companyos.model.check;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One automated check of the seed's {@code health_checks} list: a metric query, the threshold at
 * which it fires, and the action to take then (for example {@code page_oncall}). Instead of a query, a check can name
 * one of the company's SLO specs and a measure of it ({@link SloTarget}); its query is then
 * {@code slo <name> <measure>}, for reports.
 *
 * @param fireOnStale fire the action when the data the query reads ends too long before the check runs
 *     ({@code fire_on_stale: true}); otherwise stale data is reported as such and fires nothing
 * @param severity the incident severity ({@code P1}..{@code P4}) the check's notifications carry when the
 *     firing series do not name one in a {@code severity} label; null = none stated (treated as {@code P1})
 * @param slo the SLO spec and measure the check decides on, or null for a check of {@code query}
 */
public record HealthCheck(@NotBlank String name, @NotBlank String query, Threshold threshold,
    @NotBlank String action, boolean fireOnStale, @Nullable String severity, @Nullable SloTarget slo) {

  /** What an SLO check measures of the SLO, as a ratio or a factor. */
  public enum SloMeasure {
    /** Good events / all events over the spec's own window ending at the check, e.g. 0.9985. */
    ATTAINMENT("attainment"),
    /** Error budget left over the spec's window: 1 untouched, 0 spent, negative overspent. */
    BUDGET_REMAINING("budget_remaining"),
    /** Error ratio / (1 − objective) over the hour before the check. */
    BURN_RATE("burn_rate"),
    /** The factor of the burn-rate tier the SLO is in (14.4, 6, 3, 1), 0 when none fires. */
    BURN_TIER("burn_tier");

    private final String key;

    SloMeasure(String key) {
      this.key = key;
    }

    /** The name health-checks.yaml uses ({@code budget_remaining}). */
    public String key() {
      return key;
    }
  }

  /**
   * The SLO spec a check decides on ({@code slo:} in health-checks.yaml) and its measure ({@code measure:}).
   *
   * @param name an SLO of the company's specs (docs/slos.md)
   */
  public record SloTarget(String name, SloMeasure measure) {
    public SloTarget {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(measure, "measure");
    }
  }

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

  /** A check of {@code query}. */
  public HealthCheck(String name, String query, Threshold threshold, String action, boolean fireOnStale, @Nullable String severity) {
    this(name, query, threshold, action, fireOnStale, severity, null);
  }

  /** A check of an SLO spec's measure; its query reads {@code slo <name> <measure>}. */
  public static HealthCheck ofSlo(String name, SloTarget slo, Threshold threshold, String action, boolean fireOnStale,
      @Nullable String severity) {
    return new HealthCheck(name, "slo " + slo.name() + " " + slo.measure().key(), threshold, action, fireOnStale, severity, slo);
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
