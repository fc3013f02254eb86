package io.companyos.model.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One service-level objective of the company, whichever spec it was written in.
 *
 * @param name the objective's id, unique among the company's SLOs (OpenSLO {@code metadata.name}, Sloth
 *     {@code slos[].name} prefixed by the service, Pyrra {@code metadata.name})
 * @param service the service it belongs to; the ops review's SLO table shows one row per SLO under this name
 * @param description free text, empty when the spec has none
 * @param objective the target ratio in (0, 1), e.g. 0.999
 * @param window the SLO window, e.g. 28 days
 * @param calendarAligned true for a calendar-aligned window (OpenSLO {@code isRolling: false}); packs report
 *     their own windows either way
 * @param budgeting how the error budget is counted
 * @param indicator what counts as a good or a bad event
 * @param origin where the spec was read: {@code file:line:col (format)}
 */
public record SloSpec(String name, String service, String description, double objective, Duration window,
    boolean calendarAligned, BudgetingMethod budgeting, SloIndicator indicator, String origin) {
  public SloSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(budgeting, "budgeting");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(origin, "origin");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
  }

  /** The objective in percent as plain text without trailing zeros: 0.999 is {@code 99.9}. */
  public String objectivePercent() {
    return percent(objective);
  }

  /** {@code ratio} in percent as plain text without trailing zeros ({@code 0.995} is {@code 99.5}). */
  public static String percent(double ratio) {
    return plain(ratio * 100);
  }

  /** {@code x} as plain decimal text without trailing zeros, as written in a spec ({@code 0.999}, {@code 99.5}). */
  public static String plain(double x) {
    return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
  }

  /** How the error budget is counted (OpenSLO {@code budgetingMethod}). */
  public enum BudgetingMethod {
    /** Good events / all events over the window: what CompanyOS computes. */
    OCCURRENCES("Occurrences"),
    /** The share of time slices that met the objective. */
    TIMESLICES("Timeslices"),
    /** The share of time slices whose good/total ratio met the objective. */
    RATIO_TIMESLICES("RatioTimeslices");

    private final String openSlo;

    BudgetingMethod(String openSlo) {
      this.openSlo = openSlo;
    }

    /** The name OpenSLO uses. */
    public String openSlo() {
      return openSlo;
    }
  }
}
