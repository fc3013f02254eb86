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
 * sources over the exec review's reporting window, with its explanation.
 */
public final class CompositeHealth {
  private CompositeHealth() {}

  public static HealthScore evaluate(CompanyDefinition company, List<MetricSource> sources, Instant asOf, ZoneId zone) {
    return new PackAssembler(company, sources).healthScore(asOf, zone);
  }
}
