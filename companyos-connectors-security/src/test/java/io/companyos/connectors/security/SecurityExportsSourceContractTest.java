package io.companyos.connectors.security;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The security-exports source keeps the metric-source contract over every hand-written export at once. */
class SecurityExportsSourceContractTest extends MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new SecurityExportsSourceProvider().create(
        SourceContext.of("scans", Map.of("path", "security"), clock, Path.of("src/test/resources")));
  }
}
