package io.companyos.connectors.costs;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The cost-exports source keeps the metric-source contract over an AWS Data Exports folder. */
class CostExportsContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new CostExportsSourceProvider().create(SourceContext.of("cloud", Map.of("path", "costs/aws"), clock,
        Path.of("src/test/resources")));
  }
}
