package io.companyos.connectors.delivery;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The delivery-exports source keeps the metric-source contract over every hand-written GitHub and GitLab export at once. */
class DeliveryExportsContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new DeliveryExportsSourceProvider().create(SourceContext.of("git", Map.of("path", "delivery"), clock, Path.of("src/test/resources")));
  }
}
