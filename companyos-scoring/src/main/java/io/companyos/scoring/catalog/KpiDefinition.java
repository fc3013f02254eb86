package io.companyos.scoring.catalog;

import io.companyos.scoring.Direction;
import java.util.Objects;

/**
 * One KPI of the catalog: what it is, how it is written, which way is good, which window it covers and which
 * scoring function computes it. The catalog is the single place a KPI is defined; {@code docs/kpis.md} is
 * generated from it.
 *
 * @param id stable identifier users script against ({@code change_failure_rate})
 * @param name the name packs show
 * @param definition one sentence: the formula in words
 * @param unit how the value is written ({@code ratio}, {@code %}, {@code h}, {@code USD}, {@code count}, ...)
 * @param good which direction is an improvement
 * @param window the window rule: what span the number covers
 * @param function the scoring function that computes it, as {@code package.Class.method} under
 *     {@code io.companyos.scoring}, or {@link KpiCatalog#READING} and a metric name for a value read as reported
 */
public record KpiDefinition(String id, String name, String definition, String unit, Direction good, String window,
    String function) {
  /**
   * Checks the definition.
   *
   * @param id stable identifier, lower_snake_case
   * @param name the name packs show
   * @param definition the formula in words
   * @param unit how the value is written
   * @param good which direction is an improvement
   * @param window the window rule
   * @param function the scoring function that computes it
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if {@code id} is not lower_snake_case
   */
  public KpiDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(good, "good");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(function, "function");
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("KPI id must be lower_snake_case, was '" + id + "'");
    }
  }
}
