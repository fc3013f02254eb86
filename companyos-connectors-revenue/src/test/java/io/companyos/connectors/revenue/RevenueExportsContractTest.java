package io.companyos.connectors.revenue;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The revenue-exports source keeps the metric-source contract over the hand-written Stripe lists. */
class RevenueExportsContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new RevenueExportsSourceProvider().create(SourceContext.of("billing", Map.of("path", "revenue/stripe"), clock,
        Path.of("src/test/resources")));
  }
}
