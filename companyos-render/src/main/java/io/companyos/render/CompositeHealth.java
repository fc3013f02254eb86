package io.companyos.render;

import io.companyos.model.CompanyDefinition;
import io.companyos.scoring.health.HealthScore;
import io.companyos.sources.MetricSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The company's composite health score — the number behind the exec review's headline — for embedders
 * such as health endpoints and {@code companyos score health}: the standard health model fed from the
 * sources over the exec review's reporting window ({@link #window}), with its explanation. The number is the
 * same one every pack shows for that window at that as-of.
 */
public final class CompositeHealth {
  private CompositeHealth() {}

  /**
   * The window {@link #evaluate} scores at {@code asOf}: the month reported at the as-of over its complete days
   * (November 1–22 at 2026-11-23T09:00Z), the exec review's reporting window.
   *
   * @param company the company
   * @param asOf the instant the score is taken at
   * @param zone the time zone the month and its days are in
   * @return the window
   */
  public static io.companyos.model.time.TimeWindow window(CompanyDefinition company, Instant asOf, ZoneId zone) {
    return new PackAssembler(company, List.of()).healthWindow(asOf, zone);
  }

  /**
   * The composite health score at {@code asOf}: the company's health model over {@link #window}, fed from
   * {@code sources}; a KPI without data is left out and named in the score's missing list.
   *
   * @param company the company, whose health model weights the KPIs
   * @param sources the configured sources; for each record kind the first that holds it is used
   * @param asOf the instant the data is taken at
   * @param zone the time zone the month and its days are in
   * @return the score with its dimensions and the contribution of each KPI
   * @throws IllegalStateException if the company defines no pack
   */
  public static HealthScore evaluate(CompanyDefinition company, List<MetricSource> sources, Instant asOf, ZoneId zone) {
    return new PackAssembler(company, sources).healthScore(asOf, zone);
  }
}
