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
   */
  public static io.companyos.model.time.TimeWindow window(CompanyDefinition company, Instant asOf, ZoneId zone) {
    return new PackAssembler(company, List.of()).healthWindow(asOf, zone);
  }

  public static HealthScore evaluate(CompanyDefinition company, List<MetricSource> sources, Instant asOf, ZoneId zone) {
    return new PackAssembler(company, sources).healthScore(asOf, zone);
  }
}
