package io.companyos.server;

import io.companyos.model.CompanyDefinition;
import io.companyos.sources.MetricSource;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the server shows: the company's definitions, its open sources and the as-of each build takes the data at
 * (the current time for live sources, a fixed instant for the sample company).
 */
public record ServedCompany(CompanyDefinition company, List<MetricSource> sources, Supplier<Instant> asOf) {
  public ServedCompany {
    sources = List.copyOf(sources);
  }
}
