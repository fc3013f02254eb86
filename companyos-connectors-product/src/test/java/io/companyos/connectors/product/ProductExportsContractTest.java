package io.companyos.connectors.product;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The product-exports source keeps the metric-source contract over PostHog batch exports. */
class ProductExportsContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    Map<String, String> options = new HashMap<>(Fixtures.POSTHOG_OPTIONS);
    options.put("path", "product/posthog");
    return new ProductExportsSourceProvider().create(SourceContext.of("analytics", options, clock, Path.of("src/test/resources")));
  }
}
