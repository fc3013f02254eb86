package io.companyos.model.org;

import io.companyos.model.check.Threshold;
import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * One of the seed's "Rhythm Effectiveness KPIs" (meeting start adherence, decision time, ...): the
 * target is met when the measured value satisfies {@link #target()}, e.g. {@code >= 95} percent.
 */
public record RhythmKpi(
    @NotBlank String id, @NotBlank String name, Threshold target, KpiUnit unit, @NotBlank String measurement) {

  public RhythmKpi {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(measurement, "measurement");
  }

  /** True when {@code measured} meets the target; NaN (no data) never does. */
  public boolean met(double measured) {
    return target.test(measured);
  }
}
